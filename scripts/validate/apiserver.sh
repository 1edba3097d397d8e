#!/usr/bin/env bash
# A throwaway Kubernetes control plane for validation: Debian etcd + the kube-apiserver that
# `make tools` built, both on 127.0.0.1 only, on free ports, state in a temp dir.
# No controller-manager, scheduler or kubelet run: nothing is ever scheduled or reconciled.
#
# Sourced by the checks (they call apiserver_start / apiserver_stop from an EXIT trap), or
# run by hand to poke at it:
#   scripts/validate/apiserver.sh start DIR   # prints `export KUBECONFIG=DIR/kubeconfig`
#   scripts/validate/apiserver.sh stop DIR
#
# Admission: ServiceAccount is disabled because no controller creates the `default`
# ServiceAccount a Pod would be checked against. Everything else stays on, notably
# NamespaceLifecycle (objects must target a Namespace that exists) and PodSecurity (a
# namespace's pod-security labels turn violations into warnings, which the checks fail on).

_apiserver_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/tools/lib.sh
. "$_apiserver_here/../tools/lib.sh"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# alive PID: running, not a zombie waiting to be reaped (kill -0 succeeds on zombies).
alive() {
  if [ -r "/proc/$1/stat" ]; then
    local st; st=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)
    [ -n "$st" ] && [ "$st" != Z ]
  else
    kill -0 "$1" 2>/dev/null
  fi
}

