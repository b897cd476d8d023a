#!/usr/bin/env python3
"""scripts/eval.py's arithmetic on runs whose answers are worked out by hand:
AP, the paired comparison of two systems, and the per-query best of runs."""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
import eval as ev  # noqa: E402


def close(a, b, what):
    if abs(a - b) > 1e-9:
        sys.exit(f"{what}: {a} != {b}")


# AP: relevant at ranks 1 and 3 of two relevant, 1/1 and 2/3 averaged.
close(ev.metrics([7, 8, 9], {7: 1, 9: 1})[0], (1 + 2 / 3) / 2, "AP")

# Ten queries of one relevant document each: "ours" has it first on all ten,
# "theirs" has it second on all but one (first there).
qrels = {q: {q: 1} for q in range(10)}
ours = {q: [q, 100] for q in range(10)}
theirs = {q: ([q, 100] if q == 0 else [100, q]) for q in range(10)}
diff, se, p, their_map = ev.paired_comparison(ours, theirs, qrels)
close(their_map, (1 + 9 * 0.5) / 10, "their MAP")
close(diff, 0.45, "MAP difference")
diffs = [0.0] + [0.5] * 9
sd = math.sqrt(sum((d - 0.45) ** 2 for d in diffs) / 9)
close(se, sd / math.sqrt(10), "paired standard error")
# Only all nine signs flipped together reach the observed total: 2 of 512
# sign patterns of the nine non-zero differences.
if not 0.0 < p < 0.02:
    sys.exit(f"randomisation p {p} for a difference on 9 of 10 queries")

# A system against itself: no difference, every sign pattern as extreme.
diff, se, p, _ = ev.paired_comparison(ours, ours, qrels)
close(diff, 0.0, "self difference")
close(se, 0.0, "self standard error")
close(p, 1.0, "self p")

# The best run per query: each run is best on its own half.
half = {q: ([q] if q < 5 else [100, 101, 102, q]) for q in range(10)}
other = {q: ([100, q] if q < 5 else [q]) for q in range(10)}
close(ev.oracle_map([half, other], qrels), 1.0, "best run per query")
close(ev.oracle_map([half], qrels), (5 * 1 + 5 * 0.25) / 10, "one run")
print("eval statistics: ok")
