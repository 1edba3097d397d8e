# shellcheck shell=bash
# Variables set here are used by the scripts that source this file.
# shellcheck disable=SC2034
# Shared helpers for scripts/tools and scripts/validate. Source it; it loads versions.env.
_lib_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
set -a
# shellcheck source=internal/versions/versions.env
. "$_lib_dir/../../internal/versions/versions.env"
set +a
TOOLS_DIR=${TOOLS_DIR:-${CACHE_DIR:-$HOME/.cache/supabase-eks}/tools}
# The CRD files of the AWS Load Balancer Controller at $LBC_VERSION (config/crd/bases).
LBC_CRD_FILES="elbv2.k8s.aws_ingressclassparams.yaml elbv2.k8s.aws_targetgroupbindings.yaml elbv2.k8s.aws_albtargetcontrolconfigs.yaml"

die() { echo "error: $*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }

tool_dir() { echo "$TOOLS_DIR/$1/$2"; }
crd_schema_dir() { tool_dir crd-schemas "eso-$ESO_VERSION-lbc-$LBC_VERSION-vpcrc-$VPC_RC_VERSION"; }

# Paths of the installed validators (make tools puts them there).
KUBE_APISERVER=$(tool_dir kube-apiserver "$K8S_VERSION")/kube-apiserver
KUBECTL=$(tool_dir kubectl "$K8S_VERSION")/kubectl
HELM=$(tool_dir helm "$HELM_VERSION")/helm
TRIVY=$(tool_dir trivy "$TRIVY_VERSION")/trivy
KUBECONFORM=$(tool_dir kubeconform "$KUBECONFORM_VERSION")/kubeconform
KUBE_SCORE=$(tool_dir kube-score "$KUBE_SCORE_VERSION")/kube-score
TF_PROVIDER_AWS=$(tool_dir terraform-provider-aws "$TPA_VERSION")/terraform-provider-aws
TF_PROVIDER_AWS_SCHEMA=$(tool_dir terraform-provider-aws "$TPA_VERSION")/schema.json
K8S_SCHEMAS=$(tool_dir k8s-schemas "$K8S_VERSION")
CRD_SCHEMAS=$(crd_schema_dir)
ESO_CRDS=$(tool_dir crds "eso-$ESO_VERSION")
ESO_CONTROLLER=$(tool_dir eso-controller "$ESO_VERSION")/eso-controller
# initdb/postgres of the RDS PostgreSQL version, with the machine's psql next to them.
# As root, internal/testkit/pgtest runs the server as an unprivileged user, who cannot enter
# root's home: there they go where a system package would put them.
if [ "$(id -u)" = 0 ]; then
  POSTGRES_RDS_DIR=${POSTGRES_RDS_DIR:-/usr/local/lib/supabase-eks/postgres/$POSTGRES_RDS_VERSION}
else
  POSTGRES_RDS_DIR=${POSTGRES_RDS_DIR:-$(tool_dir postgres "$POSTGRES_RDS_VERSION")}
fi
POSTGRES_RDS_BINDIR=$POSTGRES_RDS_DIR/bin
# pg_dump, pg_restore and psql of the RDS major (the restore drill), behind wrappers that run them
# with their suite's loader; keyed by the suite and the package names, resolved on install.
PG_CLIENT_DIR=$(tool_dir pg-client "$PG_CLIENT_MAJOR-$PG_CLIENT_SUITE")
PG_CLIENT_BINDIR=$PG_CLIENT_DIR/bin
ESO_CHART=$(tool_dir eso-controller "$ESO_VERSION")/chart
# The Node clients of the runtime conformance harness (internal/testkit/conformance/clients), one
# directory per content of their lockfiles: a changed pin installs afresh.
CONFORMANCE_CLIENTS_SRC=$(cd "$_lib_dir/../.." && pwd)/internal/testkit/conformance/clients
CONFORMANCE_CLIENT_STACKS="storage meta"
conformance_clients_dir() {
  local s sum
  sum=$(for s in $CONFORMANCE_CLIENT_STACKS; do cat "$CONFORMANCE_CLIENTS_SRC/$s/package.json" "$CONFORMANCE_CLIENTS_SRC/$s/package-lock.json"; done | sha256sum | cut -c1-16)
  tool_dir conformance-clients "$sum"
}
LBC_CRDS=$(tool_dir crds "lbc-$LBC_VERSION")
VPC_RC_CRDS=$(tool_dir crds "vpcrc-$VPC_RC_VERSION")

# go_mod_json MODULE VERSION: `go mod download -json` outside any module (exact version).
go_mod_json() {
  local d rc=0; d=$(mktemp -d)
  (cd "$d" && GOFLAGS=-mod=mod go mod download -json "$1@$2") || rc=$?
  rm -rf "$d"
  return $rc
}
go_mod_dir() { go_mod_json "$1" "$2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])'; }
go_mod_file() { cat "$(go_mod_json "$1" "$2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["GoMod"])')"; }

postgres_bindir() {
  local d
  for d in "${SUPABASE_EKS_PG_BINDIR:-}" "/usr/lib/postgresql/$POSTGRES_MAJOR/bin"; do
    [ -n "$d" ] && [ -x "$d/postgres" ] && { echo "$d"; return 0; }
  done
  d=$(dirname "$(command -v postgres 2>/dev/null || echo /nonexistent/x)")
  [ -x "$d/postgres" ] && "$d/postgres" --version | grep -q " $POSTGRES_MAJOR\." && { echo "$d"; return 0; }
  return 1
}

require_tool() {
  [ -f "$1" ] || die "$1 missing: run 'make tools'"
}
