#!/usr/bin/env python3
"""Generate a corpus of scraped-looking news articles with known metadata.

Each article mixes the layouts gazette must handle: site chrome, banners,
breadcrumbs, bylines, the date in one of a dozen forms, agency datelines,
closing credits, speakers quoted in the ways reporters write, unnamed
sources, countries that "say" things, and story dates without a year.

    gen_corpus.py --count 1000 --seed 7 --out DIR

writes DIR/NNNNN.txt and DIR/truth.jsonl ({"file", "title", "date",
"outlets", "speakers"} per article). Deterministic for a given seed.
"""
import argparse
import json
import os
import random

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.",
        "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# (canonical name, how the text names it, date order, agency)
OUTLETS = [
    ("Expatica", "Expatica", "day", False),
    ("Global Research", "Global Research", "month", False),
    ("Russia Today", "Russia Today", "day", False),
    ("Russia Today", "RT", "day", False),
    ("Reuters", "Reuters", "month", True),
    ("Agence France-Presse", "AFP", "day", True),
    ("Associated Press", "AP", "month", True),
    ("BBC News", "BBC News", "day", False),
    ("The Guardian", "The Guardian", "day", False),
    ("Deutsche Welle", "Deutsche Welle", "day", False),
]
FIRST = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hans", "Irina",
         "Jonas", "Katya", "Lars", "Marta", "Nikolai", "Olga", "Pavel", "Rosa", "Stefan",
         "Tomas", "Ursula", "Viktor", "Wanda", "Yusuf", "Zofia"]
LAST = ["Andersen", "Brodsky", "Castellano", "Dvorak", "Eriksen", "Fischer", "Gorski",
        "Halvorsen", "Ivanova", "Janssen", "Kowalski", "Lindqvist", "Moreau", "Novak",
        "Ostrowski", "Petrov", "Quist", "Rasmussen", "Schmidt", "Tanaka", "Ulrich",
        "Varga", "Weber", "Zielinski"]
ROLES = ["Foreign Minister", "Defence Minister", "President", "Prime Minister",
         "Ambassador", "NATO Secretary General", "EU envoy", "Senator"]
NATIONALITY = ["Russian", "German", "French", "Polish", "British", "US", "Ukrainian"]
ANALYST_ROLES = ["political analyst", "defence expert", "former diplomat"]
TOPICS = ["missile defence", "the arms treaty", "energy supplies", "border security",
          "the peacekeeping mission", "sanctions", "the gas pipeline", "military exercises"]
PLACES = ["Brussels", "Moscow", "Berlin", "Warsaw", "Kiev", "Paris", "Geneva", "Lisbon"]
COUNTRIES = ["Washington", "Moscow", "NATO", "Russia", "Berlin", "The alliance"]
UNNAMED = ["A NATO spokeswoman", "One diplomat", "A senior official", "Another diplomat",
           "A government source"]
CHROME_TOP = ["Accessibility links", "Breaking News", "Skip to main content",
              "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon "
              "chevron lefticon closeicon downloadicon editicon"]
VERBS = ["said", "stressed", "added", "told reporters", "emphasized", "warned", "insisted"]


def sentence(r):
    return r.choice([
        f"Talks on {r.choice(TOPICS)} resumed in {r.choice(PLACES)} after months of delay.",
        f"Diplomats expect a decision on {r.choice(TOPICS)} before the summit.",
        f"The meeting in {r.choice(PLACES)} was the first of its kind since last year.",
        f"Ministers will return to {r.choice(TOPICS)} on December {r.randint(1, 28)}.",
        f"Officials have discussed {r.choice(TOPICS)} and {r.choice(TOPICS)} at length.",
        f"Critics say the plan on {r.choice(TOPICS)} does not go far enough.",
        f"The issue was first raised on {r.choice(MONTHS)} {r.randint(1, 28)} at a closed session.",
    ])


def date_line(r, y, m, d, order):
    """A header line with the date, and whether it can be read at all."""
    forms = [
        lambda: f"{MONTHS[m - 1]} {d}, {y}",
        lambda: f"{d} {MONTHS[m - 1]} {y}",
        lambda: f"{d} {MONTHS[m - 1][:3]}, {y} {r.randint(0, 23):02}:{r.randint(0, 59):02}",
        lambda: f"{ABBR[m - 1]} {d}, {y}",
        lambda: f"{r.choice(WEEKDAYS)}, {MONTHS[m - 1]} {d}, {y} {r.randint(0, 23):02}:{r.randint(0, 59):02} GMT",
        lambda: f"{y}-{m:02}-{d:02}",
        lambda: f"{d:02}.{m:02}.{y}",
        lambda: (f"Published on {d:02}/{m:02}/{y}" if order == "day" else f"Published on {m:02}/{d:02}/{y}"),
    ]
    return r.choice(forms)()


def person(r, used):
    while True:
        name = (r.choice(FIRST), r.choice(LAST))
        if name[1] not in {n[1] for n in used}:
            used.append(name)
            return name


