#> Documentation and measurements
# Generated documentation and measurements.

HELM_BIN ?= $(TOOLS_DIR)/helm/$(HELM_VERSION)/helm
BENCH_RUNS ?= 5
BENCH_COLD ?= true
BENCH_E2E_RUNS ?= 3
ESO_CONTROLLER_BIN ?= $(TOOLS_DIR)/eso-controller/$(ESO_VERSION)/eso-controller

.PHONY: diagram bench bench-restore
diagram: synth ## Draw docs/architecture-<env>.svg from the synthesized stacks and dist/ NetworkPolicies (Graphviz)
	@command -v dot >/dev/null || { echo "diagram: Graphviz 'dot' is missing (apt-get install -y graphviz)"; exit 1; }
	@mkdir -p docs
	@for e in $(ENVS); do \
	  $(GO) run ./cmd/diagram -stack cdktf.out/stacks/supabase-$$e/cdk.tf.json -dist dist/$$e > docs/architecture-$$e.dot; \
	  dot -Tsvg docs/architecture-$$e.dot -o docs/architecture-$$e.svg; \
	  echo "diagram: docs/architecture-$$e.svg"; \
	done

bench: ## Measure synth speed and memory (warm per stack, k8s, make synth, cold clone) next to helm template, the secrets and runtime e2es, and the restore drill's dump/restore MB/s
	@$(MAKE) -s chart ENV=dev CHART_DIR=$(CURDIR)/.cache/chart/bench >/dev/null
	@$(GO) run ./cmd/bench -runs $(BENCH_RUNS) -cold=$(BENCH_COLD) \
	  $(if $(wildcard $(HELM_BIN)),-helm $(HELM_BIN) -chart $(CURDIR)/.cache/chart/bench,) \
	  $(if $(wildcard $(ESO_CONTROLLER_BIN)),-e2e-secrets-runs $(BENCH_E2E_RUNS) -e2e-runtime-runs $(BENCH_E2E_RUNS) -restore-drill-runs $(BENCH_E2E_RUNS),)

bench-restore: ## Only the restore drill's dump and restore throughput (MB/s), BENCH_E2E_RUNS times (needs make tools)
	@$(GO) run ./cmd/bench -restore-drill-runs $(BENCH_E2E_RUNS) -drill-only