# apiserver_stop DIR: stop what apiserver_start DIR started, by pid, apiserver first so it
# does not log etcd errors while shutting down. Safe to call twice or on a half start.
apiserver_stop() {
  local dir=$1 p pid
  for p in apiserver etcd; do
    [ -f "$dir/$p.pid" ] || continue
    pid=$(cat "$dir/$p.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/$p.pid"
  done
  if [ -f "$dir/etcd-data.path" ]; then rm -rf "$(cat "$dir/etcd-data.path")" "$dir/etcd-data.path"; fi
}

_pki() {
  local d=$1
  mkdir -p "$d"
  # EC keys: an order of magnitude faster to generate than RSA, accepted everywhere here.
  local ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
  openssl req -x509 "${ec[@]}" -keyout "$d/ca.key" -out "$d/ca.crt" -days 2 -subj "/CN=validate-ca" 2>/dev/null
  openssl req "${ec[@]}" -keyout "$d/apiserver.key" -out "$d/apiserver.csr" -subj "/CN=kube-apiserver" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$d/apiserver.ext"
  openssl x509 -req -in "$d/apiserver.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial \
    -out "$d/apiserver.crt" -days 2 -extfile "$d/apiserver.ext" 2>/dev/null
  openssl req "${ec[@]}" -keyout "$d/admin.key" -out "$d/admin.csr" -subj "/O=system:masters/CN=validate-admin" 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\n' > "$d/admin.ext"
  openssl x509 -req -in "$d/admin.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial \
    -out "$d/admin.crt" -days 2 -extfile "$d/admin.ext" 2>/dev/null
  openssl ecparam -name prime256v1 -genkey -noout -out "$d/sa.key" 2>/dev/null
  openssl ec -in "$d/sa.key" -pubout -out "$d/sa.pub" 2>/dev/null
}

# apiserver_start DIR: start etcd + kube-apiserver, wait for /readyz and the default
# namespace, write DIR/kubeconfig. Returns non-zero (after stopping what it started) on failure.
apiserver_start() {
  local dir=$1 t
  for t in "$KUBE_APISERVER" "$KUBECTL"; do
    [ -x "$t" ] || { echo "$t missing: run 'make tools'" >&2; return 1; }
  done
  local etcd_bin; etcd_bin=$(command -v etcd) || { echo "etcd not on PATH: run 'make tools'" >&2; return 1; }
  mkdir -p "$dir"
  _pki "$dir/pki"
  local etcd_port peer_port api_port
  etcd_port=$(free_port); peer_port=$(free_port); api_port=$(free_port)
  # tmpfs when there is one: etcd fsyncs every write and nothing here needs durability.
  local data="$dir/etcd-data"
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then data=$(mktemp -d /dev/shm/validate-etcd.XXXXXX); fi
  echo "$data" >"$dir/etcd-data.path"
  "$etcd_bin" --name validate --data-dir "$data" \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
    --initial-cluster "validate=http://127.0.0.1:$peer_port" >"$dir/etcd.log" 2>&1 &
  echo $! >"$dir/etcd.pid"
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$etcd_port/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
  "$KUBE_APISERVER" \
    --etcd-servers "http://127.0.0.1:$etcd_port" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$api_port" \
    --tls-cert-file "$dir/pki/apiserver.crt" --tls-private-key-file "$dir/pki/apiserver.key" \
    --client-ca-file "$dir/pki/ca.crt" \
    --service-account-key-file "$dir/pki/sa.pub" --service-account-signing-key-file "$dir/pki/sa.key" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-cluster-ip-range 10.96.0.0/16 \
    --authorization-mode RBAC \
    --endpoint-reconciler-type none \
    --enable-priority-and-fairness=false \
    --profiling=false \
    --disable-admission-plugins ServiceAccount \
    >"$dir/apiserver.log" 2>&1 &
  echo $! >"$dir/apiserver.pid"
  local kc="$dir/kubeconfig"
  cat >"$kc" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: validate
  cluster:
    server: https://127.0.0.1:$api_port
    certificate-authority: $dir/pki/ca.crt
users:
- name: admin
  user:
    client-certificate: $dir/pki/admin.crt
    client-key: $dir/pki/admin.key
contexts:
- name: validate
  context: {cluster: validate, user: admin}
current-context: validate
EOF
  local ready=""
  for _ in $(seq 1 1200); do
    if ! alive "$(cat "$dir/apiserver.pid")"; then
      echo "kube-apiserver exited:" >&2; tail -20 "$dir/apiserver.log" >&2
      apiserver_stop "$dir"; return 1
    fi
    if [ "$("$KUBECTL" --kubeconfig "$kc" get --raw /readyz 2>/dev/null)" = ok ]; then ready=1; break; fi
    sleep 0.1
  done
  if [ -z "$ready" ]; then
    echo "kube-apiserver not ready after 120s:" >&2; tail -20 "$dir/apiserver.log" >&2
    apiserver_stop "$dir"; return 1
  fi
  # The bootstrap controller creates `default` shortly after readyz.
  for _ in $(seq 1 100); do "$KUBECTL" --kubeconfig "$kc" get ns default >/dev/null 2>&1 && break; sleep 0.1; done
  echo "kube-apiserver $K8S_VERSION ready on 127.0.0.1:$api_port (etcd :$etcd_port)"
}

# apiserver_install_crds KUBECONFIG: the ESO and AWS LBC CRDs, server-side (the ESO ones are
# too large for client-side apply's last-applied annotation), then wait for Established.
apiserver_install_crds() {
  local kc=$1
  if [ ! -f "$ESO_CRDS/.complete" ] || [ ! -f "$LBC_CRDS/.complete" ] || [ ! -f "$VPC_RC_CRDS/.complete" ]; then
    echo "CRDs missing: run 'make tools'" >&2; return 1
  fi
  "$KUBECTL" --kubeconfig "$kc" apply --server-side --field-manager=validate \
    -f "$ESO_CRDS" -f "$LBC_CRDS" -f "$VPC_RC_CRDS" >/dev/null || return 1
  "$KUBECTL" --kubeconfig "$kc" wait --for=condition=Established crd --all --timeout=120s >/dev/null || return 1
  echo "CRDs Established: $("$KUBECTL" --kubeconfig "$kc" get crd -o name | wc -l) (ESO $ESO_VERSION, AWS LBC $LBC_VERSION, VPC RC $VPC_RC_VERSION)"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start)
      apiserver_start "${2:?usage: apiserver.sh start DIR}"
      apiserver_install_crds "$2/kubeconfig"
      echo "export KUBECONFIG=$2/kubeconfig"
      ;;
    stop) apiserver_stop "${2:?usage: apiserver.sh stop DIR}" ;;
    *) die "usage: apiserver.sh start|stop DIR" ;;
  esac
fi
