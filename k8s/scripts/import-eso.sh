#!/usr/bin/env bash
# Regenerates imports/externalsecretsio (typed ExternalSecret and ClusterSecretStore
# constructs) from the CRDs shipped in the External Secrets Operator Go module.
# Needs: go (module proxy) and npm (cdk8s-cli pinned in package.json).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
# The release internal/versions/versions.env pins (the add-on chart and the validators use it too).
ESO_VERSION=$(sed -n 's/^ESO_VERSION=//p' internal/versions/versions.env)
[ -n "$ESO_VERSION" ] || { echo "ESO_VERSION missing from internal/versions/versions.env" >&2; exit 1; }
MODULE=$(sed -n 's/^module //p' go.mod)
ESO_DIR=$(go mod download -json "github.com/external-secrets/external-secrets@$ESO_VERSION" |
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
CRDS=$ESO_DIR/config/crds/bases
[ -f "$CRDS/external-secrets.io_externalsecrets.yaml" ] || { echo "no ESO CRDs under $CRDS" >&2; exit 1; }
[ -x node_modules/.bin/cdk8s ] || npm ci --no-audit --no-fund --loglevel=error
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
# One API group must be imported from ONE file: cdk8s writes a package per
# group, so importing the kinds separately would let the last one overwrite the rest.
for kind in externalsecrets clustersecretstores; do
  cat "$CRDS/external-secrets.io_$kind.yaml"
  echo '---'
done > "$STAGE/external-secrets.yaml"
# cdk8s derives the Go import path from the nearest go.mod, so stage under a
# go.mod carrying the real module path and move the result in afterwards.
printf 'module %s\n\ngo 1.26\n' "$MODULE" > "$STAGE/go.mod"
CHECKPOINT_DISABLE=1 node_modules/.bin/cdk8s import --language go --output "$STAGE/imports" \
  "$STAGE/external-secrets.yaml" > "$STAGE/import.log" 2>&1 || { cat "$STAGE/import.log" >&2; exit 1; }
[ -f "$STAGE/imports/externalsecretsio/ExternalSecret.go" ] || { cat "$STAGE/import.log" >&2; exit 1; }
echo "$ESO_VERSION" > "$STAGE/imports/externalsecretsio/ESO_VERSION"
mkdir -p imports
rm -rf imports/externalsecretsio.old
[ -d imports/externalsecretsio ] && mv imports/externalsecretsio imports/externalsecretsio.old
mv "$STAGE/imports/externalsecretsio" imports/externalsecretsio
rm -rf imports/externalsecretsio.old
echo "imports/externalsecretsio: ExternalSecret, ClusterSecretStore from external-secrets $ESO_VERSION ($(ls imports/externalsecretsio | wc -l) files)"
