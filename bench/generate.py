"""Synthetic input at any size for the benchmarks: articles and events files.

Real users arrive with a decade of local coverage from several outlets: the same names
recur, stories are reported twice, and most dates are relative ("on Tuesday", "next
month", "two days later"). Benchmarks on a handful of toy files would hide exactly the
costs that matter (merging reports, many anchors, a long event list), so this makes
input that looks like that, deterministically from a seed.

    python bench/generate.py articles OUT_DIR --count 10000 [--seed 1]
    python bench/generate.py events OUT.yaml --count 100000 [--seed 1]
    python bench/generate.py site OUT_DIR --count 10000     # a MkDocs project around an events file

Events files use the layout of ``timeline.store.document.render_document`` (same header,
key order, quoting and dumper options), written with libyaml so 100,000 events take
seconds, not minutes.
"""
from __future__ import annotations

import argparse
import calendar
import hashlib
import random
import re
from datetime import date, timedelta
from pathlib import Path

import yaml

from timeline.store.document import HEADER, SCHEMA_HINT

OUTLETS = ("The Verity Ledger", "Coastal Courier", "Harbor Radio", "Port Verity Post",
           "The Daily Tern", "Northshore Gazette")
PEOPLE = ("Mayor Elena Okafor", "Councillor Tomas Reyes", "engineer Priya Natarajan",
          "Governor Hal Brandt", "Harbourmaster Ines Duarte", "union leader Sam Kowalczyk",
          "Superintendent Grace Mbeki", "Police Chief Arlo Finch", "Senator Mira Castellanos",
          "developer Jonah Whitcombe")
TOPICS = ("the Alder Street Bridge", "the Mill Quay ferry", "the harbour expansion",
          "the school budget", "the transit strike", "the water treatment plant",
          "the stadium plan", "the flood barrier", "the library renovation",
          "the rezoning of the old cannery")
VERBS = ("approved", "rejected", "delayed", "announced", "criticised", "defended",
         "reviewed", "funded", "suspended", "reopened")
AMOUNTS = ("$2 million", "$14 million", "$600,000", "$31 million", "$4.5 million")
WEEKDAYS = tuple(calendar.day_name)

#: (template, whether it carries a date): relative, absolute and undated sentences.
SENTENCES = (
    ("{person} said on {weekday} that the council had {verb} {topic}.", True),
    ("The council will vote on {topic} next month, {person} said.", True),
    ("Work on {topic} is expected to begin in {month}.", True),
    ("Two days later, {person} {verb} a revised plan for {topic}.", True),
    ("{topic_cap} was first discussed on {month} {day}, {year}.", True),
    ("{person} met {person2} last week to discuss {topic}.", True),
    ("The plan for {topic} was {verb} on {day} {month} {year} at a cost of {amount}.", True),
    ("A public hearing on {topic} is scheduled for {month} {day}.", True),
    ("{person} {verb} the contract for {topic} on {weekday}.", True),
    ("Residents said they had waited since {year} for a decision on {topic}.", True),
    ("The next inspection of {topic} is planned for next year.", True),
    ("{person} declined to comment on {topic}.", False),
    ("Critics said the {amount} budget for {topic} was too small.", False),
    ("\"We will not cut corners,\" {person} said.", False),
    ("The decision affects about {count} households, according to city figures.", False),
)

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


# --- articles ---------------------------------------------------------------------------

def article_text(rng: random.Random, published: date, sentences: int) -> list[str]:
    """Sentences of one story, names and topic recurring within it as in real reporting."""
    topic = rng.choice(TOPICS)
    cast = rng.sample(PEOPLE, 3)
    out = []
    templates = [t for t, _ in SENTENCES]
    first = rng.choice([t for t, dated in SENTENCES if dated])  # the lead carries a date
    rest = rng.sample([t for t in templates if t != first], min(sentences, len(templates)) - 1)
    for template in [first, *rest]:
        when = published - timedelta(days=rng.randint(0, 400))
        out.append(template.format(
            person=rng.choice(cast), person2=rng.choice(PEOPLE), verb=rng.choice(VERBS),
            topic=topic, topic_cap=topic[0].upper() + topic[1:], weekday=rng.choice(WEEKDAYS),
            month=calendar.month_name[when.month], day=when.day, year=when.year,
            amount=rng.choice(AMOUNTS), count=rng.randint(200, 40000)))
    return [s[0].upper() + s[1:] for s in out]


