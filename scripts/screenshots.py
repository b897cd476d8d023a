#!/usr/bin/env python3
"""Screenshots of the search page for docs/screenshots/, made in headless
Chromium on the seed articles (never by hand):

    python3 scripts/screenshots.py [--bin build] [--out docs/screenshots]

results.png (a search with marks and facets), filtered.png (an outlet
facet clicked), article.png (an article with its words marked),
phone.png (a phone-sized window), empty.png (nothing found).
"""
import argparse
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from webdriver import Browser, Server, index_seeds  # noqa: E402

HITS = "document.querySelectorAll('#results li.hit').length > 0 && " \
       "!document.getElementById('status').textContent.startsWith('Searching')"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "build"))
    ap.add_argument("--out", default=os.path.join(HERE, "..", "docs", "screenshots"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        index = os.path.join(work, "index")
        index_seeds(args.bin, os.path.join(HERE, "..", "corpus"), index)
        with Server(os.path.join(args.bin, "gazette-serve"), index) as server, \
                Browser(1200, 900) as b:
            shot = lambda name: b.screenshot(os.path.join(args.out, name))
            b.go(server.url + "?q=missile+defence+shield")
            b.wait(HITS, "results")
            shot("results.png")
            b.go(server.url + "?q=NATO&outlet=Expatica")
            b.wait(HITS, "filtered results")
            shot("filtered.png")
            b.go(server.url + "?q=CFE+treaty+suspension&article=corpus/002_585ae4fd7902f67d.txt")
            b.wait("document.getElementById('article-text').textContent.length > 1000",
                   "the article")
            b.js("window.scrollTo(0, 0);")
            shot("article.png")
            b.go(server.url + "?q=zzyzx")
            b.wait("!document.getElementById('empty').hidden", "the empty state")
            shot("empty.png")
            b.size(390, 844)
            b.go(server.url + "?q=Rogozin")
            b.wait(HITS, "results on a phone")
            shot("phone.png")
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
