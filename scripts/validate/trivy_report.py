#!/usr/bin/env python3
"""Judge trivy config JSON reports against the project's policy.

Usage:
  trivy_report.py check-ignorefile IGNORE.yaml
  trivy_report.py report IGNORE.yaml IGNORE_NAME RESULT...
     RESULT: a trivy JSON report, or TARGET=REPORT to name every finding of REPORT TARGET
     (trivy calls every finding of a plan "main.tf").

check-ignorefile: every `misconfigurations` entry names an id and a non-empty
`statement` (the reason it is accepted); no other sections are used by this project.

report: fails when any finding is HIGH or CRITICAL (never accepted, whatever the ignore
file says) or when a LOW/MEDIUM finding matches no ignore entry. An entry matches a
finding with its id (AWS-0089 or AVD-AWS-0089) in a file matching one of its `paths`
globs (`*` stays within a directory, `**` crosses them; no paths: any file). The ignore
file is applied here rather than by trivy because the plan findings must be relabelled
first. Prints per-severity counts, one line per failing finding (severity, id,
file:line, resource, message), and entries that matched nothing (stale, to be removed).
"""
import collections
import json
import re
import sys

import yaml

SEVERITIES = ("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN")
NEVER_ACCEPTED = {"CRITICAL", "HIGH"}


def check_ignorefile(path):
    with open(path) as f:
        doc = yaml.safe_load(f) or {}
    bad = []
    for section in doc:
        if section != "misconfigurations":
            bad.append(f"section {section!r}: only 'misconfigurations' is used here")
    for i, e in enumerate(doc.get("misconfigurations") or []):
        if not isinstance(e, dict) or not e.get("id"):
            bad.append(f"misconfigurations[{i}]: no id")
        elif not str(e.get("statement", "")).strip():
            bad.append(f"misconfigurations[{i}] ({e['id']}): no statement giving the reason")
    if bad:
        sys.exit(f"{path}:\n  " + "\n  ".join(bad))


def findings(path):
    with open(path) as f:
        doc = json.load(f)
    for r in doc.get("Results") or []:
        for m in r.get("Misconfigurations") or []:
            if m.get("Status", "FAIL") != "FAIL":
                continue
            cause = m.get("CauseMetadata") or {}
            yield {
                "target": r.get("Target", "?"),
                "id": m.get("ID") or m.get("AVDID"),
                "severity": m.get("Severity", "UNKNOWN"),
                "title": m.get("Title", ""),
                "message": m.get("Message", ""),
                "resource": cause.get("Resource", ""),
                "line": cause.get("StartLine") or 0,
            }


def line(f):
    where = f"{f['target']}:{f['line']}" if f["line"] else f["target"]
    res = f" [{f['resource']}]" if f["resource"] else ""
    return f"  {f['severity']:<8} {f['id']:<10} {where}{res}: {f['message'] or f['title']}"


def glob_re(g):
    out, i = "", 0
    while i < len(g):
        if g.startswith("**", i):
            out, i = out + ".*", i + 2
        elif g[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif g[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(g[i]), i + 1
    return re.compile(out + r"\Z")


def load_ignores(path):
    with open(path) as f:
        doc = yaml.safe_load(f) or {}
    entries = []
    for e in doc.get("misconfigurations") or []:
        ident = str(e["id"]).removeprefix("AVD-")
        entries.append({"id": ident, "paths": [glob_re(p) for p in e.get("paths") or []], "raw": e, "used": 0})
    return entries


def accepted(f, entries):
    fid = (f["id"] or "").removeprefix("AVD-")
    for e in entries:
        if e["id"] == fid and (not e["paths"] or any(p.match(f["target"]) for p in e["paths"])):
            e["used"] += 1
            return True
    return False


def report(ignore_path, ignore_name, results):
    raw = []
    for spec in results:
        target, _, path = spec.rpartition("=")
        for f in findings(path):
            if target:
                # the line would be one of trivy's internal rendering of the plan: useless
                f["target"], f["line"] = target, 0
            raw.append(f)
    entries = load_ignores(ignore_path)
    counts = collections.Counter(f["severity"] for f in raw)
    by_input = collections.Counter(f["target"].split("/")[0] for f in raw)
    blocking = [f for f in raw if f["severity"] in NEVER_ACCEPTED]
    rest = [f for f in raw if f["severity"] not in NEVER_ACCEPTED]
    unaccepted = [f for f in rest if not accepted(f, entries)]
    sev = " ".join(f"{s}={counts.get(s, 0)}" for s in SEVERITIES if s != "UNKNOWN" or counts.get(s))
    inputs = ", ".join(f"{k}={v}" for k, v in sorted(by_input.items())) or "none"
    print(f"trivy findings: {sev} (by input: {inputs})")
    print(
        f"accepted via {ignore_name}: {len(rest) - len(unaccepted)}; "
        f"not accepted: {len(unaccepted)}; HIGH/CRITICAL (never accepted): {len(blocking)}"
    )
    for f in sorted(blocking + unaccepted, key=lambda f: (SEVERITIES.index(f["severity"]), f["id"], f["target"])):
        print(line(f))
    for e in entries:
        if not e["used"]:
            print(f"  note: {ignore_name} entry {e['raw']['id']} {e['raw'].get('paths', '')} matched nothing")
    if blocking or unaccepted:
        sys.exit(1)


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "check-ignorefile":
        check_ignorefile(sys.argv[2])
    elif len(sys.argv) >= 5 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
