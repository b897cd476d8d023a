#!/usr/bin/env python3
"""The search page in a real browser (headless Chromium through
chromedriver): type "CFE treaty", check the hits and their marks, click an
outlet facet, check the filtered list, open an article, go back, ask for
more like the first hit; then the empty state, the error state and a phone-sized window.

    browser_test.py BIN_DIR CORPUS WORK_DIR
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from webdriver import Browser, Server, index_seeds  # noqa: E402

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def main():
    bin_dir, corpus, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    index = os.path.join(work, "index")
    index_seeds(bin_dir, corpus, index)
    with Server(os.path.join(bin_dir, "gazette-serve"), index) as server, Browser() as b:
        b.go(server.url)
        b.wait("document.getElementById('status').textContent.includes('Type a few words')",
               "the start state")
        # Results as you type.
        b.type("#q", "CFE treaty")
        b.wait("document.querySelectorAll('#results li.hit').length > 0", "results as typed")
        titles = b.js("return [...document.querySelectorAll('#results li.hit h3')]"
                      ".map(e => e.textContent);")
        check(titles[0] == "NATO Resumes Talks With Russia, Differences Remain",
              f"002 ranks first for CFE treaty (got {titles[:2]})")
        marks = b.js("return [...document.querySelectorAll('#results li.hit:first-child mark')]"
                     ".map(e => e.textContent.toLowerCase());")
        check("cfe" in marks and "treaty" in marks, f"CFE and treaty marked in 002 ({marks})")
        status = b.js("return document.getElementById('status').textContent;")
        check(status.startswith(f"{len(titles)} results for “CFE treaty”")
              or "results for “CFE treaty”" in status, f"the status line says it ({status})")
        check("q=CFE+treaty" in b.js("return location.search;"), "the query is in the address")
        # Click an outlet facet: the list narrows to it.
        reuters = b.js("""return [...document.querySelectorAll('#facet-outlets button')]
                          .findIndex(e => e.querySelector('.name').textContent === 'Reuters');""")
        check(reuters >= 0, "Reuters is among the outlet facets")
        b.click(f"#facet-outlets li:nth-child({reuters + 1}) button")
        b.wait("location.search.includes('outlet=Reuters') && "
               "document.querySelectorAll('#results li.hit').length > 0 && "
               "!document.getElementById('status').textContent.startsWith('Searching')",
               "the filtered list")
        metas = b.js("return [...document.querySelectorAll('#results li.hit .meta')]"
                     ".map(e => e.textContent);")
        check(len(metas) >= 1 and all("Reuters" in m for m in metas),
              f"every hit credits Reuters ({metas})")
        check(len(metas) < len(titles), f"the list is narrower ({len(metas)} < {len(titles)})")
        pressed = b.js("""return [...document.querySelectorAll('#facet-outlets button')]
                          .filter(e => e.querySelector('.name').textContent === 'Reuters')
                          .map(e => e.getAttribute('aria-pressed'))[0];""")
        check(pressed == "true", "the facet shows as pressed")
        check(b.js("return !document.getElementById('active').hidden;"),
              "the active filter is listed")
        # Open the article: whole text, words marked; back to the list.
        b.click("#results li.hit:first-child h3 a")
        b.wait("!document.getElementById('article').hidden && "
               "document.getElementById('article-text').textContent.length > 1000",
               "the article view")
        check(b.js("return document.getElementById('article-title').textContent;") ==
              "NATO Resumes Talks With Russia, Differences Remain", "the article's title")
        amarks = b.js("return [...document.querySelectorAll('#article-text mark')]"
                      ".map(e => e.textContent.toLowerCase());")
        check("cfe" in amarks and "treaty" in amarks, f"the article's words are marked ({amarks})")
        hidden = b.js("return ['pages', 'results', 'filters'].map(id => "
                      "getComputedStyle(document.getElementById(id)).display);")
        check(hidden == ["none", "none", "none"],
              f"reading an article hides the pages, results and filters ({hidden})")
        b.click("#back")
        b.wait("document.getElementById('article').hidden && "
               "document.querySelectorAll('#results li.hit').length > 0", "back to the list")
        check(True, "back returns to the results")
        # More like this (no filter): the query box empties, the address and
        # the status name the article, and other articles are listed.
        b.go(server.url + "?q=CFE+treaty")
        b.wait("document.querySelectorAll('#results li.hit').length > 0", "results again")
        b.click("#results li.hit:first-child button.like")
        b.wait("location.search.includes('like=') && "
               "document.getElementById('status').textContent.includes('articles like')",
               "more like this")
        check(b.js("return document.getElementById('q').value;") == "",
              "more like this empties the query box")
        likes = b.js("return [...document.querySelectorAll('#results li.hit h3')]"
                     ".map(e => e.textContent);")
        check(len(likes) >= 1 and titles[0] not in likes,
              f"more like this lists other articles ({likes})")
        # Nothing found: a clear empty state.
        b.go(server.url + "?q=zzyzx")
        b.wait("!document.getElementById('empty').hidden", "the empty state")
        check(b.js("return document.getElementById('status').textContent;") ==
              "No results for “zzyzx”.", "the empty state says so")
        # A bad query: the error state, with the server's message.
        b.go(server.url + "?q=NATO%20AND")
        b.wait("!document.getElementById('error').hidden", "the error state")
        err = b.js("return document.getElementById('error').textContent;")
        check("AND needs a word or group after it" in err, f"the error names the problem ({err})")
        # A suggestion link for a misspelt word.
        b.go(server.url + "?q=rogozn")
        b.wait("!document.getElementById('suggestion').hidden", "the suggestion")
        check(b.js("return document.getElementById('suggestion-link').textContent;") == "rogozin",
              "did you mean rogozin")
        # A phone-sized window: one column, nothing wider than the screen.
        b.size(390, 844)
        b.go(server.url + "?q=missile+defence")
        b.wait("document.querySelectorAll('#results li.hit').length > 0", "results on a phone")
        wide = b.js("return document.documentElement.scrollWidth;")
        inner = b.js("return window.innerWidth;")
        check(wide <= inner, f"no sideways scrolling on a phone ({wide} <= {inner})")
        check(b.js("return document.getElementById('filters').getBoundingClientRect().top >"
                   " document.getElementById('results').getBoundingClientRect().top;"),
              "filters go below the results on a phone")
    if failures:
        print(f"{len(failures)} browser check(s) failed")
        sys.exit(1)
    print("browser test passed")


if __name__ == "__main__":
    main()
