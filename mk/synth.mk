#> Synthesis
# Synthesis of both halves. `make synth` is what CI and reviewers run: it
# writes cdktf.out/ (Terraform JSON, not committed) and dist/ (committed).

INFRA_BIN := $(BIN)/infra

.PHONY: synth infra-synth infra-build
# The halves are independent (k8s reads the outputs file, not cdktf.out), so
# they run side by side: each is one single-threaded Node.js process.
synth: ## Synthesize the AWS stacks (cdktf.out/) and the manifests (dist/) for ENVS
	@$(MAKE) --no-print-directory -j2 infra-synth k8s-synth
	@echo "synth: done (cdktf.out/stacks/supabase-{$(subst $(eval) ,$(comma),$(ENVS))}, dist/)"

comma := ,

infra-build:
	@$(GO) build -o $(INFRA_BIN) ./infra

infra-synth: infra-build ## Synthesize the Terraform JSON of every environment into cdktf.out/
	@$(INFRA_BIN) -env $(subst $(eval) ,$(comma),$(ENVS)) -out cdktf.out
	@for s in bootstrap $(ENVS); do echo "infra: cdktf.out/stacks/supabase-$$s/cdk.tf.json"; done

.PHONY: infra-synth-examples
infra-synth-examples: infra-build ## Synthesize the validation-only stacks (e.g. supabase-pitr-example: prod after a point-in-time restore)
	@$(INFRA_BIN) -env $(subst $(eval) ,$(comma),$(ENVS)) -examples pitr-example -out cdktf.out

.PHONY: deployer-policy
deployer-policy: infra-build ## Print the generated IAM policy the deploying principal needs (also created by the bootstrap stack; POLICY=boundary prints the roles' boundary)
	@$(INFRA_BIN) -print-policy $(or $(POLICY),deployer)

.PHONY: examples
examples: ## Regenerate examples/outputs/<env>.json from the configuration (after changing account, region, VPC...)
	@$(GO) test ./internal/examples/ -run TestCommittedExamplesFollowTheConfiguration -count=1 -update >/dev/null
	@echo "examples: examples/outputs/{$(subst $(eval) ,$(comma),$(ENVS))}.json"
