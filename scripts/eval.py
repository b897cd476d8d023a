#!/usr/bin/env python3
"""Ranking quality on the classic test collections, as a user runs gazette.

    python3 scripts/eval.py [--data ../shared/evaldata] [--bin build]
                            [--collections time,cranfield,cisi]
                            [--check FILE] [--record FILE] [--ranking SETTING]
                            [--features] [--tune GRID]

For each collection (../shared/evaldata, see its README): every document is
written as an article file (title line, blank line, text) into a scratch
folder and indexed with gazette-index; every query is run with
`gazette-search --json --limit 1000 QUERY`, as typed. SQLite FTS5 (porter
unicode61, bm25, the query's words joined by OR) runs on the same documents
and queries in the same run. Printed per collection and system: MAP (top
1000, as trec_eval computes it), nDCG@10, P@10 and R@100, over the queries
that have judgments.

--features also runs gazette with each ranking feature turned off (the
--ranking keys of docs/relevance.md); --tune GRID scores every combination of
a grid of settings and cross-validates: for each collection, the setting best
on the other two and its score on this one.

Under each collection's table: gazette against FTS5 query by query (the
difference in MAP, its paired standard error, a two-sided paired
randomisation test's p, and how many standard errors FTS5 + 5% lies away),
and, when more than one gazette variant ran, the MAP of the best run for
each query chosen with the judgments known: a ceiling for any choice among
those runs.

--record FILE writes gazette's MAP per collection (JSON); --check FILE fails
(exit 1) when a collection's MAP falls more than 0.005 below the recorded
figure. Relevance: TIME and CISI are binary; Cranfield grades 1-4 are
relevant (the -1 lines are not), with grade g giving gain 5-g in nDCG.
"""
import argparse
import json
import math
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor


# --- collections -------------------------------------------------------------

def smart_records(path, fields):
    """SMART-format records (.I n, then .X field markers): a list of dicts."""
    records, cur, field = [], None, None
    for line in open(path, encoding="latin-1"):
        line = line.rstrip("\n")
        m = re.match(r"^\.I\s+(\d+)", line)
        if m:
            cur = {"id": int(m.group(1))}
            records.append(cur)
            field = None
            continue
        m = re.match(r"^\.([A-Z])\s*$", line)
        if m and cur is not None:
            field = m.group(1)
            cur.setdefault(field, "")
            continue
        if cur is not None and field:
            cur[field] += line + "\n"
    return records


def load_time(d):
    docs, text = [], None
    for line in open(os.path.join(d, "TIME.ALL"), encoding="latin-1"):
        if line.startswith("*TEXT"):
            text = []
            docs.append(text)
        elif text is not None and line.strip():
            text.append(line.strip())
    documents = {i + 1: ("", " ".join(t)) for i, t in enumerate(docs)}
    queries, q = {}, None
    for line in open(os.path.join(d, "TIME.QUE"), encoding="latin-1"):
        m = re.match(r"^\*FIND\s+(\d+)", line)
        if m:
            q = int(m.group(1))
            queries[q] = ""
        elif q is not None and line.strip() and not line.startswith("*STOP"):
            queries[q] += " " + line.strip()
    qrels = {}
    for line in open(os.path.join(d, "TIME.REL.ALL"), encoding="latin-1"):
        parts = line.split()
        if len(parts) >= 2:
            qrels[int(parts[0])] = {int(x): 1 for x in parts[1:] if int(x) in documents}
    return documents, {k: v.strip() for k, v in queries.items()}, qrels


def load_cranfield(d):
    documents = {}
    for r in smart_records(os.path.join(d, "cran.all.1400"), "TABW"):
        title = " ".join(r.get("T", "").split())
        body = " ".join(r.get("W", "").split())
        documents[r["id"]] = (title, body)
    queries = {}
    for i, r in enumerate(smart_records(os.path.join(d, "cran.qry"), "W"), start=1):
        queries[i] = " ".join(r.get("W", "").split())
    qrels = {}
    for line in open(os.path.join(d, "cranqrel"), encoding="latin-1"):
        parts = line.split()
        if len(parts) >= 3 and int(parts[2]) in (1, 2, 3, 4):
            qrels.setdefault(int(parts[0]), {})[int(parts[1])] = 5 - int(parts[2])
    return documents, queries, qrels


def load_cisi(d):
    documents = {}
    for r in smart_records(os.path.join(d, "CISI.ALL"), "TAWXBCK"):
        documents[r["id"]] = (" ".join(r.get("T", "").split()), " ".join(r.get("W", "").split()))
    queries = {}
    for r in smart_records(os.path.join(d, "CISI.QRY"), "TAWB"):
        queries[r["id"]] = " ".join((r.get("T", "") + " " + r.get("W", "")).split())
    qrels = {}
    for line in open(os.path.join(d, "CISI.REL"), encoding="latin-1"):
        parts = line.split()
        if len(parts) >= 2:
            qrels.setdefault(int(parts[0]), {})[int(parts[1])] = 1
    return documents, queries, qrels


