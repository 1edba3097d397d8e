#!/usr/bin/env bash
# Server-side dry-run of rendered manifests against a real kube-apiserver (built by
# `make tools`, same minor as the cluster) with the ESO and AWS LBC CRDs Established.
#
# Usage: check-k8s.sh [--namespace NS] [--label NAME] PATH [[--label NAME] PATH ...]
#   PATH: a directory (every manifest file under it, in file-name order) or one file.
#   --namespace NS: objects without metadata.namespace go to NS (as `helm install -n NS`
#   does); without it they would land in `default`, which is reported as a failure.
# For each PATH: the Namespaces it defines are created for real (so NamespaceLifecycle and
# PodSecurity see the real labels), other namespaces it uses are created bare, then every
# object goes through `kubectl apply --dry-run=server --validate=strict` (client-side apply,
# exactly what a user runs). Fails unless every object is accepted with zero warnings.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/validate/apiserver.sh
. "$HERE/apiserver.sh"

[ $# -gt 0 ] || die "usage: check-k8s.sh [--label NAME] PATH..."

STATE=$(mktemp -d "${TMPDIR:-/tmp}/validate-k8s.XXXXXX")
# VALIDATE_KUBECONFIG: a server (with the CRDs) that run.sh started for several checks.
if [ -n "${VALIDATE_KUBECONFIG:-}" ]; then
  trap 'rm -rf "$STATE"' EXIT
  KC=$VALIDATE_KUBECONFIG
  echo "using the shared kube-apiserver $K8S_VERSION ($KC)"
else
  # shellcheck disable=SC2317 # called by the EXIT trap
  cleanup() { apiserver_stop "$STATE"; rm -rf "$STATE"; }
  trap cleanup EXIT
  apiserver_start "$STATE"
  KC=$STATE/kubeconfig
  apiserver_install_crds "$KC"
fi
k() { "$KUBECTL" --kubeconfig "$KC" --cache-dir "$STATE/kube-cache" "$@"; }

rc=0
label=""
namespace=""
for arg in "$@"; do
  if [ "$arg" = --namespace ]; then namespace=next; continue; fi
  if [ "$namespace" = next ]; then namespace=$arg; continue; fi
  if [ "$arg" = --label ]; then label=next; continue; fi
  if [ "$label" = next ]; then label=$arg; continue; fi
  path=$arg; name=${label:-$path}; label=""
  mapfile -t files < <(python3 "$HERE/manifests.py" files "$path")
  if [ ${#files[@]} -eq 0 ]; then echo "FAIL $name: no manifest files in $path"; rc=1; continue; fi
  want=$(python3 "$HERE/manifests.py" count "${files[@]}")
  out=$STATE/out; err=$STATE/err; : >"$err"

  # Namespaces first, for real: a dry-run Namespace would not exist for the objects after it.
  python3 "$HERE/manifests.py" namespace-objects "${files[@]}" >"$STATE/ns.yaml"
  if [ -s "$STATE/ns.yaml" ]; then
    k apply --validate=strict -f "$STATE/ns.yaml" >/dev/null 2>>"$err" || true
  fi
  for ns in $(python3 "$HERE/manifests.py" namespaces "${files[@]}") $namespace; do
    # --save-config: a later `kubectl apply` of this Namespace must not warn about a missing
    # last-applied annotation.
    k get namespace "$ns" >/dev/null 2>&1 || k create namespace "$ns" --save-config >/dev/null
  done

  fargs=(); for f in "${files[@]}"; do fargs+=(-f "$f"); done
  if [ -n "$namespace" ]; then fargs+=(--namespace "$namespace"); fi
  set +e
  k apply --dry-run=server --validate=strict "${fargs[@]}" -o json >"$out.json" 2>>"$err"
  krc=$?
  set -e
  # One line per object the server accepted: apiVersion|kind|namespace|name.
  python3 "$HERE/manifests.py" accepted "$out.json" >"$out"
  got=$(grep -c . "$out" || true)
  # Without --namespace, a namespaced object lacking metadata.namespace silently lands in
  # whatever namespace the user's kubeconfig selects: fail on it.
  defaulted=""
  if [ -z "$namespace" ]; then defaulted=$(awk -F'|' '$3 == "default" {print "  " $2 "/" $4 " has no metadata.namespace"}' "$out"); fi
  warnings=$(grep -c '^Warning:' "$err" || true)
  if [ "$krc" -ne 0 ] || [ "$got" -ne "$want" ] || [ "$warnings" -ne 0 ] || [ -n "$defaulted" ]; then
    rc=1
    echo "FAIL $name: $got/$want objects accepted, $warnings warnings (kubectl exit $krc)"
    sed 's/^/  /' "$err"
    [ -z "$defaulted" ] || echo "$defaulted"
  else
    echo "ok   $name: $got/$want objects accepted by kube-apiserver $K8S_VERSION (dry-run=server, validate=strict), 0 warnings, ${#files[@]} files"
  fi
done
exit $rc
