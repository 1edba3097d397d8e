#!/usr/bin/env bash
# Run validation checks over every environment and print one summary line per check plus a
# final table. Exit status is non-zero if any check failed. Called by `make validate` and
# the per-check `make validate-<check>` targets.
#
# Usage: run.sh [CHECK ...]   default: all, in this order:
#   tf           terraform init + validate + plan, real hashicorp/aws provider, fake credentials
#   trivy        trivy config over Terraform JSON, plan JSON and dist/ (needs tf's plans)
#   k8s          kube-apiserver server-side dry-run of dist/<env>/ (strict, zero warnings)
#   helm         helm lint + template of the chart form, then the same dry-run
#   kubeconform  kubeconform -strict, generated k8s + CRD schemas
#   kube-score   kube-score, zero CRITICAL
#   db           database bootstrap tests against a real PostgreSQL
#   runtime      dist/<env> run with the real clients against an RDS imitation (check-runtime.sh)
#   secrets      the secrets flow end to end: real ESO controller, bare apiserver per env,
#                loopback Secrets Manager + STS configured from cdk.tf.json (check-secrets.sh)
#   negative     the gate's own tests: broken inputs must make the checks fail
#
# Environment: ENVS (default "dev prod"), EXTRA_STACKS (stacks besides supabase-<env> that tf
# and trivy check when synthesized; default "bootstrap pitr-example"), STACKS_DIR (cdktf.out/stacks), DIST_DIR (dist),
# CHART_DIR_TEMPLATE (chart directory, %s = env; default .cache/chart/%s),
# VALIDATE_OUT (plans and logs; default .cache/validate), GO.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=scripts/tools/lib.sh
. "$HERE/../tools/lib.sh"
cd "$ROOT" || exit 1

ENVS=${ENVS:-dev prod}
EXTRA_STACKS=${EXTRA_STACKS-bootstrap pitr-example}
STACKS_DIR=${STACKS_DIR:-cdktf.out/stacks}
DIST_DIR=${DIST_DIR:-dist}
CHART_DIR_TEMPLATE=${CHART_DIR_TEMPLATE:-.cache/chart/%s}
VALIDATE_OUT=${VALIDATE_OUT:-.cache/validate}
ALL="tf trivy k8s helm kubeconform kube-score db runtime secrets negative"
CHECKS=${*:-$ALL}

per_env() { # per_env FMT: "--label <env> <FMT with env>" for each env
  local e
  for e in $ENVS; do
    # shellcheck disable=SC2059
    printf -- '--label\n%s\n'"$1"'\n' "$e" "$e"
  done
}

# stacks: every env's stack (required) and the extra ones that have been synthesized.
stacks() {
  local s
  for s in $ENVS; do echo "$s"; done
  for s in $EXTRA_STACKS; do [ -f "$STACKS_DIR/supabase-$s/cdk.tf.json" ] && echo "$s"; done
  return 0
}

check_tf() {
  rm -rf "$VALIDATE_OUT/plans"
  local args=() s
  for s in $(stacks); do args+=(--label "$s" "$STACKS_DIR/supabase-$s"); done
  PLAN_OUT=$VALIDATE_OUT/plans "$HERE/check-tf.sh" "${args[@]}"
}

check_trivy() {
  local args=() s e stack plan
  for s in $(stacks); do
    stack=$STACKS_DIR/supabase-$s; plan=$VALIDATE_OUT/plans/$s/plan.json
    [ -f "$stack/cdk.tf.json" ] || { echo "FAIL: $stack/cdk.tf.json missing (run: make synth)"; return 1; }
    if [ ! -f "$plan" ] || [ "$plan" -ot "$stack/cdk.tf.json" ]; then
      echo "FAIL: $plan missing or older than $stack/cdk.tf.json (run: make validate-tf)"; return 1
    fi
    args+=(--tf "$s=$stack" --plan "$s=$plan")
  done
  for e in $ENVS; do
    [ -d "$DIST_DIR/$e" ] || { echo "FAIL: $DIST_DIR/$e missing (run: make synth)"; return 1; }
    args+=(--k8s "$e=$DIST_DIR/$e")
  done
  "$HERE/check-trivy.sh" "${args[@]}"
}

check_k8s() {
  local args; mapfile -t args < <(per_env "$DIST_DIR/%s")
  "$HERE/check-k8s.sh" "${args[@]}"
}

