#!/usr/bin/env bash
# The Helm form of dist/: `helm lint --strict`, `helm template`, then the rendered objects
# through the same kube-apiserver dry-run as dist/ (check-k8s.sh), in the release namespace.
#
# Usage: check-helm.sh [--namespace NS] [--label NAME] CHART_DIR [[--label NAME] CHART_DIR ...]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/tools/lib.sh
. "$HERE/../tools/lib.sh"
require_tool "$HELM"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/validate-helm.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# Keep helm away from the user's repositories, plugins and caches.
export HELM_CACHE_HOME=$WORK/cache HELM_CONFIG_HOME=$WORK/config HELM_DATA_HOME=$WORK/data

namespace=supabase
label=""
rc=0
k8s_args=()
n=0
for arg in "$@"; do
  if [ "$arg" = --namespace ]; then namespace=next; continue; fi
  if [ "$namespace" = next ]; then namespace=$arg; continue; fi
  if [ "$arg" = --label ]; then label=next; continue; fi
  if [ "$label" = next ]; then label=$arg; continue; fi
  chart=$arg; name=${label:-$chart}; label=""; n=$((n + 1))
  if [ ! -f "$chart/Chart.yaml" ]; then echo "FAIL $name: no $chart/Chart.yaml (build the chart first)"; rc=1; continue; fi
  if ! "$HELM" lint --strict --namespace "$namespace" "$chart" >"$WORK/lint.log" 2>&1; then
    echo "FAIL $name: helm lint --strict"; sed 's/^/  /' "$WORK/lint.log"; rc=1; continue
  fi
  out=$WORK/rendered-$n.yaml
  if ! "$HELM" template supabase "$chart" --namespace "$namespace" >"$out" 2>"$WORK/template.log"; then
    echo "FAIL $name: helm template"; sed 's/^/  /' "$WORK/template.log"; rc=1; continue
  fi
  if grep -q . "$WORK/template.log"; then
    echo "FAIL $name: helm template wrote to stderr"; sed 's/^/  /' "$WORK/template.log"; rc=1; continue
  fi
  echo "ok   $name: helm $HELM_VERSION lint --strict + template: $(python3 "$HERE/manifests.py" count "$out") objects"
  k8s_args+=(--label "$name (helm template)" "$out")
done
if [ ${#k8s_args[@]} -gt 0 ]; then
  "$HERE/check-k8s.sh" --namespace "$namespace" "${k8s_args[@]}" || rc=1
fi
exit $rc
