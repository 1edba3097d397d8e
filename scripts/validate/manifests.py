#!/usr/bin/env python3
"""Inventory of Kubernetes manifest files, for the checks that feed them to real tools.

Usage:
  manifests.py files PATH...          manifest files under PATH, in apply order (one per line)
  manifests.py count FILE...          number of objects (List items counted one by one)
  manifests.py namespaces FILE...     namespaces the objects live in (metadata.namespace)
  manifests.py namespace-objects FILE...  the Namespace objects, as one YAML stream
  manifests.py accepted APPLY_OUTPUT.json  `kubectl apply -o json` output (an object or a
                                      List) as lines apiVersion|kind|namespace|name

A directory means its own files, not its subdirectories, exactly like
`kubectl apply -f DIR` (dist/<env>/addons/ holds Helm values, not objects). Apply order is
the file names' byte order, which dist/ documents as its apply order (00-namespace,
10-secrets, ... 60-backup). kustomization.yaml, Chart.yaml and values.yaml are skipped.
"""
import os
import sys

import yaml

NOT_OBJECTS = {"kustomization.yaml", "kustomization.yml", "Chart.yaml", "values.yaml"}


def files(paths):
    out = []
    for p in paths:
        if os.path.isfile(p):
            out.append(p)
            continue
        if not os.path.isdir(p):
            sys.exit(f"{p}: no such file or directory")
        out.extend(
            os.path.join(p, n)
            for n in sorted(os.listdir(p))
            if n.endswith((".yaml", ".yml", ".json"))
            and n not in NOT_OBJECTS
            and os.path.isfile(os.path.join(p, n))
        )
    return out


def objects(paths):
    for path in paths:
        with open(path) as f:
            try:
                docs = list(yaml.safe_load_all(f))
            except yaml.YAMLError as e:
                sys.exit(f"{path}: not valid YAML: {e}")
        for d in docs:
            if not d:
                continue
            if not isinstance(d, dict):
                sys.exit(f"{path}: a document is not a mapping")
            if d.get("kind", "").endswith("List") and "items" in d:
                yield from ((path, i) for i in d["items"] or [])
            else:
                yield path, d


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "files":
        print("\n".join(files(args)))
    elif cmd == "count":
        print(sum(1 for _ in objects(args)))
    elif cmd == "namespaces":
        ns = {(o.get("metadata") or {}).get("namespace") for _, o in objects(args)}
        print("\n".join(sorted(n for n in ns if n)))
    elif cmd == "namespace-objects":
        docs = [o for _, o in objects(args) if o.get("kind") == "Namespace" and o.get("apiVersion") == "v1"]
        if docs:
            yaml.safe_dump_all(docs, sys.stdout, sort_keys=False)
    elif cmd == "accepted":
        import json

        text = open(args[0]).read().strip()
        if not text:
            return
        # kubectl prints the object, or a List when there are several; decode document by
        # document in case it ever prints more than one.
        dec, pos, objs = json.JSONDecoder(), 0, []
        while pos < len(text):
            doc, end = dec.raw_decode(text, pos)
            objs.extend(doc.get("items", []) if doc.get("kind") == "List" else [doc])
            pos = end
            while pos < len(text) and text[pos].isspace():
                pos += 1
        for o in objs:
            m = o.get("metadata") or {}
            print("|".join([o.get("apiVersion", ""), o.get("kind", ""), m.get("namespace", ""), m.get("name", "")]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
