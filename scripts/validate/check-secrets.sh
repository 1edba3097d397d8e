#!/usr/bin/env bash
# The secrets flow end to end, offline: for each environment, a fresh bare
# kube-apiserver with the ESO CRDs, the real External Secrets Operator controller (built by
# `make tools`, same release as the CRDs) running out of cluster, and a loopback Secrets
# Manager + STS configured from the environment's synthesized cdk.tf.json. The manifests in
# dist/<env>/ are applied exactly as rendered. See cmd/e2e-secrets and internal/testkit/secretsflow.
#
# Usage: check-secrets.sh ENV...
# Environment: NEGATIVES (rotation and negative cases: "all" envs, the default; "first"; "none"),
#   E2E_TIMEOUT (longest wait for the controller in one case; default 60s),
#   STACKS_DIR, DIST_DIR, GO, E2E_OUT (logs; default .cache/validate/e2e-secrets).
# One apiserver per environment: both render the same namespace and ClusterSecretStore
# names, and with no garbage collector running nothing could be cleaned between them.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=scripts/validate/apiserver.sh
. "$HERE/apiserver.sh"
cd "$ROOT"

[ $# -gt 0 ] || die "usage: check-secrets.sh ENV..."
for t in "$ESO_CONTROLLER" "$ESO_CHART/Chart.yaml" "$HELM"; do
  [ -e "$t" ] || die "$t missing: run 'make tools'"
done
STACKS_DIR=${STACKS_DIR:-cdktf.out/stacks}
DIST_DIR=${DIST_DIR:-dist}
E2E_OUT=${E2E_OUT:-.cache/validate/e2e-secrets}
NEGATIVES=${NEGATIVES:-all}

mkdir -p "$E2E_OUT"
BIN=$E2E_OUT/e2e-secrets
${GO:-go} build -o "$BIN" ./cmd/e2e-secrets

STATE=""
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() { [ -n "$STATE" ] && { apiserver_stop "$STATE"; rm -rf "$STATE"; }; return 0; }
trap cleanup EXIT

rc=0
first=1
for env in "$@"; do
  t0=$(now)
  STATE=$(mktemp -d "${TMPDIR:-/tmp}/validate-secrets.XXXXXX")
  apiserver_start "$STATE" >/dev/null
  apiserver_install_crds "$STATE/kubeconfig" >/dev/null
  printf '%s: kube-apiserver %s with the ESO %s CRDs ready in %.1fs\n' "$env" "$K8S_VERSION" "$ESO_VERSION" "$(elapsed "$t0")"
  neg=false
  case $NEGATIVES in all) neg=true ;; first) [ $first = 1 ] && neg=true ;; esac
  first=0
  work=$E2E_OUT/$env; rm -rf "$work"; mkdir -p "$work"
  "$BIN" --env "$env" --dist "$DIST_DIR" --stacks "$STACKS_DIR" --kubeconfig "$STATE/kubeconfig" \
    --kubectl "$KUBECTL" --helm "$HELM" --eso-controller "$ESO_CONTROLLER" --eso-chart "$ESO_CHART" \
    --workdir "$work" --negatives="$neg" --timeout "${E2E_TIMEOUT:-60s}" || rc=1
  apiserver_stop "$STATE"; rm -rf "$STATE"; STATE=""
  printf '%s: secrets e2e took %.1fs\n' "$env" "$(elapsed "$t0")"
done
exit $rc
