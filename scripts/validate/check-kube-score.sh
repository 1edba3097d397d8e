#!/usr/bin/env bash
# kube-score: zero CRITICAL. Tests the project deliberately does not follow are listed, each
# with its reason, in the one ignore list scripts/validate/kube-score-ignore.txt.
#
# Usage: check-kube-score.sh [--label NAME] PATH [[--label NAME] PATH ...]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/tools/lib.sh
. "$HERE/../tools/lib.sh"
require_tool "$KUBE_SCORE"
IGNORE=${KUBE_SCORE_IGNORE:-$HERE/kube-score-ignore.txt}
[ $# -gt 0 ] || die "usage: check-kube-score.sh [--label NAME] PATH..."

# Format: `<test-id>  # <reason>`, one per line; a line without a reason is an error.
ignores=()
while IFS= read -r l; do
  [[ $l =~ ^[[:space:]]*(#|$) ]] && continue
  id=$(awk '{print $1}' <<<"$l")
  reason=$(sed -n 's/^[^#]*#[[:space:]]*//p' <<<"$l")
  [ -n "$reason" ] || die "$IGNORE: '$id' has no '# reason'"
  ignores+=(--ignore-test "$id")
done <"$IGNORE"

rc=0
label=""
for arg in "$@"; do
  if [ "$arg" = --label ]; then label=next; continue; fi
  if [ "$label" = next ]; then label=$arg; continue; fi
  path=$arg; name=${label:-$path}; label=""
  mapfile -t files < <(python3 "$HERE/manifests.py" files "$path")
  if [ ${#files[@]} -eq 0 ]; then echo "FAIL $name: no manifest files in $path"; rc=1; continue; fi
  set +e
  out=$("$KUBE_SCORE" score --output-format ci --kubernetes-version "${K8S_VERSION%.*}" \
    "${ignores[@]}" "${files[@]}" 2>&1)
  set -e
  crit=$(grep -c '^\[CRITICAL\]' <<<"$out" || true)
  warn=$(grep -c '^\[WARNING\]' <<<"$out" || true)
  okc=$(grep -c '^\[OK\]' <<<"$out" || true)
  if [ "$crit" -ne 0 ] || grep -qiE '^(error|failed)' <<<"$out"; then
    rc=1; echo "FAIL $name: kube-score: $crit CRITICAL, $warn WARNING, $okc OK ($(( ${#ignores[@]} / 2 )) tests ignored)"
    grep -E '^\[CRITICAL\]|^[Ee]rror|^[Ff]ailed' <<<"$out" | sed 's/^/  /'
  else
    echo "ok   $name: kube-score: 0 CRITICAL, $warn WARNING, $okc OK ($(( ${#ignores[@]} / 2 )) tests ignored)"
  fi
  if [ "$warn" -ne 0 ]; then grep '^\[WARNING\]' <<<"$out" | sed 's/^/  /'; fi
done
exit $rc
