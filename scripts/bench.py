#!/usr/bin/env python3
"""Speed against peers, in one run: gazette, SQLite FTS5 (porter unicode61,
bm25, snippet()) and a bare Xapian loop (the ceiling), on the same corpus.

    python3 scripts/bench.py [--sizes 20000,100000] [--bin build]
                             [--work /tmp/gazette-bench] [--runs 3] [--brown DIR]
                             [--no-one-job]

For each size: the corpus (scripts/bench_corpus.py, real English sentences
in the seeds' shape, seed 1) is built once; each system builds its index
--runs times (median wall time, peak RSS of the build process); the index
size is measured (gazette's also after xapian-compact); 500 queries (125
each of single words, AND pairs, AND triples and two-word phrases, drawn
from the corpus with seed 1) run warm in-process for the top 10, with and
without snippets (p50/p95/p99 ms); and one gazette-search process per query
gives the CLI latency (median of 50). Ratios are against the same run's
figures. Build with `cmake --build build` first (gazette-bench-bare and
gazette-bench-query come with it). FTS5 runs through Python's sqlite3, so
its query times include a few microseconds of Python per query.
"""
import argparse
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd):
    """Runs cmd; (wall seconds, peak RSS MiB, stdout)."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate()
    wall = time.monotonic() - t0
    if p.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed: {err.decode(errors='replace')[-500:]}")
    return wall, out.decode()


def timed_rss(cmd):
    """Runs cmd; (wall seconds, peak RSS MiB) of that process alone."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    err = p.stderr.read()
    p.stderr.close()
    if status != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed: {err.decode(errors='replace')[-500:]}")
    return wall, usage.ru_maxrss / 1024


def size_mb(path):
    if os.path.isfile(path):
        return os.path.getsize(path) / 1e6
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
    return total / 1e6


def make_queries(corpus, path, seed=1):
    rng = random.Random(seed)
    files = []
    for root, _, names in os.walk(corpus):
        files += [os.path.join(root, n) for n in names if n.endswith(".txt")]
    files.sort()
    queries = {"word": [], "and2": [], "and3": [], "phrase": []}
    stop = {"that", "this", "with", "from", "have", "were", "which", "their", "there", "said",
            "would", "about", "been", "they", "will", "when", "what", "more", "than", "into"}
    while min(len(v) for v in queries.values()) < 125:
        text = open(rng.choice(files), encoding="utf-8").read().split("\n\n", 3)[-1]
        para = rng.choice(text.split("\n\n"))
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", para)]
        good = [w for w in words if len(w) >= 4 and w not in stop]
        if len(good) < 3:
            continue
        if len(queries["word"]) < 125:
            queries["word"].append(rng.choice(good))
        if len(queries["and2"]) < 125:
            queries["and2"].append(" AND ".join(rng.sample(good, 2)))
        if len(queries["and3"]) < 125:
            queries["and3"].append(" AND ".join(rng.sample(good, 3)))
        i = rng.randrange(len(words) - 1)
        if len(queries["phrase"]) < 125 and len(words[i]) > 3 and len(words[i + 1]) > 3:
            queries["phrase"].append(f'"{words[i]} {words[i + 1]}"')
    with open(path, "w") as f:
        for kind in queries.values():
            f.write("\n".join(kind) + "\n")


# --- SQLite FTS5 (run as subprocesses of this script, for their own RSS) ---

def fts5_build(db, corpus):
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE d USING fts5(path UNINDEXED, title, body, "
                "tokenize='porter unicode61')")
    rows = []
    for root, dirs, names in os.walk(corpus):
        dirs.sort()
        for n in sorted(names):
            if n.endswith(".txt"):
                p = os.path.join(root, n)
                title, _, body = open(p, encoding="utf-8").read().partition("\n\n")
                rows.append((p, title, body))
                if len(rows) >= 1000:
                    con.executemany("INSERT INTO d VALUES (?, ?, ?)", rows)
                    rows = []
    con.executemany("INSERT INTO d VALUES (?, ?, ?)", rows)
    con.commit()
    con.close()


def fts5_query(db, queries, snippets):
    con = sqlite3.connect(db)
    lines = [l for l in open(queries).read().splitlines() if l]
    sql = ("SELECT path, title, snippet(d, 2, '<mark>', '</mark>', '…', 32) FROM d "
           "WHERE d MATCH ? ORDER BY rank LIMIT 10") if snippets else \
          "SELECT path, title FROM d WHERE d MATCH ? ORDER BY rank LIMIT 10"
    for q in lines:  # warm
        con.execute(sql, (q,)).fetchall()
    ms = []
    for q in lines:
        t0 = time.perf_counter()
        con.execute(sql, (q,)).fetchall()
        ms.append((time.perf_counter() - t0) * 1000)
    ms.sort()
    pct = lambda p: ms[min(len(ms) - 1, int(p * len(ms)))]
    print(f"{pct(0.5):.3f} {pct(0.95):.3f} {pct(0.99):.3f}")


# --- the run ---------------------------------------------------------------

def median_build(runs, make_cmd, index):
    walls, rss = [], []
    for _ in range(runs):
        if os.path.isfile(index):
            os.remove(index)
        shutil.rmtree(index, ignore_errors=True)
        wall, peak = timed_rss(make_cmd())
        walls.append(wall)
        rss.append(peak)
    return statistics.median(walls), max(rss)


def percentiles(out):
    return [float(x) for x in out.split()[:3]]