def headline(rng: random.Random, body: list[str]) -> str:
    """A short headline naming a recurring person and the story's topic."""
    topic = next((t for t in TOPICS if t in body[0]), rng.choice(TOPICS))
    person = rng.choice(PEOPLE).split(" ")[-1]
    return f"{person} {rng.choice(VERBS)} {topic.removeprefix('the ')}"


def markdown_article(title: str, published: date, outlet: str, url: str, body: list[str]) -> str:
    """Front matter as users write it (title quoted only because YAML needs it sometimes)."""
    paragraphs = [" ".join(body[i:i + 2]) for i in range(0, len(body), 2)]
    quoted = yaml.safe_dump(title, width=1000).removesuffix("\n...\n").strip()
    return (f"---\ntitle: {quoted}\npublished: {published.isoformat()}\noutlet: {outlet}\n"
            f"url: {url}\n---\n" + "\n\n".join(paragraphs) + "\n")


def plain_article(title: str, published: date, body: list[str], with_year: bool = True) -> str:
    """A radio-transcript style .txt: date line as "Wed. Apr 10th, 2024", then the title.

    Without the year ("Wednesday, April 10"), as republished stories often are, the
    loader must infer it from the weekday.
    """
    day = published.day
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    line = (f"{published:%a}. {published:%b} {day}{suffix}, {published.year}" if with_year
            else f"{published:%A}, {published:%B} {day}")
    return f"{line}\n\n{title}\n\n" + "\n\n".join(body) + "\n"


def generate_articles(out_dir: str | Path, count: int, seed: int = 1,
                      start: date = date(2015, 1, 1), end: date = date(2025, 12, 31)) -> list[Path]:
    """``count`` article files under ``out_dir/<year>/``; about one in ten re-reports a story."""
    rng = random.Random(seed)
    out = Path(out_dir)
    span = (end - start).days
    written: list[Path] = []
    stories: list[list[str]] = []
    for index in range(count):
        published = start + timedelta(days=rng.randint(0, span))
        outlet = rng.choice(OUTLETS)
        if stories and rng.random() < 0.1:
            body = list(rng.choice(stories))  # another outlet's report of the same story
            rng.shuffle(body)
        else:
            body = article_text(rng, published, rng.randint(6, 12))
            stories.append(body)
            if len(stories) > 200:
                stories.pop(0)
        title = headline(rng, body)
        name = f"{published.isoformat()}-{slug(outlet)}-{index:06d}"
        folder = out / str(published.year)
        folder.mkdir(parents=True, exist_ok=True)
        if rng.random() < 0.1:
            path = folder / f"{name}.txt"
            path.write_text(plain_article(title, published, body, with_year=rng.random() < 0.7),
                            encoding="utf-8")
        else:
            path = folder / f"{name}.md"
            url = f"https://{slug(outlet)}.example/{published:%Y/%m/%d}/{index}"
            path.write_text(markdown_article(title, published, outlet, url, body), encoding="utf-8")
        written.append(path)
    return written


# --- events files -----------------------------------------------------------------------

def _value(rng: random.Random, day: date) -> str:
    """Mostly days, some months, weeks, quarters, seasons and years, as the resolver gives."""
    roll = rng.random()
    if roll < 0.75:
        return day.isoformat()
    if roll < 0.87:
        return f"{day:%Y-%m}"
    if roll < 0.91:
        return f"{day.isocalendar().year}-W{day.isocalendar().week:02d}"
    if roll < 0.95:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if roll < 0.97:
        return f"{day.year}-{rng.choice(('SP', 'SU', 'FA', 'WI'))}"
    return str(day.year)