def quote(r):
    return r.choice(["We are ready to talk", "This is a step forward", "Nothing has been decided",
                     "We have serious questions", "The door remains open"])


def speaker_paragraphs(r, first, last, pronoun):
    full = f"{first} {last}"
    forms = [
        lambda: [f"\"{quote(r)},\" {full} {r.choice(VERBS)}."],
        lambda: [f"{r.choice(NATIONALITY)} {r.choice(ROLES)} {full} {r.choice(VERBS)} that {sentence(r)[0].lower() + sentence(r)[1:]}"],
        lambda: [f"\"{quote(r)},\" said {r.choice(NATIONALITY)} {r.choice(ROLES)} {full}."],
        lambda: [f"\"{quote(r)},\" says {r.choice(ANALYST_ROLES)} {full}."],
        lambda: [f"{r.choice(ROLES)} {full} met envoys in {r.choice(PLACES)}.",
                 f"\"{quote(r)},\" {last} told reporters afterwards."],
        lambda: [f"The envoy, {full}, welcomed the move.", f"\"{quote(r)},\" {pronoun} said."],
        lambda: [f"{full}, the envoy, was quoted by local media as saying talks would go on."],
    ]
    return r.choice(forms)()


def article(r, i):
    truth = {"file": f"{i:05}.txt", "title": "", "date": None, "outlets": [], "speakers": []}
    lines = []
    outlet = r.choice(OUTLETS)
    placement = r.choice(["banner", "byline", "dateline", "credit", "told", "dateheader", "none"])
    if r.random() < 0.3:
        lines.append(r.choice(CHROME_TOP))
    if placement == "banner":
        lines.append(f"{outlet[1]} news" if r.random() < 0.5 else outlet[1])
    title = f"{r.choice(['NATO', 'EU', 'Russia', 'Ministers'])} {r.choice(['agree on', 'split over', 'return to', 'delay'])} {r.choice(TOPICS)}"
    title = title[0].upper() + title[1:]
    truth["title"] = title
    if r.random() < 0.2:
        lines.append(f"Home News {title}")
    lines.append(title)
    if r.random() < 0.2:
        lines.append(title)
    if placement == "byline":
        lines.append(f"By {outlet[1]}")
    dated = r.random() < 0.75
    y, m, d = r.randint(2005, 2015), r.randint(1, 12), r.randint(1, 28)
    if dated:
        line = date_line(r, y, m, d, outlet[2] if placement != "none" else "day")
        if placement == "dateheader":
            line = f"{outlet[1]}, {line}" if r.random() < 0.5 else f"{outlet[1]} {line}"
        lines.append(line)
        truth["date"] = f"{y}-{m:02}-{d:02}"
    if placement in ("banner", "byline", "dateline", "credit", "told") or (placement == "dateheader" and dated):
        truth["outlets"].append(outlet[0])
    lines.append("")

    used = []
    paragraphs = []
    first_para = sentence(r) + " " + sentence(r) + " " + sentence(r)
    if placement == "dateline":
        first_para = f"{r.choice(PLACES).upper()} ({outlet[1]}) -- " + first_para
    paragraphs.append(first_para)
    for _ in range(r.randint(1, 3)):
        first, last = person(r, used)
        pronoun = r.choice(["he", "she"])
        paragraphs.extend(speaker_paragraphs(r, first, last, pronoun))
        truth["speakers"].append(f"{first} {last}")
        paragraphs.append(sentence(r) + " " + sentence(r))
    # Distractors: unnamed sources, countries saying things, mentioned people.
    paragraphs.append(f"{r.choice(UNNAMED)} said the atmosphere had been constructive.")
    paragraphs.append(f"{r.choice(COUNTRIES)} says it wants {r.choice(TOPICS)} settled first.")
    mentioned = person(r, used)
    paragraphs.append(f"Proposals by {r.choice(ROLES)} {mentioned[0]} {mentioned[1]} were also on the table.")
    if placement == "told":
        paragraphs.append(f"\"{quote(r)},\" one diplomat told {outlet[1]}.")
        if not outlet[3]:
            truth["outlets"].remove(outlet[0])  # only agencies are credited this way
    r.shuffle(paragraphs[1:]) if False else None
    lines.extend(p + "\n" for p in paragraphs)
    if placement == "credit":
        lines.append(f"{r.choice(FIRST)} {r.choice(LAST)}/{outlet[1]}")
    if r.random() < 0.3:
        lines.append("Disclaimer: The contents of this article are of sole responsibility of the author(s).")
    if r.random() < 0.2:
        lines.extend(["Podcasts", "0:00", f"{r.randint(10, 40)}:{r.randint(10, 59)}"])
    return "\n".join(lines) + "\n", truth


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    r = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "truth.jsonl"), "w") as truth_file:
        for i in range(args.count):
            text, truth = article(r, i)
            with open(os.path.join(args.out, truth["file"]), "w") as f:
                f.write(text)
            truth_file.write(json.dumps(truth) + "\n")


if __name__ == "__main__":
    main()
