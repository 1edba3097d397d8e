#> Database bootstrap
# Database bootstrap (k8s/dbbootstrap) checked against a real PostgreSQL.
# The tests start throwaway servers on 127.0.0.1 (internal/testkit/pgtest); as root
# they run them as the postgres OS user. SUPABASE_EKS_REQUIRE_POSTGRES=1 makes
# missing PostgreSQL binaries a failure instead of a skip.
PG_BINDIR ?= $(or $(SUPABASE_EKS_PG_BINDIR),/usr/lib/postgresql/15/bin)

.PHONY: db-test
db-test: ## Bootstrap SQL on real PostgreSQL 15 as an RDS-like master: applied twice, catalog checks, negative tests
	SUPABASE_EKS_REQUIRE_POSTGRES=1 SUPABASE_EKS_PG_BINDIR=$(PG_BINDIR) \
		$(GO) test -count=1 ./internal/testkit/pgtest/... ./k8s/dbbootstrap/...
