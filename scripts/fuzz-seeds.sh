#!/usr/bin/env bash
# Seed corpus of one fuzz target, written to a folder from files kept in the
# repository (corpus/, fuzz/seeds/, indexer/data/):
#   scripts/fuzz-seeds.sh TARGET FOLDER
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target=$1 out=$2
mkdir -p "$out"
python3 - "$root" "$target" "$out" <<'PY'
import glob, os, sys
root, target, out = sys.argv[1:4]
seeds = []
if target == "text_article":
    for p in sorted(glob.glob(f"{root}/corpus/*.txt")):
        seeds.append(open(p, "rb").read())
    sample = ("Caf\u00e9 \u201cquoted\u201d headline\n\nMOSCOW, March 5 (AFP) - Russia's envoy "
              "Dmitry Rogozin told Reuters on Monday that talks would go on, he said.\n")
    seeds += [sample.encode("utf-16"), sample.encode("utf-16-le"), sample.encode("utf-32"),
              sample.encode("cp1252"), b"\xef\xbb\xbf" + sample.encode(), b"\x00\x01binary"]
    seeds.append(("Title\n\nCopyright http://" + "a" * 3000 + "\n").encode())
    seeds.append(b"\xef\xbb\xbfTitle\n\nMOSCOW, a\xf5\xb2\xb0\xae (AFP) - told AFP.\n")
    seeds.append(("Title\n\n" + "He told Reuters and " * 200 + "\n").encode())
elif target == "html_article":
    story = ("<p>BRUSSELS (Reuters) - NATO and Russia resumed talks on Monday, the alliance said."
             "</p><p>\"We differ,\" said Jaap de Hoop Scheffer, the secretary-general.</p>")
    head = ("<title>NATO and Russia resume talks | Example News</title>"
            "<meta property='og:site_name' content='Example News'>"
            "<meta property='article:published_time' content='2009-03-05T09:12:00+01:00'>"
            "<link rel='canonical' href='https://www.reuters.com/a'>"
            "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":"
            "\"NATO and Russia resume talks\",\"datePublished\":\"2009-03-05\","
            "\"publisher\":{\"name\":\"Example News\"},\"author\":[{\"name\":\"A B\"}]}</script>")
    body = ("<nav><a href='/'>Home</a></nav><article class='story'><h1>NATO and Russia resume "
            "talks</h1><time datetime='2009-03-05'>March 5, 2009</time>" + story + "</article>"
            "<aside class='related'><p>Other story, long enough to count here.</p></aside>")
    page = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    seeds = [page.encode(), page.encode("utf-16"), ("<div>" * 2000 + story).encode(),
             b"<html><p>unclosed <b>bold <i>italic</p></div><script>x", b""]
elif target == "gzip_html":
    import gzip as _gzip
    page = ("<html><head><title>NATO and Russia resume talks | Sky News</title></head><body>"
            "<article><h1>NATO and Russia resume talks</h1><p>BRUSSELS (Reuters) - NATO and "
            "Russia resumed talks on Monday, the alliance said.</p></article></body></html>")
    whole = _gzip.compress(page.encode(), mtime=0)
    seeds = [whole, whole + whole, whole[: len(whole) // 2], _gzip.compress(b"\0" * 100000, mtime=0),
             b"\x1f\x8b not really gzip", page.encode()]
elif target == "jsonl_record":
    import json as _json
    story = ("BRUSSELS (Reuters) - NATO and Russia resumed talks on Monday. \"We differ,\" "
             "said Jaap de Hoop Scheffer.")
    seeds = [_json.dumps(r).encode() for r in [
        {"url": "https://www.reuters.com/a", "title": "T", "date_publish": "2009-03-05 09:12:00",
         "source_domain": "reuters.com", "authors": ["A B"], "maintext": story},
        {"id": "x", "headline": "H", "published": "2019-11-20T04:29:00Z",
         "publisher": {"name": "AFP"}, "html": "<p>" + story + "</p>"},
        {"title": "t"}, {"date": "sometime", "text": story}, [1, 2]]] + [b"{not json"]
elif target == "query":
    seeds = [l.encode() for l in open(f"{root}/fuzz/seeds/query.txt", encoding="utf-8").read().splitlines()]
elif target == "manifest":
    text = open(f"{root}/fuzz/seeds/manifest.jsonl", "rb").read()
    seeds = [text] + text.splitlines()
elif target == "synonyms":
    text = open(f"{root}/fuzz/seeds/synonyms.txt", "rb").read()
    seeds = [text] + text.splitlines() + [b"alone", b"a,,b", b"a, -"]
elif target == "outlet_registry":
    seeds = [open(f"{root}/indexer/data/outlets.json", "rb").read(),
             open(f"{root}/fuzz/seeds/outlet_registry.json", "rb").read()]
elif target == "config":
    seeds = [b"# mine\nindex = ~/news/index\ncorpus = ../articles\n", b"index=a\nindex = b\n",
             b"indexes = x\n", b"index =\n", b"no equals sign\n", b"index = ~\n"]
elif target == "http_request":
    seeds = [b"q=CFE+treaty&outlet=reuters&outlet=rt&limit=5&offset=10&sort=date&reverse=1",
             b"q=a&facets&facet_limit=3&snippet_length=0&all_copies=yes&suggest=off",
             b"limit=-1", b"sort=size", b"q=a&q=b", b"since=2009&until=2010-06&like=x&ranking=k1=1",
             b'{"query": "nato", "outlets": ["reuters"], "limit": 5, "facets": true}',
             b'{"outlets": "x"}', b'{"qeury": 1}', b"[1]", b'{"limit": -3}']
else:
    sys.exit(f"unknown fuzz target {target}")
for i, s in enumerate(seeds):
    with open(os.path.join(out, f"seed-{i:03d}"), "wb") as f:
        f.write(s)
PY
