#!/usr/bin/env python3
"""Compare `gazette-index --dry-run --json` output with a truth file.

    extraction_report.py TRUTH.jsonl EXTRACTED.jsonl [--min-accuracy F]

Prints per field the coverage (share of articles with a value) and the
accuracy (share whose value equals the truth exactly; lists compared as
sets). Exits 1 when any field's accuracy is below --min-accuracy, or when an
article is missing from the extraction.
"""
import argparse
import json
import os
import sys


def load(path, key):
    out = {}
    with open(path) as f:
        for line in f:
            if line.strip():
                j = json.loads(line)
                if key in j:  # the closing {"summary": ...} line has none
                    out[os.path.basename(j[key])] = j
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("truth")
    ap.add_argument("extracted")
    ap.add_argument("--min-accuracy", type=float, default=0.0)
    args = ap.parse_args()
    truth = load(args.truth, "file")
    got = load(args.extracted, "path")
    missing = sorted(set(truth) - set(got))
    fields = ["title", "date", "outlets", "speakers"]
    n = len(truth)
    print(f"articles: {n}, extracted: {len(got)}, missing: {len(missing)}")
    print(f"{'field':<10}{'coverage':>10}{'truth has':>11}{'accuracy':>10}")
    worst = 1.0
    for field in fields:
        covered = right = has = 0
        for name, t in truth.items():
            g = got.get(name, {})
            gv, tv = g.get(field), t[field]
            if isinstance(tv, list):
                gv, tv = set(gv or []), set(tv)
            covered += bool(gv)
            has += bool(tv)
            right += gv == tv or (not gv and not tv)
        acc = right / n
        worst = min(worst, acc)
        print(f"{field:<10}{covered / n:>10.1%}{has / n:>11.1%}{acc:>10.1%}")
    if missing:
        print("missing:", ", ".join(missing[:10]), file=sys.stderr)
        return 1
    if worst < args.min_accuracy:
        print(f"accuracy {worst:.1%} below {args.min_accuracy:.1%}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
