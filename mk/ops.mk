#> Operations (deploy, secrets, day 2, teardown)
# Operations: every target is a thin call into the supabase-eks CLI
# (cmd/supabase-eks, internal/ops/), which prints progress and can be re-run
# step by step. `supabase-eks help` lists the flags.
OPS          := $(BIN)/supabase-eks
# AUTO_APPROVE=1 applies Terraform changes and confirms a teardown without asking.
OPS_YES      := $(if $(filter 1 yes true,$(AUTO_APPROVE)),--yes,)
# METHOD=helm installs the Supabase chart (CHART=path) instead of kubectl apply of dist/$(ENV).
METHOD       ?= kubectl
OPS_INSTALL  := --method $(METHOD) $(if $(CHART),--chart $(CHART),)

.PHONY: ops-cli preflight deploy destroy diff infra-apply outputs rds-ca secrets-init secrets-rotate \
	secrets-status signing-key-rotate signing-key-revoke api-key \
	kubeconfig addons k8s-apply smoke cost capacity logs metrics status restore

ops-cli: ## Build the operations CLI into bin/supabase-eks
	@$(GO) build -o $(OPS) ./cmd/supabase-eks

preflight: ops-cli ## Check aws/kubectl/helm/terraform/go/node versions and the AWS account for ENV
	$(OPS) deploy --env $(ENV) --only preflight

deploy: ops-cli ## Deploy ENV end to end (AUTO_APPROVE=1 to skip prompts; FROM=step to resume)
	$(OPS) deploy --env $(ENV) $(OPS_YES) $(OPS_INSTALL) $(if $(FROM),--from $(FROM),)

destroy: ops-cli ## Tear ENV down: ALB first, add-ons, then terraform destroy (AUTO_APPROVE=1 skips the prompt)
	$(OPS) destroy --env $(ENV) $(OPS_YES) $(OPS_INSTALL) $(if $(FROM),--from $(FROM),)

diff: ops-cli ## What a deploy of ENV would change: terraform plan + kubectl diff
	$(OPS) diff --env $(ENV)

infra-apply: ops-cli ## terraform init + plan + apply of cdktf.out/stacks/supabase-ENV
	$(OPS) deploy --env $(ENV) $(OPS_YES) --only infra-init
	$(OPS) deploy --env $(ENV) $(OPS_YES) --only infra-apply

outputs: ops-cli ## terraform output -json of ENV's stack into outputs/ENV.json (validated)
	$(OPS) deploy --env $(ENV) --only outputs

rds-ca: ops-cli ## Download ENV's RDS CA bundle into outputs/ENV-rds-ca.pem, checked against aws rds describe-certificates
	$(OPS) deploy --env $(ENV) --only rds-ca

secrets-init: ops-cli ## Generate and store ENV's secrets that have no value yet (never overwrites)
	$(OPS) secrets init --env $(ENV)

secrets-rotate: ops-cli ## Rotate one secret of ENV and roll its readers: make secrets-rotate NAME=jwt (ROLL_ONLY=1: retry a failed roll)
	$(OPS) secrets rotate $(NAME) --env $(ENV) $(if $(ROLL_ONLY),--roll-only,)

secrets-status: ops-cli ## Signing-key stage (keys, states, next step and when) and API keys of ENV
	$(OPS) secrets status --env $(ENV)

signing-key-rotate: ops-cli ## Next step of ENV's signing-key rotation (standby, promote, retire; STEP=... to name one; ROLL_ONLY=1 retries a roll)
	$(OPS) secrets rotate signing-key --env $(ENV) $(if $(STEP),--step $(STEP),) $(if $(ROLL_ONLY),--roll-only,)

signing-key-revoke: ops-cli ## Emergency: retire signing key KID of ENV at once (its tokens stop verifying)
	$(OPS) secrets revoke signing-key --env $(ENV) --kid $(KID)

api-key: ops-cli ## Opaque API keys of ENV: make api-key ACTION=add TYPE=secret | ACTION=revoke KEY=<prefix> | ACTION=list
	$(OPS) secrets api-key $(or $(ACTION),list) --env $(ENV) $(if $(TYPE),--type $(TYPE),) $(if $(KEY),--key $(KEY),)

kubeconfig: ops-cli ## aws eks update-kubeconfig for ENV (context supabase-ENV)
	$(OPS) deploy --env $(ENV) --only kubeconfig

addons: ops-cli ## helm upgrade --install of ENV's cluster add-ons from dist/ENV/addons
	$(OPS) deploy --env $(ENV) --only addons

k8s-apply: ops-cli ## Install dist/ENV into the cluster and wait for it (METHOD=helm CHART=... for the chart)
	$(OPS) deploy --env $(ENV) $(OPS_INSTALL) --only apply
	$(OPS) deploy --env $(ENV) $(OPS_INSTALL) --only wait

smoke: ops-cli ## Smoke-test ENV through the load balancer (REST with the anon key, Auth, Storage); URL=... overrides the endpoint
	$(OPS) smoke --env $(ENV) $(if $(URL),--url $(URL),)

cost: ops-cli ## Monthly cost estimate of ENV from its synthesized Terraform JSON
	$(OPS) cost --env $(ENV)

capacity: ops-cli ## Database connection budget of dist/ENV: pool x max replicas per component vs max_connections (fails above 80 %)
	$(OPS) capacity --env $(ENV)

logs: ops-cli ## Logs of one component of ENV: make logs COMPONENT=auth [FOLLOW=1]
	$(OPS) logs $(COMPONENT) --env $(ENV) $(if $(FOLLOW),--follow,)

metrics: ops-cli ## kubectl top of ENV plus CloudWatch pointers
	$(OPS) metrics --env $(ENV)

status: ops-cli ## Nodes, workloads, jobs, secret sync, ingress and Helm releases of ENV
	$(OPS) status --env $(ENV)

# MODE=pitr: TIME=<RFC3339, UTC> (left out: resume the restore in effect), STEP=<step> resumes there.
# MODE=dump: FROM=s3://<backups bucket>/pg_dump/<env>/<file> (FORCE=1: restore into a non-empty database).
MODE ?=
restore: ops-cli ## Restore ENV: MODE=pitr TIME=2026-11-30T08:15:00Z [STEP=step] | MODE=dump FROM=s3://.../pg_dump/<file> [FORCE=1]
	@case "$(MODE)" in \
	  pitr) set -x; $(OPS) restore pitr --env $(ENV) $(OPS_YES) $(if $(TIME),--time $(TIME),) $(if $(STEP),--from $(STEP),) ;; \
	  dump) set -x; $(OPS) restore dump --env $(ENV) $(OPS_YES) --object "$(FROM)" $(if $(filter 1 yes true,$(FORCE)),--force,) $(if $(STEP),--from $(STEP),) ;; \
	  *) echo "make restore: MODE=pitr (TIME=...) or MODE=dump (FROM=s3://...), not '$(MODE)'" >&2; exit 2 ;; \
	esac
