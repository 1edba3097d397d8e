#!/usr/bin/env bash
# kubeconform -strict against schemas generated offline by `make tools`: built-in kinds from
# the swagger.json of the k8s.io/kubernetes release the cluster runs, CRD kinds (ESO, AWS
# LBC) from their CRDs. A kind with no schema is an error, not a skip.
#
# Usage: check-kubeconform.sh [--label NAME] PATH [[--label NAME] PATH ...]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/tools/lib.sh
. "$HERE/../tools/lib.sh"
require_tool "$KUBECONFORM"
if [ ! -f "$K8S_SCHEMAS/.complete" ] || [ ! -f "$CRD_SCHEMAS/.complete" ]; then die "schemas missing: run 'make tools'"; fi
[ $# -gt 0 ] || die "usage: check-kubeconform.sh [--label NAME] PATH..."

rc=0
label=""
for arg in "$@"; do
  if [ "$arg" = --label ]; then label=next; continue; fi
  if [ "$label" = next ]; then label=$arg; continue; fi
  path=$arg; name=${label:-$path}; label=""
  mapfile -t files < <(python3 "$HERE/manifests.py" files "$path")
  if [ ${#files[@]} -eq 0 ]; then echo "FAIL $name: no manifest files in $path"; rc=1; continue; fi
  set +e
  # {{ .ResourceKind }} is the lower-cased kind; the file names were generated to match.
  out=$("$KUBECONFORM" -strict -summary -output text -kubernetes-version "${K8S_VERSION#v}" \
    -schema-location "$K8S_SCHEMAS/{{ .ResourceKind }}{{ .KindSuffix }}.json" \
    -schema-location "$CRD_SCHEMAS/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json" \
    "${files[@]}" 2>&1)
  krc=$?
  set -e
  summary=$(grep '^Summary:' <<<"$out" || true)
  if [ $krc -ne 0 ]; then
    rc=1; echo "FAIL $name: kubeconform -strict (k8s ${K8S_VERSION}): ${summary:-exit $krc}"
    grep -v '^Summary:' <<<"$out" | sed 's/^/  /'
  else
    echo "ok   $name: kubeconform -strict (k8s ${K8S_VERSION} + ESO/LBC/VPC RC CRD schemas): ${summary#Summary: }"
  fi
done
exit $rc
