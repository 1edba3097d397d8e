#> Kubernetes manifests
# Kubernetes half: cdk8s-Go program in k8s/, manifests in dist/<env>/.

K8S_BIN   := $(BIN)/k8s
CHART_DIR ?= $(CURDIR)/.cache/chart/$(ENV)

.PHONY: imports k8s-build k8s-synth k8s-test k8s-golden chart

imports: ## Regenerate imports/ from the ESO and VPC Resource Controller CRDs (cdk8s-cli pinned in package.json)
	k8s/scripts/import-eso.sh
	k8s/scripts/import-vpcrc.sh

k8s-build:
	@$(GO) build -o $(K8S_BIN) ./k8s

k8s-synth: k8s-build ## Render dist/<env>/ for ENVS (outputs/<env>.json, else the examples, loudly)
	@$(K8S_BIN) --env $(subst $(eval) ,$(comma),$(ENVS)) --out dist

k8s-test: ## Go tests of the k8s program: properties, flow matrix, secrets, golden dist/ (-update: make k8s-golden)
	$(GO) test ./k8s/... ./internal/contract/config/...

k8s-golden: ## Refresh the committed dist/ through the golden test (same as k8s-synth)
	$(GO) test ./k8s/synth/ -run TestGoldenDist -update

chart: ## Build the Helm chart of dist/ENV into .cache/chart/ENV (CHART_DIR=...)
	@$(GO) run ./k8s/cmd/helmchart --env $(ENV) --dist dist --out $(CHART_DIR)
