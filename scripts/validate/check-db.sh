#!/usr/bin/env bash
# The database bootstrap SQL against a real PostgreSQL (the k8s/dbbootstrap tests start
# one as an RDS-like non-superuser master, apply the SQL twice and check the catalog).
# SUPABASE_EKS_REQUIRE_POSTGRES=1 turns "PostgreSQL not found, skipping" into a failure.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=scripts/tools/lib.sh
. "$HERE/../tools/lib.sh"
cd "$ROOT"
[ -d k8s/dbbootstrap ] || die "k8s/dbbootstrap does not exist yet"
SUPABASE_EKS_PG_BINDIR=$(postgres_bindir) || die "PostgreSQL $POSTGRES_MAJOR not found"
export SUPABASE_EKS_PG_BINDIR SUPABASE_EKS_REQUIRE_POSTGRES=1
echo "PostgreSQL: $("$SUPABASE_EKS_PG_BINDIR/postgres" --version)"
# The harness that starts the server (internal/pgtest) and the bootstrap SQL tests.
${GO:-go} test -count=1 ./internal/pgtest/... ./k8s/dbbootstrap/...
