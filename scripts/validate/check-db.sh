#!/usr/bin/env bash
# The database bootstrap SQL against real PostgreSQL servers, the machine's and the version
# RDS runs (the k8s/dbbootstrap tests start one as an RDS-like non-superuser master, apply
# the SQL twice and check the catalog).
# SUPABASE_EKS_REQUIRE_POSTGRES=1 turns "PostgreSQL not found, skipping" into a failure.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=scripts/tools/lib.sh
. "$HERE/../tools/lib.sh"
cd "$ROOT"
[ -d k8s/dbbootstrap ] || die "k8s/dbbootstrap does not exist yet"
pg15=$(postgres_bindir) || die "PostgreSQL $POSTGRES_MAJOR not found"
[ -x "$POSTGRES_RDS_BINDIR/postgres" ] || die "PostgreSQL $POSTGRES_RDS_VERSION (the RDS version) missing: run 'make tools'"
export SUPABASE_EKS_REQUIRE_POSTGRES=1
log=$(mktemp); trap 'rm -f "$log"' EXIT
rc=0
# The machine's PostgreSQL, then the version RDS runs: who may grant what changed in 16
# (role creation grants, BYPASSRLS) and 17 (MAINTAIN), and the SQL branches on it.
for bindir in "$pg15" "$POSTGRES_RDS_BINDIR"; do
  export SUPABASE_EKS_PG_BINDIR=$bindir
  echo "== $("$bindir/postgres" --version) ($bindir)"
  # The harness that starts the server (internal/testkit/pgtest), the bootstrap SQL tests, and the
  # Realtime tenant statement (k8s/synth, TestRealtimeTenantUsesTLS).
  vrc=0
  ${GO:-go} test -count=1 -v ./internal/testkit/pgtest/... ./k8s/dbbootstrap/... >"$log" 2>&1 || vrc=1
  ${GO:-go} test -count=1 -v -run 'TestRealtimeTenantUsesTLS' ./k8s/synth/ >>"$log" 2>&1 || vrc=1
  grep -E '^(ok|FAIL|---)|^\s+--- (FAIL|SKIP)' "$log" | grep -v -- '--- PASS' || true
  if [ $vrc -ne 0 ]; then grep -E -A20 -- '--- FAIL' "$log" | head -80 || true; rc=1; fi
  # The gate's negative case for SQL lives in the db half's tests: it must have run.
  if ! grep -qE -- '--- PASS: TestBootstrapFailures/non-idempotent' "$log"; then
    echo "FAIL: the non-idempotent SQL negative test (TestBootstrapFailures/non-idempotent...) did not run and pass"; rc=1
  else
    echo "ok   non-idempotent SQL is rejected by the twice-apply check (TestBootstrapFailures)"
  fi
  grep -qE -- '--- PASS: TestRealtimeTenantUsesTLS' "$log" || { echo "FAIL: TestRealtimeTenantUsesTLS did not run and pass"; rc=1; }
  echo "$(grep -cE -- '--- PASS' "$log") tests/subtests passed against $("$bindir/postgres" --version)"
done
exit $rc
