#!/usr/bin/env python3
"""Time and peak memory of gazette-index on hostile inputs, against an
ordinary article collection measured in the same run.

  python3 scripts/bench_hardening.py [--bin build/gazette-index] [--runs 3]

Inputs (written to a temporary folder): 100 ordinary articles (the
baseline), a 100 MB text file, a 100 MB HTML page, a 5 MB single line, 1.9 MB of "X said" lines, a
200 KB "He told Reuters and" line, a 50 KB URL line. Each is indexed into a
fresh index; the median wall time and peak RSS (GNU time) are printed."""
import argparse, os, random, shutil, statistics, subprocess, tempfile

PARA = ("The alliance met on Tuesday to discuss the treaty and its future in Europe, "
        "officials said in a statement after the talks.")


def write_inputs(root):
    random.seed(14)
    cases = {}
    d = os.path.join(root, "baseline")
    os.makedirs(d)
    for i in range(100):
        with open(os.path.join(d, f"a{i:03}.txt"), "w") as f:
            f.write(f"Headline {i}\n\n" + (PARA + " ") * 30 + "\n")
    cases["100 ordinary articles (baseline)"] = d

    def one(name, text):
        d = os.path.join(root, name)
        os.makedirs(d)
        with open(os.path.join(d, "x.txt"), "w") as f:
            f.write(text)
        return d

    words = ["treaty", "alliance", "Moscow", "said", "the", "of", "NATO", "Russia", "talks"]
    line = " ".join(random.choice(words) for _ in range(200)) + ".\n"
    cases["100 MB file"] = one("huge", "Huge headline\n\n" + line * (100_000_000 // len(line)))
    para = "<p>" + PARA + " <a href='/x'>more</a>.</p>\n"
    d = os.path.join(root, "hugehtml")
    os.makedirs(d)
    with open(os.path.join(d, "x.html"), "w") as f:
        f.write("<html><head><title>Big page</title></head><body><article>")
        f.write(para * (100_000_000 // len(para)))
        f.write("</article></body></html>")
    cases["100 MB HTML page"] = d
    unit = "He told Reuters and Jonas Varga said that the alliance would meet. "
    cases["5 MB single line"] = one("oneline", "Big\n\n" + unit * (5_000_000 // len(unit)) + "\n")
    names = ["Jonas Varga", "Maria Lopez", "Dmitry Rogozin", "Anna Schmidt", "Li Wei"]
    said = "".join(f"{random.choice(names)} said the talks {i} went well.\n" for i in range(50_000))
    cases["1.9 MB of 'X said' lines"] = one("said", "Said\n\n" + said[:1_900_000])
    cases["200 KB 'told' line"] = one("told", "Told\n\n" + "He told Reuters and " * 10_000 + "\n")
    cases["50 KB URL line"] = one("url", "Url\n\n" + PARA + "\n\nCopyright http://" + "a" * 50_000 + "\n")
    return cases


def measure(binary, folder, index):
    shutil.rmtree(index, ignore_errors=True)
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M", binary, "-q", "--index", index, folder],
                         capture_output=True, text=True, check=True)
    seconds, kb = out.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kb) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/gazette-index")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cases = write_inputs(tmp)
        print(f"{'input':34} {'median s':>9} {'peak MB':>8}")
        for name, folder in cases.items():
            runs = [measure(args.bin, folder, os.path.join(tmp, "index")) for _ in range(args.runs)]
            print(f"{name:34} {statistics.median(r[0] for r in runs):9.2f} "
                  f"{statistics.median(r[1] for r in runs):8.0f}")


if __name__ == "__main__":
    main()
