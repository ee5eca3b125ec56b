"""A fast yes/no: is this events data certainly free of every problem `timeline check` finds?

Why: running the JSON Schema over 100,000 events takes half a minute, and the semantic
checks need line numbers. A file that passes here would pass both (this check is at least
as strict as each of them), so the reader skips them; any doubt answers False and the
reader runs the full checks, which produce the messages. It never produces a message itself.
"""
from __future__ import annotations

import re
from datetime import date

from timeline.periods import is_valid_value
from timeline.store.validate import ARTICLE_KEYS, EVENT_KEYS, SOURCE_KEYS, STATUSES

# The schema's patterns (events.schema.json, $defs day and calendar).
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CALENDAR = re.compile(
    r"^\d{4}(-(\d{2}(-\d{2})?|W\d{2}(-WE)?|Q[1-4]|H[12]|SU|FA|WI|SP))?(T[\d:.A-Z+-]*)?$")
_EVENT_KEYS = frozenset(EVENT_KEYS)
_REQUIRED_EVENT = frozenset(k for k, required in EVENT_KEYS.items() if required)
_SOURCE_KEYS = frozenset(SOURCE_KEYS)
_ARTICLE_KEYS = frozenset(ARTICLE_KEYS)
_TEXT_ARTICLE_KEYS = tuple(k for k in ARTICLE_KEYS if k not in ("published", "anchor"))
_TEXT_EVENT_KEYS = ("title", "text", "note")
_TEXT_SOURCE_KEYS = ("quote", "expression", "anchor")


def well_formed(data: object) -> bool:
    """True only if neither the semantic checks nor the schema would report anything."""
    if type(data) is not dict or not set(data) <= {"articles", "events"} or "events" not in data:
        return False
    articles = data.get("articles")
    if articles is None:
        articles = {}
    events = data["events"]
    if events is None:
        events = []
    if type(articles) is not dict or type(events) is not list:
        return False
    if not all(type(k) is str and _article_ok(v) for k, v in articles.items()):
        return False
    seen: set[str] = set()
    for event in events:
        if not _event_ok(event, articles):
            return False
        event_id = event["id"]
        if event_id in seen:
            return False
        seen.add(event_id)
    return True


def _day_ok(value: object) -> bool:
    """A day both checks accept: 'YYYY-MM-DD' text of a real date, or an unquoted date
    (``type(...) is date`` on purpose: a datetime is a date to ``isinstance``, not to the schema)."""
    if type(value) is date:
        return True
    if type(value) is not str or not _DAY.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _calendar_ok(value: object) -> bool:
    if type(value) is date:
        value = value.isoformat()
    elif type(value) is not str:
        return False  # datetimes, numbers, null: let the full checks word it
    return bool(_CALENDAR.match(value)) and is_valid_value(value)


def _article_ok(entry: object) -> bool:
    if type(entry) is not dict or not entry.keys() <= _ARTICLE_KEYS or "published" not in entry:
        return False
    if not _day_ok(entry["published"]) or ("anchor" in entry and not _day_ok(entry["anchor"])):
        return False
    return all(type(entry[k]) is str for k in _TEXT_ARTICLE_KEYS if k in entry)


def _event_ok(event: object, articles: dict) -> bool:
    if type(event) is not dict or not event.keys() <= _EVENT_KEYS or not _REQUIRED_EVENT <= event.keys():
        return False
    event_id = event["id"]
    if type(event_id) is not str or not event_id.strip():
        return False
    if not _calendar_ok(event["date"]) or ("end" in event and not _calendar_ok(event["end"])):
        return False
    if not all(type(event[k]) is str for k in _TEXT_EVENT_KEYS if k in event):
        return False
    if "status" in event and (type(event["status"]) is not str or event["status"] not in STATUSES):
        return False
    if "tags" in event and (type(event["tags"]) is not list
                            or not all(type(t) is str for t in event["tags"])):
        return False
    if "confidence" in event:
        confidence = event["confidence"]
        if type(confidence) not in (int, float) or not 0 <= confidence <= 1:
            return False
    if "locked" in event and type(event["locked"]) is not bool:
        return False
    if "conflict" in event and (type(event["conflict"]) is not list
                                or not all(type(c) is dict for c in event["conflict"])):
        return False
    if "sources" in event:
        sources = event["sources"]
        if type(sources) is not list or not all(_source_ok(s, articles) for s in sources):
            return False
    return True


def _source_ok(source: object, articles: dict) -> bool:
    if type(source) is not dict or not source.keys() <= _SOURCE_KEYS:
        return False
    article = source.get("article")
    if type(article) is not str or (articles and article not in articles):
        return False
    if not all(type(source[k]) is str for k in _TEXT_SOURCE_KEYS if k in source):
        return False
    return "value" not in source or source["value"] is None or type(source["value"]) is str

