#!/usr/bin/env python3
"""Strict kubeconform schemas from CustomResourceDefinition files.

Usage: gen-crd-schemas.py [--objectmeta K8S_SCHEMA.json] OUT_DIR CRD.yaml...

Writes OUT_DIR/<group>/<kind>_<version>.json for every served version, the layout of
kubeconform's "{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json" template,
so ExternalSecrets, SecretStores and TargetGroupBindings are checked like built-in kinds
instead of being skipped.

The apiserver prunes or (with --validate=strict) rejects fields a structural schema does not
list; kubeconform only does that when a schema says additionalProperties: false. So:
  * an object with properties, no additionalProperties and no
    x-kubernetes-preserve-unknown-fields rejects other keys;
  * x-kubernetes-int-or-string accepts a string or an integer;
  * nullable: true admits null.
CRD schemas describe metadata as a bare object; --objectmeta takes a generated
Kubernetes schema (any kind) and validates metadata as a real ObjectMeta instead.
Needs PyYAML.
"""
import json
import os
import sys

import yaml

OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"


def strict(node):
    if isinstance(node, list):
        return [strict(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: strict(v) for k, v in node.items()}
    if out.pop("x-kubernetes-int-or-string", False):
        for k in ("type", "anyOf", "pattern", "format"):
            out.pop(k, None)
        out["anyOf"] = [{"type": "string"}, {"type": "integer"}]
    if out.get("nullable") and isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    if (
        "properties" in out
        and "additionalProperties" not in out
        and not out.get("x-kubernetes-preserve-unknown-fields")
    ):
        out["additionalProperties"] = False
    return out


def object_meta(k8s_schema_path):
    with open(k8s_schema_path) as f:
        defs = json.load(f)["definitions"]
    if OBJECT_META not in defs:
        sys.exit(f"{k8s_schema_path} holds no {OBJECT_META}")
    # ObjectMeta only reaches a handful of meta/v1 types; copy them all, it is small.
    return {k: v for k, v in defs.items() if k.startswith("io.k8s.apimachinery.pkg.apis.meta.v1.")}


def main():
    args = sys.argv[1:]
    meta_defs = None
    if args[:1] == ["--objectmeta"]:
        meta_defs = object_meta(args[1])
        args = args[2:]
    if len(args) < 2:
        sys.exit(__doc__)
    out_dir, files = args[0], args[1:]
    n = 0
    for path in files:
        with open(path) as f:
            docs = [d for d in yaml.safe_load_all(f) if d]
        for crd in docs:
            if crd.get("kind") != "CustomResourceDefinition":
                continue
            spec = crd["spec"]
            group, kind = spec["group"], spec["names"]["kind"]
            for ver in spec["versions"]:
                if not ver.get("served", True):
                    continue
                schema = (ver.get("schema") or {}).get("openAPIV3Schema")
                if not schema:
                    sys.exit(f"{path}: {kind} {ver['name']} has no openAPIV3Schema")
                doc = strict(schema)
                if meta_defs is not None:
                    doc.setdefault("properties", {})["metadata"] = {"$ref": "#/definitions/" + OBJECT_META}
                    doc["definitions"] = meta_defs
                doc["additionalProperties"] = False
                target = os.path.join(out_dir, group, f"{kind.lower()}_{ver['name']}.json")
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "w") as f:
                    json.dump(doc, f, sort_keys=True)
                n += 1
    if n == 0:
        sys.exit("no CustomResourceDefinition versions found")
    print(f"  wrote {n} CRD schemas to {out_dir}")


if __name__ == "__main__":
    main()
