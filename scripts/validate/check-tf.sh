#!/usr/bin/env bash
# terraform init + validate + plan of synthesized stacks with the real hashicorp/aws provider
# (built from source by `make tools`), fully offline: the provider is served from a
# filesystem_mirror, credentials are fake, the provider is told not to call AWS, and the
# backend of a temporary copy is local (see tfstack.py for exactly what is changed).
#
# Usage: check-tf.sh [--label NAME] STACK_DIR [[--label NAME] STACK_DIR ...]
#   STACK_DIR holds cdk.tf.json (cdktf.out/stacks/supabase-<env>).
# With PLAN_OUT=DIR, each stack's plan is also written as DIR/<label>/plan.json (trivy scans it).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/tools/lib.sh
. "$HERE/../tools/lib.sh"

[ $# -gt 0 ] || die "usage: check-tf.sh [--label NAME] STACK_DIR..."
require_tool "$TF_PROVIDER_AWS"
command -v terraform >/dev/null || die "terraform not on PATH"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/validate-tf.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
# Never touch AWS or the user's shared config even if the environment points at them.
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_ROLE_ARN AWS_WEB_IDENTITY_TOKEN_FILE
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
# One plugin cache for every stack: init then links instead of copying the 900 MB binary.
export TF_PLUGIN_CACHE_DIR=$WORK/plugin-cache
mkdir -p "$TF_PLUGIN_CACHE_DIR"

run() { # run LOG CMD...: keep output quiet on success, show it on failure
  local log=$1; shift
  if "$@" >"$log" 2>&1; then return 0; fi
  sed 's/^/  /' "$log"; return 1
}

rc=0
label=""
n=0
for arg in "$@"; do
  if [ "$arg" = --label ]; then label=next; continue; fi
  if [ "$label" = next ]; then label=$arg; continue; fi
  src=$arg; name=${label:-$(basename "$src")}; label=""
  n=$((n + 1))
  if [ ! -f "$src/cdk.tf.json" ]; then echo "FAIL $name: no $src/cdk.tf.json (run the infra synth)"; rc=1; continue; fi
  dir=$WORK/stack-$n
  mkdir -p "$dir"
  # The stack and any local assets/modules next to it; never a previous .terraform.
  (cd "$src" && tar --exclude=.terraform --exclude='*.tfstate*' --exclude=.terraform.lock.hcl -cf - .) | (cd "$dir" && tar -xf -)
  if ! pin=$(python3 "$HERE/tfstack.py" "$dir"); then echo "FAIL $name: cannot prepare $src/cdk.tf.json"; rc=1; continue; fi
  mirror=$WORK/mirror
  mkdir -p "$mirror/registry.terraform.io/hashicorp/aws/$pin/linux_amd64"
  ln -sfn "$TF_PROVIDER_AWS" "$mirror/registry.terraform.io/hashicorp/aws/$pin/linux_amd64/terraform-provider-aws_v$pin"
  cat >"$WORK/cli.tfrc" <<EOF
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
EOF
  export TF_CLI_CONFIG_FILE=$WORK/cli.tfrc
  t0=$(now)
  if ! run "$dir/init.log" terraform -chdir="$dir" init -no-color -input=false; then
    echo "FAIL $name: terraform init (aws provider registered as $pin)"; rc=1; continue
  fi
  if ! run "$dir/validate.log" terraform -chdir="$dir" validate -no-color; then
    echo "FAIL $name: terraform validate"; rc=1; continue
  fi
  if ! run "$dir/plan.log" terraform -chdir="$dir" plan -refresh=false -lock=false -no-color -input=false -out=validate.tfplan; then
    echo "FAIL $name: terraform plan"; rc=1; continue
  fi
  summary=$(grep -E '^Plan:|^No changes' "$dir/plan.log" | head -1)
  warnings=$(cat "$dir/validate.log" "$dir/plan.log" | grep -c '^Warning:' || true)
  if [ -n "${PLAN_OUT:-}" ]; then
    mkdir -p "$PLAN_OUT/$name"
    terraform -chdir="$dir" show -json validate.tfplan >"$PLAN_OUT/$name/plan.json"
  fi
  printf 'ok   %s: init+validate+plan with hashicorp/aws %s (registered as %s) in %.1fs: %s' \
    "$name" "$TPA_VERSION" "$pin" "$(elapsed "$t0")" "$summary"
  if [ "$warnings" -ne 0 ]; then
    # Provider deprecation warnings do not fail the check but must be seen.
    printf ' (%s warnings)\n' "$warnings"; grep -A4 '^Warning:' "$dir/validate.log" "$dir/plan.log" | sed 's/^/  /' | head -40
  else
    printf '\n'
  fi
done
exit $rc
