#!/usr/bin/env python3
"""Rewrite a synthesized Terraform JSON configuration as equivalent HCL, for trivy.

Usage: tfjson2hcl.py PROVIDERS_SCHEMA.json IN.tf.json OUT.tf

Why: in Terraform's JSON syntax a nested block and an object-valued argument look the
same, and only the provider schema tells them apart. trivy has no schema, so it reads every
nested block of a .tf.json file as an argument and its checks never see them: an EKS
cluster with `encryption_config` is reported as unencrypted, versioned buckets as
unversioned (trivy issues #5080, #5081, #5907). With the schema of the provider we actually
run (`terraform providers schema -json`, written by `make tools`), the configuration can be
written back as native HCL, which trivy reads completely.

The translation is mechanical and loses nothing trivy looks at:
  * a JSON string is a template in both syntaxes: its literal parts are re-escaped for HCL and
    its `${...}`/`%{...}` sequences copied as expressions (`"${aws_kms_key.k.arn}"` stays a
    reference; quotes inside an interpolation are not escaped in HCL);
  * keys the schema calls blocks become blocks, one per list element; list/set-of-object
    arguments (e.g. aws_security_group.ingress, which HCL users write as blocks) too;
  * depends_on, provider, lifecycle.ignore_changes and variable types become the bare
    references/keywords HCL expects;
  * "//" metadata and the backend are dropped (irrelevant to misconfiguration checks).
"""
import json
import re
import sys

IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def interp_end(s, i):
    """Index of the `}` closing the interpolation whose body starts at s[i]."""
    depth = 1
    while i < len(s):
        c = s[i]
        if c == '"':  # a string inside the expression, possibly with templates of its own
            i += 1
            while i < len(s) and s[i] != '"':
                if s[i] == "\\":
                    i += 2
                elif s.startswith("${", i) or s.startswith("%{", i):
                    i = interp_end(s, i + 2) + 1
                else:
                    i += 1
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unterminated interpolation in {s!r}")


def template(s):
    """A JSON-syntax string (a template) as an HCL quoted template."""
    out, i = [], 0
    while i < len(s):
        if s.startswith("$${", i) or s.startswith("%%{", i):
            out.append(s[i : i + 3])
            i += 3
        elif s.startswith("${", i) or s.startswith("%{", i):
            j = interp_end(s, i + 2)
            out.append(s[i : j + 1].replace("\n", " "))
            i = j + 1
        else:
            c = s[i]
            out.append(ESCAPES.get(c) or (f"\\u{ord(c):04x}" if ord(c) < 0x20 else c))
            i += 1
    return '"' + "".join(out) + '"'


def lit(v, ind):
    """An HCL expression for a JSON value (arguments, not blocks)."""
    if isinstance(v, str):
        return template(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, (int, float)):
        return json.dumps(v)
    pad = "  " * (ind + 1)
    if isinstance(v, list):
        if not v:
            return "[]"
        return "[\n" + "".join(f"{pad}{lit(x, ind + 1)},\n" for x in v) + "  " * ind + "]"
    if not v:
        return "{}"
    return "{\n" + "".join(f"{pad}{json.dumps(k)} = {lit(x, ind + 1)}\n" for k, x in v.items()) + "  " * ind + "}"


def key(k):
    return k if IDENT.match(k) else json.dumps(k)


def bare(s):
    """`"${aws_x.y}"` or `"aws_x.y"` -> `aws_x.y` (references HCL wants unquoted)."""
    s = s.strip()
    if s.startswith("${") and s.endswith("}"):
        s = s[2:-1]
    return s


def is_object_list_type(t):
    return (
        isinstance(t, list)
        and len(t) == 2
        and t[0] in ("list", "set")
        and isinstance(t[1], list)
        and t[1][:1] == ["object"]
    )


