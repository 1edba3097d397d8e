#!/usr/bin/env python3
"""Make a temporary copy of a synthesized stack plannable offline.

Usage: tfstack.py DIR     (DIR: a COPY of cdktf.out/stacks/<stack>; edited in place)

Prints the hashicorp/aws version the stack pins, the version the locally built provider
must be registered under in the filesystem mirror for `terraform init` to pick it.

Only what cannot work offline is changed, in cdk.tf.json of the copy:
  * the backend becomes `local` (the real one is an S3 bucket we have no credentials for);
  * every aws provider block (default and aliased) gets fake static keys and the skip_*
    flags, and loses what would make it call AWS while configuring: assume_role,
    assume_role_with_web_identity, profile, shared config/credential files, and the
    allowed/forbidden account id guard (it needs the real account id from STS).
Resources, data sources, variables and outputs are untouched: they are what we validate.
"""
import json
import re
import sys

CALLS_AWS = (
    # The account guard needs the caller's account id, i.e. an STS call; with fake keys
    # and skip_requesting_account_id it rejects the empty id ("AWS account ID not allowed").
    "allowed_account_ids",
    "forbidden_account_ids",
    "assume_role",
    "assume_role_with_web_identity",
    "profile",
    "shared_config_files",
    "shared_credentials_files",
    "token",
)
FAKE = {
    "access_key": "AKIAVALIDATEFAKE0000",
    "secret_key": "validate-fake-secret-key",
    "skip_credentials_validation": True,
    "skip_requesting_account_id": True,
    "skip_metadata_api_check": True,
    "skip_region_validation": True,
}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = sys.argv[1] + "/cdk.tf.json"
    with open(path) as f:
        doc = json.load(f)
    tf = doc.setdefault("terraform", {})
    tf["backend"] = {"local": {"path": "validate.tfstate"}}
    tf.pop("cloud", None)
    providers = doc.get("provider", {}).get("aws")
    if providers is None:
        sys.exit(f"{path}: no provider.aws block")
    if isinstance(providers, dict):
        providers = [providers]
    for p in providers:
        for k in CALLS_AWS:
            p.pop(k, None)
        p.update(FAKE)
        p.setdefault("region", "us-east-1")
    doc["provider"]["aws"] = providers
    with open(path, "w") as f:
        json.dump(doc, f, indent=2)
    pin = (tf.get("required_providers", {}).get("aws") or {}).get("version", "")
    # An exact pin, "= x.y.z", "~> x.y.z" or ">= x.y.z" are all met by x.y.z itself.
    m = re.search(r"\d+\.\d+\.\d+", pin)
    if not m:
        m = re.search(r"\d+\.\d+", pin)
        if not m:
            sys.exit(f"{path}: terraform.required_providers.aws.version {pin!r} names no version")
        print(m.group(0) + ".0")
        return
    print(m.group(0))


if __name__ == "__main__":
    main()
