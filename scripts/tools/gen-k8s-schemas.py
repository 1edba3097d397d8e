#!/usr/bin/env python3
"""Turn the Kubernetes OpenAPI v2 document into strict kubeconform schemas.

Usage: gen-k8s-schemas.py SWAGGER_JSON OUT_DIR

SWAGGER_JSON is api/openapi-spec/swagger.json from the k8s.io/kubernetes module zip of
the release the cluster runs, so the schemas match the apiserver we also build from it
(no download of a third-party schema catalogue).

One file per group/version/kind, named the way kubeconform's
"{{ .ResourceKind }}{{ .KindSuffix }}.json" template expects: deployment-apps-v1.json,
service-v1.json. Each file is self-contained: the definitions it reaches through $ref are
copied under "definitions" (recursive types such as JSONSchemaProps need that).

Strictness choices, each matching what the apiserver does with --validate=strict:
  * an object schema that lists properties rejects any other key (additionalProperties false),
    so a misspelt field fails instead of being silently dropped;
  * IntOrString accepts a string or an integer, Quantity a string or a number (the YAML
    `cpu: 1` is a number), as the apiserver's decoder does;
  * nested values may be null (serialisers write `creationTimestamp: null`), the document
    root may not.
Stdlib only.
"""
import json
import os
import sys

DEF_PREFIX = "#/definitions/"
QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity"


def refs_in(node, found):
    """Collect the definition names node references, one level deep."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(DEF_PREFIX):
            found.add(ref[len(DEF_PREFIX):])
        for child in node.values():
            refs_in(child, found)
    elif isinstance(node, list):
        for child in node:
            refs_in(child, found)


def closure(defs, root):
    """Every definition reachable from root, root excluded unless it is recursive."""
    seen, stack = set(), [root]
    while stack:
        found = set()
        refs_in(defs[stack.pop()], found)
        for name in found - seen:
            if name in defs:
                seen.add(name)
                stack.append(name)
    return seen


def nullable(t):
    if isinstance(t, str) and t != "null":
        return [t, "null"]
    return t


def strict(node):
    if isinstance(node, list):
        return [strict(v) for v in node]
    if not isinstance(node, dict):
        return node
    if node.get("format") == "int-or-string":
        return {"oneOf": [{"type": ["string", "null"]}, {"type": ["integer", "null"]}]}
    out = {k: strict(v) for k, v in node.items()}
    if "properties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    if "type" in out:
        out["type"] = nullable(out["type"])
    return out


def filename(gvk):
    group = gvk.get("group", "")
    suffix = "-" + gvk["version"].lower()
    if group:
        suffix = "-" + group.split(".")[0].lower() + suffix
    return gvk["kind"].lower() + suffix + ".json"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    swagger_path, out_dir = sys.argv[1], sys.argv[2]
    with open(swagger_path) as f:
        defs = json.load(f)["definitions"]
    if QUANTITY in defs:
        defs[QUANTITY] = {"oneOf": [{"type": "string"}, {"type": "number"}, {"type": "null"}]}
    os.makedirs(out_dir, exist_ok=True)
    written = {}
    for name, schema in sorted(defs.items()):
        gvks = schema.get("x-kubernetes-group-version-kind") or []
        if not gvks:
            continue
        doc = dict(schema)
        doc["definitions"] = {r: defs[r] for r in sorted(closure(defs, name))}
        doc = strict(doc)
        doc["type"] = "object"
        for gvk in gvks:
            fn = filename(gvk)
            # Two groups sharing a first label would overwrite each other silently.
            if fn in written and written[fn] != name:
                sys.exit(f"schema name clash: {fn} from {written[fn]} and {name}")
            written[fn] = name
            with open(os.path.join(out_dir, fn), "w") as f:
                json.dump(doc, f, sort_keys=True)
    if not written:
        sys.exit(f"no group/version/kind definitions in {swagger_path}")
    print(f"  wrote {len(written)} Kubernetes schemas to {out_dir}")


if __name__ == "__main__":
    main()