check_helm() {
  local e dir
  # The chart is built from dist/<env> by the k8s half's `make chart`; rebuild it so the
  # check never looks at a stale chart.
  for e in $ENVS; do
    # shellcheck disable=SC2059
    dir=$(printf "$CHART_DIR_TEMPLATE" "$e")
    if ! make --no-print-directory chart ENV="$e" CHART_DIR="$ROOT/$dir" >"$VALIDATE_OUT/chart-$e.log" 2>&1; then
      echo "FAIL $e: make chart ENV=$e"; sed 's/^/  /' "$VALIDATE_OUT/chart-$e.log"; return 1
    fi
  done
  local args; mapfile -t args < <(per_env "$CHART_DIR_TEMPLATE")
  "$HERE/check-helm.sh" --namespace supabase "${args[@]}"
}

check_kubeconform() {
  local args; mapfile -t args < <(per_env "$DIST_DIR/%s")
  "$HERE/check-kubeconform.sh" "${args[@]}"
}

check_kube_score() {
  local args; mapfile -t args < <(per_env "$DIST_DIR/%s")
  "$HERE/check-kube-score.sh" "${args[@]}"
}

check_db() { "$HERE/check-db.sh"; }

# shellcheck disable=SC2086 # ENVS is a word list
check_runtime() { "$HERE/check-runtime.sh" $ENVS; }

# shellcheck disable=SC2086 # ENVS is a word list
check_secrets() { STACKS_DIR=$STACKS_DIR DIST_DIR=$DIST_DIR E2E_OUT=$VALIDATE_OUT/e2e-secrets "$HERE/check-secrets.sh" $ENVS; }

check_negative() {
  SUPABASE_EKS_GATE_TESTS=1 ${GO:-go} test -count=1 ./scripts/validate/...
}

# Everything runs from main (bash reads scripts as it goes; editing this file while it runs
# must not change the run).
# One kube-apiserver for every check that needs one (k8s, helm, negative): starting it and
# establishing the CRDs costs ~10 s each time. Stopped by pid on exit, whatever happens.
shared_apiserver() {
  case " $CHECKS " in *" k8s "* | *" helm "* | *" negative "*) ;; *) return 0 ;; esac
  # shellcheck source=scripts/validate/apiserver.sh
  . "$HERE/apiserver.sh"
  SHARED=$(mktemp -d "${TMPDIR:-/tmp}/validate-apiserver.XXXXXX")
  trap 'apiserver_stop "$SHARED"; rm -rf "$SHARED"' EXIT
  local t0; t0=$(now)
  # A failure here is not fatal: each check then starts its own server and reports why it
  # failed. Not in a subshell: the servers must stay this shell's children, so they are
  # reaped when stopped instead of lingering as zombies.
  if apiserver_start "$SHARED" && apiserver_install_crds "$SHARED/kubeconfig"; then
    export VALIDATE_KUBECONFIG=$SHARED/kubeconfig
    printf 'shared kube-apiserver ready with CRDs in %.1fs\n' "$(elapsed "$t0")"
  fi
}

main() {
  mkdir -p "$VALIDATE_OUT"
  start_all=$(now)
  shared_apiserver
  declare -a names results times
  failed=0
  for c in $CHECKS; do
    fn="check_${c//-/_}"
    declare -F "$fn" >/dev/null || die "unknown check '$c' (known: $ALL)"
    echo "==> $c"
    t0=$(now)
    log=$VALIDATE_OUT/$c.log
    "$fn" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    dt=$(printf '%.1f' "$(elapsed "$t0")")
    if [ "$rc" -eq 0 ]; then res=PASS; else res=FAIL; failed=$((failed + 1)); fi
    echo "--- $c: $res (${dt}s)"
    names+=("$c"); results+=("$res"); times+=("$dt")
  done
  total=$(printf '%.1f' "$(elapsed "$start_all")")
  echo
  printf '%-12s %-6s %8s\n' CHECK RESULT SECONDS
  for i in "${!names[@]}"; do printf '%-12s %-6s %8s\n' "${names[$i]}" "${results[$i]}" "${times[$i]}"; done
  printf '%-12s %-6s %8s\n' total "$([ $failed -eq 0 ] && echo PASS || echo FAIL)" "$total"
  echo "(envs: $ENVS; logs in $VALIDATE_OUT/)"
  [ $failed -eq 0 ]
}

main "$@"
