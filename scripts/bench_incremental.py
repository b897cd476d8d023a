#!/usr/bin/env python3
"""Incremental indexing benchmark: what a re-run costs against a first build.

    scripts/bench_incremental.py [--count 20000] [--runs 3] [--change 0.01]
                                 [--build build] [--work /tmp/gazette-bench-incr]

Generates a deterministic corpus (scripts/gen_corpus.py), then for each run:
a first build into an empty index, a re-run over the unchanged corpus, and a
re-run after rewriting --change of the files (a sentence appended; new
mtime). Prints each timing's median over the runs and the ratios the issue
sets targets for (unchanged <= 5% of a build; 1% changed about 1%), and
checks the summaries count exactly what was changed.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_index(binary, index, corpus):
    t = time.perf_counter()
    out = subprocess.run([binary, "--json", "--index", index, corpus], check=True,
                         capture_output=True, text=True).stdout
    elapsed = time.perf_counter() - t
    summary = json.loads(out.strip().splitlines()[-1])["summary"]
    return elapsed, summary


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--change", type=float, default=0.01)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--work", default="/tmp/gazette-bench-incr")
    a = ap.parse_args()
    binary = os.path.join(a.build, "gazette-index")
    corpus = os.path.join(a.work, "corpus")
    shutil.rmtree(a.work, ignore_errors=True)
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_corpus.py"), "--count",
                    str(a.count), "--seed", "11", "--out", corpus], check=True,
                   stdout=subprocess.DEVNULL)
    os.remove(os.path.join(corpus, "truth.jsonl"))
    files = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))
    step = max(1, round(1 / a.change)) if a.change > 0 else len(files) + 1
    changed = files[::step]

    first, unchanged, touched = [], [], []
    for r in range(a.runs):
        index = os.path.join(a.work, f"index-{r}")
        t, s = run_index(binary, index, corpus)
        assert s["added"] == len(files), s
        first.append(t)
        t, s = run_index(binary, index, corpus)
        assert s["unchanged"] == len(files) and s["added"] + s["updated"] == 0, s
        unchanged.append(t)
        for f in changed:
            with open(os.path.join(corpus, f), "a") as out:
                out.write(f"\nA late paragraph added in run {r} to change this article.\n")
        t, s = run_index(binary, index, corpus)
        assert s["updated"] == len(changed) and s["unchanged"] == len(files) - len(changed), s
        touched.append(t)
        shutil.rmtree(index)

    m_first, m_unch, m_touch = (statistics.median(x) for x in (first, unchanged, touched))
    print(f"corpus: {len(files)} articles, {len(changed)} changed per run, {a.runs} runs "
          f"(medians; wall time of gazette-index)")
    print(f"first build         {m_first:8.2f} s   runs {', '.join(f'{x:.2f}' for x in first)}")
    print(f"unchanged re-run    {m_unch:8.2f} s   {100 * m_unch / m_first:5.1f}% of a build "
          f"(target <= 5%)")
    print(f"{100 * len(changed) / len(files):.0f}% changed re-run  {m_touch:8.2f} s   "
          f"{100 * m_touch / m_first:5.1f}% of a build (target about "
          f"{100 * len(changed) / len(files):.0f}%)")


if __name__ == "__main__":
    main()
