#> Tests
# Unit and property tests. Real-tool checks live in `make validate`.

GO_TEST_FLAGS ?= -count=1 -timeout 30m

.PHONY: test
test: ## Run every Go test (synthesizes both halves in-process; real PostgreSQL when installed)
	@# Every package renders the configuration: an invalid field would fail dozens of tests
	@# across packages. Check it once, first, and stop there.
	@$(GO) test -count=1 -run '^TestShippedEnvironmentsAreValid$$' ./internal/contract/config/ >/dev/null 2>&1 || { \
	  $(GO) test -count=1 -run '^TestShippedEnvironmentsAreValid$$' ./internal/contract/config/ || true; \
	  echo "make test: the configuration in internal/contract/config is invalid (above); fix it first, nothing else ran"; exit 1; }
	$(GO) test $(GO_TEST_FLAGS) ./...
