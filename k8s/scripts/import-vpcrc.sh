#!/usr/bin/env bash
# Regenerates imports/vpcresourcesk8saws (the typed SecurityGroupPolicy construct) from
# the CRD shipped in the Amazon VPC Resource Controller's Go module, at the version
# internal/versions/versions.env pins (the validators install the same CRD).
# Needs: go (module proxy) and npm (cdk8s-cli pinned in package.json).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
VPC_RC_VERSION=$(sed -n 's/^VPC_RC_VERSION=//p' internal/versions/versions.env)
[ -n "$VPC_RC_VERSION" ] || { echo "VPC_RC_VERSION missing from internal/versions/versions.env" >&2; exit 1; }
MODULE=$(sed -n 's/^module //p' go.mod)
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
RC_DIR=$(cd "$STAGE" && GOFLAGS=-mod=mod go mod download -json "github.com/aws/amazon-vpc-resource-controller-k8s@$VPC_RC_VERSION" |
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
CRD=$RC_DIR/config/crd/bases/vpcresources.k8s.aws_securitygrouppolicies.yaml
[ -f "$CRD" ] || { echo "no SecurityGroupPolicy CRD at $CRD" >&2; exit 1; }
[ -x node_modules/.bin/cdk8s ] || npm ci --no-audit --no-fund --loglevel=error
cp "$CRD" "$STAGE/securitygrouppolicies.yaml"
# cdk8s derives the Go import path from the nearest go.mod (see import-eso.sh).
printf 'module %s\n\ngo 1.26\n' "$MODULE" > "$STAGE/go.mod"
CHECKPOINT_DISABLE=1 node_modules/.bin/cdk8s import --language go --output "$STAGE/imports" \
  "$STAGE/securitygrouppolicies.yaml" > "$STAGE/import.log" 2>&1 || { cat "$STAGE/import.log" >&2; exit 1; }
PKG=$(ls "$STAGE/imports")
[ "$PKG" = vpcresourcesk8saws ] || { echo "cdk8s wrote imports/$PKG, expected vpcresourcesk8saws" >&2; cat "$STAGE/import.log" >&2; exit 1; }
echo "$VPC_RC_VERSION" > "$STAGE/imports/$PKG/VPC_RC_VERSION"
rm -rf "imports/$PKG"
mv "$STAGE/imports/$PKG" "imports/$PKG"
echo "imports/$PKG: SecurityGroupPolicy from amazon-vpc-resource-controller-k8s $VPC_RC_VERSION ($(ls "imports/$PKG" | wc -l) files)"
