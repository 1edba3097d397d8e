#!/usr/bin/env python3
"""Judge trivy config JSON reports against the project's policy.

Usage:
  trivy_report.py check-ignorefile IGNORE.yaml
  trivy_report.py report RAW.json FILTERED.json IGNORE_NAME

check-ignorefile: every `misconfigurations` entry names an id and a non-empty
`statement` (the reason it is accepted); no other sections are used by this project.

report: RAW is a scan without the ignore file, FILTERED one with it. Fails when RAW has
any HIGH or CRITICAL finding (those are never accepted) or FILTERED has any finding at all.
Prints per-severity counts and one line per failing finding: severity, id, file:line,
resource, message.
"""
import collections
import json
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


def report(raw_path, filtered_path, ignore_name):
    raw = list(findings(raw_path))
    filtered = list(findings(filtered_path))
    counts = collections.Counter(f["severity"] for f in raw)
    by_input = collections.Counter(f["target"].split("/")[0] for f in raw)
    blocking = [f for f in raw if f["severity"] in NEVER_ACCEPTED]
    unaccepted = [f for f in filtered if f["severity"] not in NEVER_ACCEPTED]
    sev = " ".join(f"{s}={counts.get(s, 0)}" for s in SEVERITIES if s != "UNKNOWN" or counts.get(s))
    print(f"trivy findings before {ignore_name}: {sev} ({', '.join(f'{k}={v}' for k, v in sorted(by_input.items())) or 'none'})")
    print(f"accepted via {ignore_name}: {len(raw) - len(filtered)}; not accepted: {len(unaccepted)}; HIGH/CRITICAL: {len(blocking)}")
    for f in sorted(blocking, key=lambda f: (f["severity"], f["id"], f["target"])):
        print(line(f))
    for f in sorted(unaccepted, key=lambda f: (f["severity"], f["id"], f["target"])):
        print(line(f))
    if blocking or unaccepted:
        sys.exit(1)


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "check-ignorefile":
        check_ignorefile(sys.argv[2])
    elif len(sys.argv) == 5 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
