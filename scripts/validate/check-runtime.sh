#!/usr/bin/env bash
# The runtime conformance harness (internal/testkit/conformance): each environment's dist/<env>, as
# rendered, run with the real clients (storage-api's node-postgres stack, postgres-meta from
# npm, Studio's connection path, libpq/psql, a PostgREST emulation) against PostgreSQL at the
# RDS version set up like an RDS instance (TLS only with a private CA, non-superuser master);
# and the signing and API keys through every rendered verifier and Kong's rendered config.
# Usage: check-runtime.sh [ENV ...]   (default: dev prod)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=scripts/tools/lib.sh
. "$HERE/../tools/lib.sh"
cd "$ROOT"
[ -x "$POSTGRES_RDS_BINDIR/postgres" ] || die "PostgreSQL $POSTGRES_RDS_VERSION (the RDS version) missing: run 'make tools'"
clients=$(conformance_clients_dir)
[ -f "$clients/.complete" ] || die "the conformance clients are not installed in $clients: run 'make tools'"
[ -x "$PG_CLIENT_BINDIR/pg_dump" ] || die "pg_dump $PG_CLIENT_MAJOR (the RDS major, for the restore drill) missing: run 'make tools'"
export SUPABASE_EKS_RDS_PG_BINDIR=$POSTGRES_RDS_BINDIR SUPABASE_EKS_CONFORMANCE_CLIENTS=$clients SUPABASE_EKS_REQUIRE_CONFORMANCE=1
export SUPABASE_EKS_PG_DUMP_BINDIR=$PG_CLIENT_BINDIR
log=$(mktemp); trap 'rm -f "$log"' EXIT
rc=0
envs=${*:-dev prod}
for e in $envs; do
  [ -d "dist/$e" ] || die "dist/$e missing: run make synth"
  outputs=outputs/$e.json
  [ -f "$outputs" ] || outputs=examples/outputs/$e.json
  echo "== $e: dist/$e (outputs $outputs) against PostgreSQL $POSTGRES_RDS_VERSION as RDS"
  vrc=0
  ${GO:-go} test -count=1 -v -run 'TestRDSImitationIsStrict|TestRuntimeConformance|TestRestoreDrill|TestSigningKeyRotationKeepsSessions|TestSigningKeysOnAnExistingEnvironment|TestAPIKeysThroughRenderedKong' ./internal/testkit/conformance/ \
    -args -dist "$ROOT/dist/$e" -outputs "$ROOT/$outputs" >"$log" 2>&1 || vrc=1
  grep -E '^\s*--- (PASS|FAIL|SKIP)' "$log" | sed 's/^/  /' || true
  # Which PostgreSQL the restore drill ran on (its pg_dump decides) and its timings.
  grep -E 'restore_drill_test.go:[0-9]+: (NOTE|drill|dump )' "$log" | sed 's/^ */  /' | cut -c1-400 || true
  if grep -qE -- '--- SKIP' "$log"; then echo "FAIL: a conformance test skipped (tools missing?)"; vrc=1; fi
  grep -qE "drill on PostgreSQL $PG_CLIENT_MAJOR " "$log" || { echo "FAIL: the restore drill did not run on PostgreSQL $PG_CLIENT_MAJOR (the RDS major)"; vrc=1; }
  for want in 'TestRDSImitationIsStrict' 'TestRuntimeConformance/negative:_storage_without_the_CA_bundle_mount' \
    'TestRuntimeConformance/negative:_Studio_without_POSTGRES_HOST' 'TestRuntimeConformance/negative:_bootstrap_without_the_PostgreSQL_16\+_role_grant' \
    'TestRestoreDrill/equal:_rows,_checksums,_owners,_grants,_policies,_roles,_publication' \
    'TestRestoreDrill/negative:_a_restore_failing_half-way_is_rolled_back' 'TestRestoreDrill/negative:_a_truncated_dump_fails_loudly_and_changes_nothing' \
    'TestSigningKeyRotationKeepsSessions' 'TestSigningKeysOnAnExistingEnvironment' 'TestAPIKeysThroughRenderedKong'; do
    grep -qE -- "--- PASS: $want " "$log" || { echo "FAIL: $want did not run and pass"; vrc=1; }
  done
  if [ $vrc -ne 0 ]; then grep -vE '^\s+20[0-9]{2}-[0-9]{2}-' "$log" | grep -E -B2 -A25 -- '--- FAIL|^\s+\S+_test.go:' | head -120 || true; rc=1; fi
done
exit $rc