COLLECTIONS = {"time": ("time", load_time), "cranfield": ("cranfield", load_cranfield),
               "cisi": ("cisi", load_cisi)}


# --- metrics -------------------------------------------------------------------

def metrics(ranked, rel):
    """AP over the ranking (top 1000), nDCG@10, P@10, R@100 for one query."""
    ranked = ranked[:1000]
    hits, ap = 0, 0.0
    for k, doc in enumerate(ranked, start=1):
        if doc in rel:
            hits += 1
            ap += hits / k
    ap /= len(rel)
    dcg = sum(rel.get(doc, 0) / math.log2(k + 1) for k, doc in enumerate(ranked[:10], start=1))
    ideal = sorted(rel.values(), reverse=True)[:10]
    idcg = sum(g / math.log2(k + 1) for k, g in enumerate(ideal, start=1))
    p10 = sum(1 for doc in ranked[:10] if doc in rel) / 10
    r100 = sum(1 for doc in ranked[:100] if doc in rel) / len(rel)
    return ap, (dcg / idcg if idcg else 0.0), p10, r100


def paired_comparison(ours, theirs, qrels, rounds=5000):
    """Query-by-query AP of two systems: (MAP difference, paired standard
    error, two-sided p of a paired randomisation test, their MAP)."""
    queries = [q for q, rel in qrels.items() if rel]
    their_aps = [metrics(theirs.get(q, []), qrels[q])[0] for q in queries]
    diffs = [metrics(ours.get(q, []), qrels[q])[0] - theirs_ap
             for q, theirs_ap in zip(queries, their_aps)]
    n = len(diffs)
    mean = sum(diffs) / n
    sd = math.sqrt(sum((d - mean) ** 2 for d in diffs) / (n - 1)) if n > 1 else 0.0
    rng = random.Random(1)  # the same p every run
    extreme = sum(1 for _ in range(rounds)
                  if abs(sum(d if rng.random() < 0.5 else -d for d in diffs)) >= abs(mean) * n - 1e-12)
    return mean, sd / math.sqrt(n), extreme / rounds, sum(their_aps) / n


def oracle_map(systems, qrels):
    """MAP of the best of `systems` for each query, chosen knowing the judgments."""
    rows = [max(metrics(runs.get(q, []), rel)[0] for runs in systems) for q, rel in qrels.items() if rel]
    return sum(rows) / len(rows)


def mean_metrics(runs, qrels):
    rows = [metrics(runs.get(q, []), rel) for q, rel in qrels.items() if rel]
    return [sum(r[i] for r in rows) / len(rows) for i in range(4)], len(rows)


# --- systems -------------------------------------------------------------------

def run_gazette(bin_dir, documents, queries, work, variants):
    """Indexes the documents once; runs the queries once per variant
    (name -> --ranking setting). Returns name -> {query: [doc ids]}."""
    folder = os.path.join(work, "docs")
    os.makedirs(folder)
    for doc_id, (title, body) in documents.items():
        with open(os.path.join(folder, f"{doc_id:05d}.txt"), "w", encoding="utf-8") as f:
            f.write((title + "\n\n" if title else "") + body + "\n")
    index = os.path.join(work, "index")
    subprocess.run([os.path.join(bin_dir, "gazette-index"), "--index", index, folder],
                   check=True, capture_output=True)
    search = os.path.join(bin_dir, "gazette-search")

    def one(item):
        (q, text), ranking = item
        out = subprocess.run([search, "--index", index, "--json", "--limit", "1000",
                              "--snippet-length", "0", "--ranking", ranking, "--", text],
                             capture_output=True, text=True)
        if out.returncode != 0 or not out.stdout.strip():
            return q, []
        hits = json.loads(out.stdout).get("hits", [])
        return q, [int(os.path.basename(h["id"]).split(".")[0]) for h in hits]

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return {name: dict(pool.map(one, [(item, spec) for item in queries.items()]))
                for name, spec in variants.items()}


def run_fts5(documents, queries):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE d USING fts5(title, body, tokenize='porter unicode61')")
    db.executemany("INSERT INTO d(rowid, title, body) VALUES (?, ?, ?)",
                   [(k, t, b) for k, (t, b) in documents.items()])
    runs = {}
    for q, text in queries.items():
        words = re.findall(r"\w+", text.lower())
        if not words:
            runs[q] = []
            continue
        match = " OR ".join('"' + w + '"' for w in words)
        rows = db.execute("SELECT rowid FROM d WHERE d MATCH ? ORDER BY bm25(d) LIMIT 1000",
                          (match,)).fetchall()
        runs[q] = [r[0] for r in rows]
    return runs


