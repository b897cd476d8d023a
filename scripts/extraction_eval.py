#!/usr/bin/env python3
"""Score gazette's extraction on real news pages, from the page text and
from the HTML, in one table.

    python3 scripts/extraction_eval.py [--data ../shared/extract-dev]
                                       [--bin build/gazette-index] [--show]

DATA holds NAME.txt, NAME.html and truth.jsonl (see its README): title,
date, outlets, and on some pages speakers (with aliases and optional
names). Titles and dates are scored on every page and on the pages checked
by hand; outlets and speakers as F1 (an optional truth value is neither
required nor counted against). --show lists each page's misses.
"""
import argparse
import json
import os
import subprocess
import sys
import unicodedata


def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        s = s.replace(a, b)
    return " ".join(s.split()).casefold()


def extract(binary, data):
    out = subprocess.run([binary, "--dry-run", "--json", data], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{binary} failed: {out.stderr}")
    pages = {}
    for line in out.stdout.splitlines():
        j = json.loads(line)
        if "id" in j and j.get("path"):
            pages[os.path.basename(j["path"])] = j
    return pages


def outlet_names(registry_path):
    """Every name and alias of the built-in registry -> its canonical name:
    the truth may say "Washington Post" where gazette says "The Washington
    Post"; both name one outlet."""
    names = {}
    for e in json.load(open(registry_path, encoding="utf-8")):
        for n in [e["name"]] + e.get("aliases", []):
            names[norm(n)] = e["name"]
    return names


def f1_counts(truth, optional, aliases, got):
    want = {norm(t): t for t in truth}
    names = {}
    for t in truth + optional:
        for n in [t] + aliases.get(t, []):
            names[norm(n)] = t
    matched, fp = set(), 0
    for g in got:
        t = names.get(norm(g))
        if t is None:
            fp += 1
        elif t in truth:
            matched.add(t)
    return len(matched), fp, len(want) - len(matched)


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "extract-dev"))
    ap.add_argument("--bin", default=os.path.join(here, "..", "build", "gazette-index"))
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    truth = [json.loads(l) for l in open(os.path.join(args.data, "truth.jsonl")) if l.strip()]
    got = extract(args.bin, args.data)
    canonical = outlet_names(os.path.join(here, "..", "indexer", "data", "outlets.json"))
    same_outlet = lambda names: [canonical.get(norm(n), n) for n in names]

    rows = []
    for kind, key in (("text", "file"), ("html", "html")):
        s = {"title": [0, 0], "title_hand": [0, 0], "date": [0, 0], "date_hand": [0, 0],
             "date_wrong": 0, "outlets": [0, 0, 0], "outlets_hand": [0, 0, 0],
             "speakers": [0, 0, 0]}
        for t in truth:
            g = got.get(t[key])
            if g is None:
                sys.exit(f"no extraction for {t[key]}")
            hand = t.get("checked_by_hand", False)
            ok_title = norm(g.get("title")) == norm(t["title"])
            ok_date = (g.get("date") or None) == t["date"]
            for field, ok in (("title", ok_title), ("date", ok_date)):
                s[field][0] += ok
                s[field][1] += 1
                if hand:
                    s[field + "_hand"][0] += ok
                    s[field + "_hand"][1] += 1
            if hand and g.get("date") and g.get("date") != t["date"]:
                s["date_wrong"] += 1
            aliases = t.get("aliases", {})
            tp, fp, fn = f1_counts(same_outlet(t["outlets"]),
                                   same_outlet(t.get("outlets_optional", [])), {},
                                   same_outlet(g.get("outlets", [])))
            if args.show and (fp or fn):
                print(f"{kind:4} {t[key]:24} outlets {g.get('outlets', [])} vs {t['outlets']}")
            s["outlets"] = [a + b for a, b in zip(s["outlets"], (tp, fp, fn))]
            if hand:
                s["outlets_hand"] = [a + b for a, b in zip(s["outlets_hand"], (tp, fp, fn))]
            if t.get("speakers") is not None:
                tp2, fp2, fn2 = f1_counts(t["speakers"], t.get("speakers_optional", []), aliases,
                                          g.get("speakers", []))
                s["speakers"] = [a + b for a, b in zip(s["speakers"], (tp2, fp2, fn2))]
                if args.show and (fp2 or fn2):
                    names = {norm(n) for x in t["speakers"] + t.get("speakers_optional", [])
                             for n in [x] + aliases.get(x, [])}
                    extra = [x for x in g.get("speakers", []) if norm(x) not in names]
                    found = {norm(x) for x in g.get("speakers", [])}
                    missed = [x for x in t["speakers"]
                              if not ({norm(n) for n in [x] + aliases.get(x, [])} & found)]
                    print(f"{kind:4} {t[key]:24} speakers extra {extra} missed {missed}")
            if args.show and (not ok_title or not ok_date):
                print(f"{kind:4} {t[key]:24} title {'ok' if ok_title else repr(g.get('title'))[:70]}"
                      f" | date {g.get('date')} vs {t['date']}")
        rows.append((kind, s))

    def f1(c):
        tp, fp, fn = c
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        return (2 * p * r / (p + r) if p + r else 0), p, r

    print(f"{len(truth)} pages ({sum(t.get('checked_by_hand', False) for t in truth)} checked by hand)")
    print(f"{'from':5} {'title':>7} {'title*':>7} {'date':>7} {'date*':>7} {'wrong*':>7} "
          f"{'outlets F1 (P/R)':>18} {'outlets* F1':>11} {'speakers F1 (P/R)':>19}")
    for kind, s in rows:
        of, op, orr = f1(s["outlets"])
        sf, sp, sr = f1(s["speakers"])
        ohf, _, _ = f1(s["outlets_hand"])
        frac = lambda c: c[0] / c[1] if c[1] else 0
        print(f"{kind:5} {frac(s['title']):7.2f} {frac(s['title_hand']):7.2f} "
              f"{frac(s['date']):7.2f} {frac(s['date_hand']):7.2f} {s['date_wrong']:7d} "
              f"{of:8.2f} ({op:.2f}/{orr:.2f}) {ohf:11.2f} {sf:9.2f} ({sp:.2f}/{sr:.2f})")
    print("* = on the pages checked by hand; wrong* = dates given that differ from the truth")


if __name__ == "__main__":
    main()
