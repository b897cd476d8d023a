#!/usr/bin/env python3
"""A big collection as shards: built in parallel, searched as one through a
stub of local shards and through xapian-tcpsrv (one server per shard).

    python3 scripts/bench_shards.py [--count 1000000] [--shards 2] [--jobs 1]
                                    [--bin build] [--work /tmp/gazette-bench]
                                    [--brown DIR] [--keep]

The corpus is scripts/bench_corpus.py's (seed 1, folders of 1,000 articles);
its folders are dealt to the shards in contiguous runs (shard 1 gets the
first half of the folders, and so on), and one `gazette-index -j JOBS` per
shard runs at the same time. Reported: wall time of the whole build (all
shards), articles/s, each shard's peak RSS and size; then the 500 queries of
scripts/bench.py (words, AND pairs and triples, phrases; top 10 with
snippets, warm, in-process through gazette::Searcher) over a stub of `auto`
lines and over a stub of `remote` lines to one xapian-tcpsrv per shard on
loopback: p50/p95/p99 ms, with and without snippets. The shard indexes are
deleted afterwards unless --keep.
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402  (same folder)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"bench_shards: xapian-tcpsrv on port {port} exited")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"bench_shards: xapian-tcpsrv on port {port} did not start")


def build_shards(args, corpus, shards):
    folders = sorted(d for d in os.listdir(corpus) if os.path.isdir(os.path.join(corpus, d)))
    per = -(-len(folders) // args.shards)
    procs = []
    t0 = time.monotonic()
    for i, path in enumerate(shards):
        shutil.rmtree(path, ignore_errors=True)
        mine = [os.path.join(corpus, d) for d in folders[i * per:(i + 1) * per]]
        cmd = [os.path.join(args.bin, "gazette-index"), "-q", "-j", str(args.jobs), "--index",
               path] + mine
        procs.append(subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
    rss = []
    for p in procs:
        _, status, usage = os.wait4(p.pid, 0)
        err = p.stderr.read().decode(errors="replace")
        if status != 0:
            sys.exit(f"bench_shards: a shard build failed: {err[-500:]}")
        rss.append(usage.ru_maxrss / 1024)
    return time.monotonic() - t0, rss


def query(args, index, queries, *extra):
    cmd = [os.path.join(args.bin, "gazette-bench-query"), index, queries] + list(extra)
    return bench.percentiles(bench.timed(cmd)[1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000000)
    ap.add_argument("--shards", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=1, help="gazette-index -j for each shard")
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "build"))
    ap.add_argument("--work", default="/tmp/gazette-bench")
    ap.add_argument("--brown")
    ap.add_argument("--keep", action="store_true", help="keep the shard indexes")
    ap.add_argument("--skip-build", action="store_true",
                    help="use shards a previous --keep run left")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    n = args.count
    corpus, queries = bench.corpus_and_queries(n, args.work, args.brown)
    shards = [os.path.join(args.work, f"shard-{n}-{i + 1}") for i in range(args.shards)]
    if not args.skip_build:
        wall, rss = build_shards(args, corpus, shards)
        print(f"| {n} articles | {args.shards} shards, -j {args.jobs} each | build {wall:.0f} s | "
              f"{n / wall:.0f} articles/s | peak RSS per shard "
              f"{', '.join(f'{r:.0f}' for r in rss)} MiB | index "
              f"{sum(bench.size_mb(s) for s in shards) / 1000:.1f} GB |", flush=True)

    local = os.path.join(args.work, f"shards-{n}.stub")
    with open(local, "w") as f:
        f.write("".join(f"auto {os.path.basename(s)}\n" for s in shards))
    servers, ports = [], []
    try:
        for s in shards:
            port = free_port()
            servers.append(subprocess.Popen(["xapian-tcpsrv", "--interface", "127.0.0.1",
                                             "--port", str(port), s],
                                            stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL))
            ports.append(port)
        for port, proc in zip(ports, servers):
            wait_for_port(port, proc)
        remote = os.path.join(args.work, f"remote-{n}.stub")
        with open(remote, "w") as f:
            f.write("".join(f"remote 127.0.0.1:{p}\n" for p in ports))
        f3 = lambda v: "/".join(f"{x:.2f}" for x in v)
        print("\n| query ms p50/p95/p99, top 10 | stub of local shards | "
              "stub of xapian-tcpsrv |")
        print("|---|---|---|")
        for name, extra in [("with snippets", []), ("with snippets, feedback off",
                                                     ["--no-feedback"]),
                            ("no snippets", ["--snippets", "0"])]:
            print(f"| {name} | {f3(query(args, local, queries, *extra))} | "
                  f"{f3(query(args, remote, queries, *extra))} |", flush=True)
    finally:
        for p in servers:
            p.terminate()
            p.wait()
    if not args.keep:
        for s in shards:
            shutil.rmtree(s, ignore_errors=True)


if __name__ == "__main__":
    main()