def corpus_and_queries(n, work, brown):
    """The benchmark corpus of n articles (made once, seed 1) and its 500
    queries: (corpus folder, queries file)."""
    corpus = os.path.join(work, f"corpus-{n}")
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(HERE, "bench_corpus.py"), "--count", str(n),
                        "--out", corpus, "--seed", "1"] + (["--brown", brown] if brown else []),
                       check=True)
    queries = os.path.join(work, f"queries-{n}.txt")
    make_queries(corpus, queries)
    return corpus, queries


def bench_size(n, args, rows):
    corpus, queries = corpus_and_queries(n, args.work, args.brown)
    b = lambda name: os.path.join(args.bin, name)
    g_index = os.path.join(args.work, f"gazette-{n}")
    x1_index = os.path.join(args.work, f"bare1-{n}")
    x2_index = os.path.join(args.work, f"bare2-{n}")
    f_db = os.path.join(args.work, f"fts5-{n}.db")
    r = {"n": n}
    r["gazette"] = median_build(args.runs, lambda: [b("gazette-index"), "-q", "--index", g_index,
                                                    corpus], g_index)
    if not args.no_one_job:
        r["gazette_1job"] = median_build(1, lambda: [b("gazette-index"), "-q", "-j", "1",
                                                     "--index", g_index + "-1", corpus],
                                         g_index + "-1")
        shutil.rmtree(g_index + "-1", ignore_errors=True)
    r["bare1"] = median_build(args.runs, lambda: [b("gazette-bench-bare"), "build", x1_index,
                                                  corpus], x1_index)
    r["bare2"] = median_build(args.runs, lambda: [b("gazette-bench-bare"), "build", x2_index,
                                                  corpus, "--shards", "2"], x2_index)
    r["fts5"] = median_build(args.runs, lambda: [sys.executable, __file__, "--fts5-build", f_db,
                                                 corpus], f_db)
    r["size"] = {"gazette": size_mb(g_index), "bare1": size_mb(x1_index),
                 "bare2": size_mb(x2_index), "fts5": size_mb(f_db)}
    compacted = g_index + "-compact"
    shutil.rmtree(compacted, ignore_errors=True)
    subprocess.run(["xapian-compact", "--no-renumber", g_index, compacted], check=True,
                   capture_output=True)
    r["size"]["gazette_compact"] = size_mb(compacted)
    shutil.rmtree(compacted, ignore_errors=True)
    q = lambda *cmd: percentiles(timed(list(cmd))[1])
    r["q"] = {
        "gazette": q(b("gazette-bench-query"), g_index, queries),
        "gazette_nosnip": q(b("gazette-bench-query"), g_index, queries, "--snippets", "0"),
        "gazette_nofb": q(b("gazette-bench-query"), g_index, queries, "--no-feedback"),
        "bare": q(b("gazette-bench-bare"), "query", x1_index, queries),
        "fts5": q(sys.executable, __file__, "--fts5-query", f_db, queries, "1"),
        "fts5_nosnip": q(sys.executable, __file__, "--fts5-query", f_db, queries, "0"),
    }
    words = [l for l in open(queries).read().splitlines() if l][:50]
    cli = []
    for w in words:
        t0 = time.monotonic()
        subprocess.run([b("gazette-search"), "--index", g_index, "--", w], check=True,
                       capture_output=True)
        cli.append((time.monotonic() - t0) * 1000)
    r["cli"] = statistics.median(cli)
    rows.append(r)
    report(rows)


def report(rows):
    print("\n| articles | system | build s | articles/s | peak RSS MiB | index MB |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        n = r["n"]
        sizes = r["size"]
        for key, name in [("gazette", "gazette (default jobs)"), ("gazette_1job", "gazette -j 1"),
                          ("fts5", "SQLite FTS5"), ("bare1", "bare Xapian, 1 writer"),
                          ("bare2", "bare Xapian, 2 shards")]:
            if key not in r:
                continue
            wall, rss = r[key]
            size = {"gazette": f"{sizes['gazette']:.0f} ({sizes['gazette_compact']:.0f} "
                               "compacted)",
                    "fts5": f"{sizes['fts5']:.0f}", "bare1": f"{sizes['bare1']:.0f}",
                    "bare2": f"{sizes['bare2']:.0f}"}.get(key, "")
            print(f"| {n} | {name} | {wall:.1f} | {n / wall:.0f} | {rss:.0f} | {size} |")
    print("\n| articles | gazette / FTS5 build time | gazette / bare 2-shard throughput | "
          "query p50/p95/p99 ms with snippets: gazette | same, no feedback | FTS5 | "
          "no snippets: gazette | FTS5 | bare Xapian | gazette-search CLI p50 ms |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        q = r["q"]
        f = lambda v: "/".join(f"{x:.2f}" for x in v)
        print(f"| {r['n']} | {r['gazette'][0] / r['fts5'][0]:.2f}x | "
              f"{r['bare2'][0] / r['gazette'][0]:.0%} | {f(q['gazette'])} | "
              f"{f(q['gazette_nofb'])} | {f(q['fts5'])} | {f(q['gazette_nosnip'])} | "
              f"{f(q['fts5_nosnip'])} | {f(q['bare'])} | {r['cli']:.1f} |")
    sys.stdout.flush()


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "--fts5-build":
        return fts5_build(sys.argv[2], sys.argv[3])
    if len(sys.argv) >= 5 and sys.argv[1] == "--fts5-query":
        return fts5_query(sys.argv[2], sys.argv[3], sys.argv[4] == "1")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="20000,100000")
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "build"))
    ap.add_argument("--work", default="/tmp/gazette-bench")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--brown")
    ap.add_argument("--no-one-job", action="store_true",
                    help="skip the single-job gazette build (it takes longest)")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    rows = []
    for n in [int(x) for x in args.sizes.split(",")]:
        bench_size(n, args, rows)


if __name__ == "__main__":
    main()
