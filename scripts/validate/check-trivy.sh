#!/usr/bin/env bash
# trivy config (misconfiguration checks embedded in the pinned binary, no download) over the
# Terraform JSON, the Terraform plan JSON and rendered Kubernetes manifests.
#
# Usage: check-trivy.sh [--ignorefile FILE] [--tf LABEL=STACK_DIR] [--plan LABEL=PLAN_JSON] [--k8s LABEL=DIR] ...
#
# Policy: zero HIGH or CRITICAL findings, whatever the ignore file says; every LOW/MEDIUM
# finding must be accepted in the one ignore file
# (default: .trivyignore.yaml at the repository root), each entry with a `statement` giving
# the reason. The inputs are copied into one tree, so ignore-file `paths` are relative to it:
#   tf/<label>/cdk.tf   plan/<label>/plan.json   k8s/<label>/<file>
# (cdk.tf is cdk.tf.json rewritten as HCL by tfjson2hcl.py: trivy cannot see nested blocks
# in Terraform JSON, so scanning the JSON itself reports encrypted things as unencrypted.)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=scripts/tools/lib.sh
. "$HERE/../tools/lib.sh"
require_tool "$TRIVY"

IGNORE=$ROOT/.trivyignore.yaml
TREE=$(mktemp -d "${TMPDIR:-/tmp}/validate-trivy.XXXXXX")
trap 'rm -rf "$TREE"' EXIT
mkdir -p "$TREE/scan"
inputs=0
while [ $# -gt 0 ]; do
  case "$1" in
    --ignorefile) IGNORE=$2; shift 2; continue ;;
    --tf | --plan | --k8s) kind=${1#--}; spec=$2; shift 2 ;;
    *) die "usage: check-trivy.sh [--ignorefile FILE] [--tf|--plan|--k8s LABEL=PATH]..." ;;
  esac
  label=${spec%%=*}; path=${spec#*=}
  [ -e "$path" ] || die "$kind input $path does not exist"
  dest=$TREE/scan/$kind/$label
  mkdir -p "$dest"
  case $kind in
    # Terraform JSON hides nested blocks from trivy; give it the same configuration as HCL.
    tf) require_tool "$TF_PROVIDER_AWS_SCHEMA"
        for f in "$path"/*.tf.json; do
          python3 "$HERE/tfjson2hcl.py" "$TF_PROVIDER_AWS_SCHEMA" "$f" "$dest/$(basename "$f" .json)"
        done ;;
    plan) python3 "$HERE/planfix.py" "$path" "$dest/plan.json" ;;
    k8s) mapfile -t files < <(python3 "$HERE/manifests.py" files "$path")
         [ ${#files[@]} -gt 0 ] || die "no manifests in $path"
         cp "${files[@]}" "$dest/" ;;
  esac
  inputs=$((inputs + 1))
done
[ "$inputs" -gt 0 ] || die "nothing to scan"
[ -f "$IGNORE" ] || die "ignore file $IGNORE missing"
python3 "$HERE/trivy_report.py" check-ignorefile "$IGNORE"

export TRIVY_CACHE_DIR=$TREE/cache
# --skip-check-update: use the checks compiled into the binary, never pull the OCI bundle.
# An empty --ignorefile: every finding is reported (a stray .trivyignore is never picked up);
# trivy_report.py applies the project's ignore file itself, see there why.
: >"$TREE/none.trivyignore"
OFFLINE=(--skip-check-update --skip-version-check --disable-telemetry --quiet
  --ignorefile "$TREE/none.trivyignore" --format json)
cd "$TREE/scan"
# trivy names every finding of a plan "main.tf", so each plan is scanned on its own and its
# findings relabelled plan/<label>/plan.json. The scans run in parallel (they are small).
pids=() results=()
if compgen -G "tf/*" >/dev/null || compgen -G "k8s/*" >/dev/null; then
  "$TRIVY" config "${OFFLINE[@]}" --misconfig-scanners terraform,kubernetes --skip-dirs plan \
    -o "$TREE/main.json" . &
  pids+=($!); results+=("$TREE/main.json")
fi
for plan in plan/*/plan.json; do
  [ -f "$plan" ] || continue
  out=$TREE/$(dirname "$plan" | tr / -).json
  "$TRIVY" config "${OFFLINE[@]}" --misconfig-scanners terraformplan-json -o "$out" "$plan" &
  pids+=($!); results+=("$plan=$out")
done
for p in "${pids[@]}"; do wait "$p" || die "trivy failed"; done
python3 "$HERE/trivy_report.py" report "$IGNORE" "${IGNORE#"$ROOT"/}" "${results[@]}"
