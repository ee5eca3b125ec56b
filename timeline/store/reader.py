"""Read a checked events file into events, for the site and for re-runs."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from timeline.errors import StoreError
from timeline.events.model import Event, Source
from timeline.store.fastload import UNSURE, guard_and_load
from timeline.store.located import load_located
from timeline.store.quickcheck import well_formed
from timeline.store.schema import schema_problems
from timeline.store.validate import Problem, validate


@dataclass
class EventsFile:
    """The article table and the events, as a person left them."""

    path: str
    articles: dict[str, dict] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)


def check_file(path: str | Path) -> list[Problem]:
    """All problems in the events file at ``path`` (a YAML syntax error is one problem)."""
    text = _read(path)
    try:
        data = guard_and_load(text, path)
        if data is not UNSURE and well_formed(data):
            return []  # the full checks would find nothing: skip them (and the line numbers)
        located = load_located(text, str(path))
    except StoreError as exc:
        return [Problem(exc.line or 1, exc.column or 1, exc.message)]
    return all_problems(located)


def all_problems(located) -> list[Problem]:
    """Semantic checks plus the shipped JSON Schema, in file order."""
    problems = validate(located)
    return sorted(problems + schema_problems(located, problems), key=lambda p: (p.line, p.column))


def read_events_file(path: str | Path) -> EventsFile:
    """Load and validate; the first problem is raised as a StoreError naming file and line.

    A well-formed file is read in one libyaml pass with no line bookkeeping; line numbers
    and the JSON Schema are only computed when there may be something to report.
    """
    text = _read(path)
    data = guard_and_load(text, path)
    if data is UNSURE or not well_formed(data):
        # Something to report, or a shape the fast path does not vouch for: the located
        # loader and the full checks decide, with lines and columns.
        located = load_located(text, str(path))
        problems = all_problems(located)
        if problems:
            first = problems[0]
            more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
            raise StoreError(first.message + more, path=path, line=first.line, column=first.column,
                             hint="run `timeline check` to list every problem")
        data = located.data
    data = data or {}
    events = [_event(entry) for entry in data.get("events") or []]
    return EventsFile(str(path), {str(k): dict(v) for k, v in (data.get("articles") or {}).items()},
                      sorted(events, key=Event.sort_key))


def _event(entry: dict) -> Event:
    sources = [Source(article=str(s.get("article")), quote=str(s.get("quote", "")),
                      expression=str(s.get("expression", "")), anchor=str(s.get("anchor", "")),
                      value=s.get("value")) for s in entry.get("sources") or []]
    return Event(id=str(entry["id"]), date=str(entry["date"]), title=str(entry["title"]),
                 text=str(entry.get("text", "")), sources=sources,
                 end=str(entry["end"]) if entry.get("end") else None, status=entry.get("status"),
                 tags=[str(tag) for tag in entry.get("tags") or []],
                 confidence=entry.get("confidence"),
                 conflict=list(entry.get("conflict") or []))


def _read(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StoreError("events file not found", path=path,
                         hint="run `timeline extract` to create it") from None
    except UnicodeDecodeError:
        raise StoreError("events file is not UTF-8 text", path=path) from None
    except OSError as exc:
        raise StoreError(f"cannot read the events file: {exc.strerror}", path=path) from None
