#!/usr/bin/env python3
"""Load test of gazette-serve on loopback: N concurrent clients, each on a
keep-alive connection, share a fixed number of searches; reports
throughput, p50/p95/p99 latency and errors. Bounded in count and time.

    python3 scripts/load_test.py [--index index] [--bin build] [--clients 16]
                                 [--requests 4000] [--max-seconds 120]
                                 [--queries FILE] [--threads N]

Starts its own gazette-serve (--rate 0: no rate limit, --listen on a free
loopback port) unless --url is given. Queries: one per line from --queries,
else words and pairs from the seeds' headlines. Every request asks for the
top 10 with snippets and facets, as the search page does. Exit status 1 if
any request failed.
"""
import argparse
import http.client
import os
import statistics
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from webdriver import Server  # noqa: E402


DEFAULT_QUERIES = ["NATO", "Russia", "CFE treaty suspension", "missile defence shield",
                   "Rogozin", "\"Cold War\"", "council", "Obama missile", "treaty -missile",
                   "outlet:expatica NATO", "date:2009 Russia", "Afghanistan"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--index", default=os.path.join(HERE, "..", "index"))
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "build"))
    ap.add_argument("--url", help="an already running server (http://127.0.0.1:8080/)")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--requests", type=int, default=4000)
    ap.add_argument("--max-seconds", type=float, default=120)
    ap.add_argument("--queries")
    args = ap.parse_args()
    queries = DEFAULT_QUERIES
    if args.queries:
        queries = [l.strip() for l in open(args.queries, encoding="utf-8") if l.strip()]
    server = None
    url = args.url
    if not url:
        server = Server(os.path.join(args.bin, "gazette-serve"), args.index, ["--rate", "0"])
        url = server.url
    parsed = urllib.parse.urlparse(url)
    lock = threading.Lock()
    next_request = [0]
    latencies, errors = [], []
    deadline = time.monotonic() + args.max_seconds

    def client():
        conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        while True:
            with lock:
                i = next_request[0]
                if i >= args.requests or time.monotonic() > deadline:
                    return
                next_request[0] += 1
            q = queries[i % len(queries)]
            path = "/api/search?" + urllib.parse.urlencode({"q": q, "facets": "1", "limit": "10"})
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                res = conn.getresponse()
                body = res.read()
                ok = res.status == 200 and body.startswith(b"{")
            except (OSError, http.client.HTTPException) as e:
                ok, body = False, str(e).encode()
                conn.close()
                conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                (latencies if ok else errors).append(ms if ok else (q, body[:200]))

    try:
        t0 = time.monotonic()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - t0
    finally:
        if server:
            server.__exit__()
    done = len(latencies) + len(errors)
    latencies.sort()
    pct = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else 0
    print(f"{done} requests by {args.clients} clients in {wall:.1f} s: "
          f"{done / wall:.0f} requests/s; latency ms p50 {pct(0.5):.1f}, p95 {pct(0.95):.1f}, "
          f"p99 {pct(0.99):.1f}, max {latencies[-1] if latencies else 0:.1f}; "
          f"{len(errors)} errors")
    if done < args.requests:
        print(f"stopped at --max-seconds {args.max_seconds}: {args.requests - done} not sent")
    for q, body in errors[:5]:
        print(f"  error for {q!r}: {body!r}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
