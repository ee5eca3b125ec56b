"""Check an events file and report each problem with its line and column."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date

from timeline.periods import is_valid_value
from timeline.store.located import Located

EVENT_KEYS = {"id": True, "date": True, "title": True, "text": False, "sources": False,
              "end": False, "status": False, "tags": False, "confidence": False,
              "locked": False, "conflict": False, "note": False}
SOURCE_KEYS = {"article": True, "quote": False, "expression": False, "anchor": False,
               "value": False}
ARTICLE_KEYS = {"title": False, "path": False, "published": True, "published_inferred": False,
                "anchor": False, "anchor_source": False, "anchor_reason": False, "url": False,
                "outlet": False}
STATUSES = ("planned", "happened", "cancelled")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the file, at a 1-based line and column."""

    line: int
    column: int
    message: str


def validate(located: Located) -> list[Problem]:
    """Every problem in the loaded file, in file order."""
    problems: list[Problem] = []

    def report(path: tuple, message: str) -> None:
        line, column = located.where(path)
        problems.append(Problem(line, column, message))

    for path, _ in located.duplicate_keys:
        report(path, f"duplicate key {path[-1]!r}: the later value silently replaces the earlier")
    data = located.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        report((), "the file must be a mapping with 'articles' and 'events'")
        return problems
    _unknown_keys(data, {"articles": False, "events": True}, (), report)
    articles = data.get("articles") or {}
    if not isinstance(articles, dict):
        report(("articles",), "'articles' must be a mapping of article id to its details")
        articles = {}
    for article_id, entry in articles.items():
        _check_article(entry, ("articles", article_id), report)
    events = data.get("events")
    if events is None:
        events = []
    if not isinstance(events, list):
        report(("events",), "'events' must be a list of events")
        events = []
    seen_ids: dict[str, int] = {}
    for index, event in enumerate(events):
        _check_event(event, ("events", index), articles, seen_ids, report)
    return sorted(problems, key=lambda p: (p.line, p.column))


def _unknown_keys(entry: dict, known: dict[str, bool], path: tuple, report) -> None:
    for key in entry:
        if key not in known:
            guess = difflib.get_close_matches(str(key), list(known), n=1)
            hint = f"; did you mean {guess[0]!r}?" if guess else f"; known keys: {', '.join(known)}"
            report(path + (key,), f"unknown key {key!r}{hint}")
    for key, required in known.items():
        if required and key not in entry:
            report(path, f"missing required key {key!r}")


def _check_article(entry: object, path: tuple, report) -> None:
    if not isinstance(entry, dict):
        report(path, "an article entry must be a mapping (title, published, anchor, ...)")
        return
    _unknown_keys(entry, ARTICLE_KEYS, path, report)
    for key in ("published", "anchor"):
        if key in entry and not _is_day(entry[key]):
            report(path + (key,), f"{key} {entry[key]!r} is not a real date; write YYYY-MM-DD")


def _check_event(event: object, path: tuple, articles: dict, seen_ids: dict, report) -> None:
    if not isinstance(event, dict):
        report(path, "an event must be a mapping with id, date and title")
        return
    _unknown_keys(event, EVENT_KEYS, path, report)
    event_id = event.get("id")
    if event_id is not None:
        if not isinstance(event_id, str) or not event_id.strip():
            report(path + ("id",), "id must be a non-empty text")
        elif event_id in seen_ids:
            report(path + ("id",), f"duplicate id {event_id!r}, also used by event {seen_ids[event_id] + 1}")
        else:
            seen_ids[event_id] = path[-1]
    for key in ("date", "end"):
        if key in event and not is_valid_value(str(event[key])):
            report(path + (key,), f"{key} {event[key]!r} is not a real calendar date; write "
                   "YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, YYYY-Qn or YYYY-SU/FA/WI/SP")
    if "title" in event and not isinstance(event["title"], str):
        report(path + ("title",), "title must be text")
    if "status" in event and event["status"] not in STATUSES:
        report(path + ("status",), f"status must be one of {', '.join(STATUSES)}")
    sources = event.get("sources", [])
    if not isinstance(sources, list):
        report(path + ("sources",), "sources must be a list")
        return
    for index, source in enumerate(sources):
        spath = path + ("sources", index)
        if not isinstance(source, dict):
            report(spath, "a source must be a mapping with at least 'article'")
            continue
        _unknown_keys(source, SOURCE_KEYS, spath, report)
        article = source.get("article")
        if article is not None and articles and article not in articles:
            report(spath + ("article",), f"source names article {article!r}, which is not in 'articles'")


def _is_day(value: object) -> bool:
    if isinstance(value, date):
        return True
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True