FEATURES = {  # variant name -> the --ranking setting that turns one feature off
    "-all_words": "all_words=0", "-family": "family=0", "-variant": "variant=0",
    "-alias": "alias=0", "-stop_words": "stop_words=off", "-caps_words": "caps_words=off",
    "-collapse": "collapse=off", "-feedback": "feedback_docs=0",
}


def grid_settings(grid):
    """"k1=1,1.2;b=0.5,0.75" -> every combination as a --ranking setting."""
    settings = [""]
    for part in filter(None, grid.split(";")):
        key, values = part.split("=", 1)
        settings = [",".join(filter(None, (s, f"{key}={v}"))) for s in settings
                    for v in values.split(",")]
    return settings


def cross_validate(maps, names):
    """maps: setting -> {collection: MAP}. For each collection, the setting
    with the best mean MAP on the others, and what it scores there."""
    print("\ncross-validation (tuned on the other collections, scored on this one):")
    for held in names:
        others = [n for n in names if n != held]
        best = max(maps, key=lambda st: sum(maps[st][n] for n in others) / len(others))
        top = max(maps, key=lambda st: maps[st][held])
        print(f"  {held:10} held-out MAP {maps[best][held]:.3f} with {best or 'defaults'}"
              f"  (best possible {maps[top][held]:.3f} with {top or 'defaults'})")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "evaldata"),
                    help="the collections (tests/data/evaldata holds TIME alone)")
    ap.add_argument("--bin", default=os.path.join(here, "..", "build"))
    ap.add_argument("--collections", default="time,cranfield,cisi")
    ap.add_argument("--check")
    ap.add_argument("--record")
    ap.add_argument("--ranking", default="", help="gazette-search --ranking setting")
    ap.add_argument("--features", action="store_true",
                    help="also run gazette with each ranking feature off")
    ap.add_argument("--tune", metavar="GRID",
                    help='grid "k1=1,1.2;b=0.5,0.75": score every combination, then '
                         'cross-validate (tune on two collections, test on the third)')
    args = ap.parse_args()

    variants = {"gazette": args.ranking}
    if args.features:
        for name, off in FEATURES.items():
            variants["gazette" + name] = ",".join(filter(None, (args.ranking, off)))
    if args.tune:
        for setting in grid_settings(args.tune):
            variants[setting or "defaults"] = setting
    results, failed, maps = {}, False, {}
    recorded = json.load(open(args.check)) if args.check else {}
    names = args.collections.split(",")
    if not args.tune:
        print(f"{'collection':10} {'system':20} {'queries':>7} {'MAP':>6} {'nDCG@10':>8} "
              f"{'P@10':>6} {'R@100':>6}")
    for name in names:
        sub, loader = COLLECTIONS[name]
        documents, queries, qrels = loader(os.path.join(args.data, sub))
        work = tempfile.mkdtemp(prefix=f"gazette-eval-{name}-")
        try:
            systems = run_gazette(args.bin, documents, queries, work, variants)
            systems["fts5"] = run_fts5(documents, queries)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        for system, runs in systems.items():
            (m, nd, p10, r100), n = mean_metrics(runs, qrels)
            if system == "gazette":
                results[name] = round(m, 4)
            if args.tune and system != "fts5":
                maps.setdefault(variants.get(system, system), {})[name] = m
                continue
            print(f"{name:10} {system:20} {n:7d} {m:6.3f} {nd:8.3f} {p10:6.3f} {r100:6.3f}")
        if not args.tune:
            diff, se, p, fts5 = paired_comparison(systems["gazette"], systems["fts5"], qrels)
            target = 0.05 * fts5
            print(f"{name:10} gazette - FTS5: MAP {diff:+.4f}, paired standard error {se:.4f}, "
                  f"randomisation p {p:.3f}; FTS5 + 5% is {target:+.4f}"
                  + (f" ({target / se:.1f} standard errors)" if se > 0 else ""))
            gazettes = [runs for system, runs in systems.items() if system != "fts5"]
            if len(gazettes) > 1:
                print(f"{name:10} best run per query (judgments known): MAP "
                      f"{oracle_map(gazettes, qrels):.3f} over gazette's {len(gazettes)}, "
                      f"{oracle_map(list(systems.values()), qrels):.3f} with FTS5")
        if name in recorded and results[name] < recorded[name] - 0.005:
            print(f"{name}: MAP {results[name]:.3f} below the recorded {recorded[name]:.3f}",
                  file=sys.stderr)
            failed = True
    if args.tune:
        for setting, row in sorted(maps.items(), key=lambda kv: -sum(kv[1].values())):
            print(f"  {setting or 'defaults':40} " +
                  " ".join(f"{n} {row[n]:.4f}" for n in names))
        if len(names) > 1:
            cross_validate(maps, names)
    if args.record:
        with open(args.record, "w") as f:
            json.dump(results, f, indent=1, sort_keys=True)
            f.write("\n")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
