# Unit and property tests. Real-tool checks live in `make validate`.

GO_TEST_FLAGS ?= -count=1 -timeout 30m

.PHONY: test
test: ## Run every Go test (synthesizes both halves in-process; real PostgreSQL when installed)
	$(GO) test $(GO_TEST_FLAGS) ./...
