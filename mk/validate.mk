#> Validation gate
# Validation against the real tools. Versions: internal/versions/versions.env.
# Scripts: scripts/tools (install), scripts/validate (checks). See scripts/validate/README.md.
include internal/versions/versions.env

VALIDATE_ENV = TOOLS_DIR=$(TOOLS_DIR) ENVS="$(ENVS)" GO=$(GO)

.PHONY: tools validate lint validate-tf validate-trivy validate-k8s validate-helm \
	validate-kubeconform validate-kube-score validate-db validate-runtime e2e-runtime validate-secrets e2e-secrets validate-negative

tools: ## Build/install the pinned validators into $(TOOLS_DIR) (only what is missing)
	$(VALIDATE_ENV) scripts/tools/install.sh

validate: ## Run every validation check over every env (tf, trivy, k8s, helm, kubeconform, kube-score, db, runtime, secrets, negative)
	$(VALIDATE_ENV) scripts/validate/run.sh

validate-tf: ## terraform init+validate+plan of each env's stack with the real AWS provider (and the example stacks: config.ExampleNames)
	$(MAKE) --no-print-directory infra-synth-examples
	$(VALIDATE_ENV) scripts/validate/run.sh tf

validate-trivy: ## trivy config over Terraform JSON, plan JSON (from validate-tf) and dist/
	$(VALIDATE_ENV) scripts/validate/run.sh trivy

validate-k8s: ## Server-side dry-run (strict, zero warnings) of dist/<env>/ on a real kube-apiserver
	$(VALIDATE_ENV) scripts/validate/run.sh k8s

validate-helm: ## helm lint + template of the chart form, then server-side dry-run of the render
	$(VALIDATE_ENV) scripts/validate/run.sh helm

validate-kubeconform: ## kubeconform -strict of dist/<env>/ with generated k8s + CRD schemas
	$(VALIDATE_ENV) scripts/validate/run.sh kubeconform

validate-kube-score: ## kube-score of dist/<env>/: zero CRITICAL (ignores: scripts/validate/kube-score-ignore.txt)
	$(VALIDATE_ENV) scripts/validate/run.sh kube-score

validate-db: ## Database bootstrap tests against a real PostgreSQL $(POSTGRES_MAJOR)
	$(VALIDATE_ENV) scripts/validate/run.sh db

validate-runtime: ## Runtime conformance: dist/<env> with the real clients against an RDS-faithful PostgreSQL 17
	$(VALIDATE_ENV) scripts/validate/run.sh runtime

e2e-runtime: validate-runtime ## Same as validate-runtime (needs make synth and make tools)

validate-secrets: ## Secrets flow e2e: real ESO controller + bare apiserver + loopback Secrets Manager/STS from cdk.tf.json
	$(VALIDATE_ENV) scripts/validate/run.sh secrets

e2e-secrets: validate-secrets ## Same as validate-secrets (needs make synth and make tools)

validate-negative: ## The gate's negative tests: broken inputs must fail the checks
	$(VALIDATE_ENV) scripts/validate/run.sh negative

lint: ## go vet, gofmt check, shellcheck -S warning (when installed), python syntax of scripts/
	$(GO) vet ./...
	@# imports/ is cdk8s-cli output (make imports), generated as is: not held to gofmt.
	@out=$$(gofmt -l $$( (git ls-files '*.go'; git ls-files -o --exclude-standard '*.go') | grep -v '^imports/')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi; echo "gofmt: clean"
	@if command -v shellcheck >/dev/null; then \
	  shellcheck -x -S warning $$(git ls-files '*.sh'; git ls-files -o --exclude-standard '*.sh') && echo "shellcheck: clean"; \
	else echo "shellcheck: not installed, skipped (apt-get install -y shellcheck)"; fi
	@python3 -c 'import ast,sys; [ast.parse(open(f).read(), f) for f in sys.argv[1:]]' $$(git ls-files 'scripts/*.py'; git ls-files -o --exclude-standard 'scripts/*.py') && echo "python: parses"
