#!/usr/bin/env python3
"""Normalize a `terraform show -json` plan of a JSON-syntax (CDKTF) stack for trivy.

Usage: planfix.py IN.json OUT.json

For configurations written in Terraform's JSON syntax, the plan records an interpolating
string as {"constant_value": "${aws_s3_bucket.x.id}", "references": ["aws_s3_bucket.x.id", ...]}:
both keys, because a JSON string looks constant. trivy reads whichever key Go's map
iteration yields first, so values unknown until apply (ids, ARNs) randomly become the
literal text "${...}" instead of a reference, and a public access block or a KMS key is
not linked to its bucket/topic/cluster: false HIGH findings, different on every run.
A template with references is not a constant, so the constant_value is dropped.
"""
import json
import sys


def fix(node):
    if isinstance(node, dict):
        cv = node.get("constant_value")
        if node.get("references") and isinstance(cv, str) and "${" in cv:
            del node["constant_value"]
        for v in node.values():
            fix(v)
    elif isinstance(node, list):
        for v in node:
            fix(v)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        plan = json.load(f)
    fix(plan.get("configuration", {}))
    with open(sys.argv[2], "w") as f:
        json.dump(plan, f)


if __name__ == "__main__":
    main()