def body(obj, schema, ind, out, meta=True):
    """Write the arguments and blocks of obj, with schema = a provider schema `block`."""
    pad = "  " * ind
    attrs = (schema or {}).get("attributes", {})
    blocks = (schema or {}).get("block_types", {})
    for k, v in obj.items():
        if k == "//":
            continue
        if meta and k == "depends_on":
            out.append(f"{pad}depends_on = [{', '.join(bare(x) for x in v)}]")
        elif meta and k == "provider" and isinstance(v, str):
            out.append(f"{pad}provider = {bare(v)}")
        elif meta and k == "lifecycle" and isinstance(v, dict):
            out.append(f"{pad}lifecycle {{")
            for lk, lv in v.items():
                if lk == "ignore_changes" and isinstance(lv, list):
                    out.append(f"{pad}  ignore_changes = [{', '.join(bare(x) for x in lv)}]")
                elif lk == "ignore_changes":
                    out.append(f"{pad}  ignore_changes = {bare(lv)}")
                elif isinstance(lv, (dict, list)) and lk in ("precondition", "postcondition"):
                    continue
                else:
                    out.append(f"{pad}  {lk} = {lit(lv, ind + 1)}")
            out.append(f"{pad}}}")
        elif meta and k in ("provisioner", "connection"):
            continue
        elif k == "dynamic" and isinstance(v, dict):
            for name, dyn in v.items():
                inner = blocks.get(name, {}).get("block")
                out.append(f'{pad}dynamic "{name}" {{')
                for dk, dv in dyn.items():
                    if dk == "content":
                        out.append(f"{pad}  content {{")
                        body(dv, inner, ind + 2, out, meta=False)
                        out.append(f"{pad}  }}")
                    else:
                        out.append(f"{pad}  {dk} = {lit(dv, ind + 1)}")
                out.append(f"{pad}}}")
        elif k in blocks and isinstance(v, (dict, list)):
            inner = blocks[k].get("block")
            for item in v if isinstance(v, list) else [v]:
                if not isinstance(item, dict):
                    # e.g. a whole-list reference: keep it as an argument
                    out.append(f"{pad}{key(k)} = {lit(v, ind)}")
                    break
                out.append(f"{pad}{key(k)} {{")
                body(item, inner, ind + 1, out, meta=False)
                out.append(f"{pad}}}")
        elif (
            k in attrs
            and is_object_list_type(attrs[k].get("type"))
            and isinstance(v, list)
            and v
            and all(isinstance(x, dict) for x in v)
        ):
            for item in v:
                out.append(f"{pad}{key(k)} {{")
                for ik, iv in item.items():
                    if iv is not None:
                        out.append(f"{pad}  {key(ik)} = {lit(iv, ind + 1)}")
                out.append(f"{pad}}}")
        else:
            out.append(f"{pad}{key(k)} = {lit(v, ind)}")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        schemas = json.load(f)
    with open(sys.argv[2]) as f:
        doc = json.load(f)
    # provider_schemas is keyed by source address; the project only uses hashicorp/aws.
    ps = {}
    for addr, s in (schemas.get("provider_schemas") or {}).items():
        ps[addr.rsplit("/", 1)[-1]] = s
    out = ["# Generated by scripts/validate/tfjson2hcl.py from " + sys.argv[2] + "; for trivy only."]

    def prov_of(typ):
        return ps.get(typ.split("_", 1)[0], {})

    for name, cfgs in (doc.get("provider") or {}).items():
        for cfg in cfgs if isinstance(cfgs, list) else [cfgs]:
            out.append(f'provider "{name}" {{')
            body(cfg, ps.get(name, {}).get("provider", {}).get("block"), 1, out)
            out.append("}")
    for var, spec in (doc.get("variable") or {}).items():
        out.append(f'variable "{var}" {{')
        for k, v in spec.items():
            if k == "type":
                out.append(f"  type = {bare(v)}")
            elif k in ("default", "description", "sensitive", "nullable"):
                out.append(f"  {k} = {lit(v, 1)}")
        out.append("}")
    if doc.get("locals"):
        out.append("locals {")
        for k, v in doc["locals"].items():
            out.append(f"  {key(k)} = {lit(v, 1)}")
        out.append("}")
    for section, schema_key in (("data", "data_source_schemas"), ("resource", "resource_schemas")):
        for typ, byname in (doc.get(section) or {}).items():
            s = prov_of(typ).get(schema_key, {}).get(typ, {}).get("block")
            for name, cfg in byname.items():
                out.append(f'{section} "{typ}" "{name}" {{')
                body(cfg, s, 1, out)
                out.append("}")
    for name, spec in (doc.get("output") or {}).items():
        out.append(f'output "{name}" {{')
        for k, v in spec.items():
            if k == "depends_on":
                out.append(f"  depends_on = [{', '.join(bare(x) for x in v)}]")
            elif k in ("value", "description", "sensitive"):
                out.append(f"  {k} = {lit(v, 1)}")
        out.append("}")
    with open(sys.argv[3], "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