def events_data(count: int, seed: int = 1) -> dict:
    """The dict an events file holds: ``count`` events citing ``count // 4`` articles."""
    rng = random.Random(seed)
    n_articles = max(1, count // 4)
    start = date(2015, 1, 1)
    articles: dict[str, dict] = {}
    for index in range(n_articles):
        published = start + timedelta(days=index * 4000 // n_articles)
        outlet = OUTLETS[index % len(OUTLETS)]
        article_id = f"{published.isoformat()}-{slug(outlet)}-{index:06d}"
        articles[article_id] = {
            "title": f"{rng.choice(PEOPLE).split(' ', 1)[-1]} {rng.choice(VERBS)} {rng.choice(TOPICS)}",
            "path": f"content/articles/{published.year}/{article_id}.md",
            "published": published.isoformat(), "anchor": published.isoformat(),
            "url": f"https://{slug(outlet)}.example/{published:%Y/%m/%d}/{index}", "outlet": outlet}
    ids = list(articles)
    events = []
    for index in range(count):
        article_id = ids[index * n_articles // count]
        anchor = date.fromisoformat(articles[article_id]["anchor"])
        value = _value(rng, anchor - timedelta(days=rng.randint(0, 60)))
        sentence = article_text(rng, anchor, 1)[0]
        title = sentence.rstrip(".")
        digest = hashlib.sha1(f"{article_id}\x00{sentence}\x00{index}".encode()).hexdigest()[:6]
        event_id = "-".join([value, *slug(title).split("-")[:5], digest])
        sources = [{"article": article_id, "quote": sentence, "expression": "on Tuesday",
                    "anchor": anchor.isoformat()}]
        if rng.random() < 0.15:  # reported by a second outlet
            other = rng.choice(ids)
            sources.append({"article": other, "quote": sentence, "expression": "last week",
                            "anchor": articles[other]["anchor"]})
        event = {"id": event_id, "date": value, "title": title, "text": sentence}
        if rng.random() < 0.03:
            event["status"] = "planned"
        event["sources"] = sources
        events.append(event)
    return {"articles": articles, "events": events}


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """render_document's quoting rules on libyaml's emitter, for speed at 100,000 events."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "'" if value[:1].isdigit() else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def render_events(data: dict) -> str:
    """The events file text, as ``render_document`` would lay it out."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)
    return f"{SCHEMA_HINT}\n{HEADER}{body}"


def generate_events(path: str | Path, count: int, seed: int = 1) -> Path:
    """Write an events file of ``count`` events to ``path``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_events(events_data(count, seed)), encoding="utf-8")
    return target


def generate_site(root: str | Path, count: int, seed: int = 1, theme: str = "material") -> Path:
    """A MkDocs project (``mkdocs.yml``, ``content/``) around an events file of ``count`` events."""
    root = Path(root)
    content = root / "content"
    (content / "articles").mkdir(parents=True, exist_ok=True)
    (content / "index.md").write_text("# Benchmark timeline\n", encoding="utf-8")
    generate_events(content / "events.yaml", count, seed)
    (root / "mkdocs.yml").write_text(
        f"site_name: Benchmark {count}\ndocs_dir: content\nsite_dir: site\n"
        f"theme:\n  name: {theme}\n"
        "plugins:\n  - timeline:\n      events: content/events.yaml\n"
        "      articles: content/articles\n", encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=("articles", "events", "site"))
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.kind == "articles":
        print(f"{len(generate_articles(args.out, args.count, args.seed))} articles in {args.out}")
    elif args.kind == "events":
        print(f"{args.count} events in {generate_events(args.out, args.count, args.seed)}")
    else:
        print(f"site with {args.count} events in {generate_site(args.out, args.count, args.seed)}")


if __name__ == "__main__":
    main()
