"""Read a checked events file into events, for the site and for re-runs."""
from __future__ import annotations

import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline.errors import StoreError
from timeline.events.model import Event, Source
from timeline.safety import MAX_YAML_CHARS
from timeline.store.fastload import UNSURE, guard_and_load
from timeline.store.located import load_located
from timeline.store.quickcheck import well_formed
from timeline.store.schema import schema_problems
from timeline.store.splice import Layout, block_key, cut_text, read_blocks
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
    return _from_text(_read(path), path)[0]


def _from_text(text: str, path: str | Path, data: object = None) -> tuple[EventsFile, object, list[Event]]:
    """``read_events_file`` on a text already read (``data``: its fast parse, if made); also
    the data read and the events in file order."""
    if data is None:
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
    return EventsFile(str(path), _article_table(data), sorted(events, key=Event.sort_key)), data, events


def _article_table(data: dict) -> dict[str, dict]:
    return {str(k): dict(v) for k, v in (data.get("articles") or {}).items()}


#: Fewest event blocks for which ``read_events_file_split`` parses half of them in a child.
SPLIT_MIN_EVENTS = 5000


def read_events_file_split(path: str | Path) -> EventsFile:
    """``read_events_file``, with the second half of the events parsed by a forked child.

    Why: parsing is most of reading (100,000 events: ~10 of 12 s) and a build has a second
    core. The file is cut into blocks as ``splice`` does (one per article and per event,
    each of which reads alone, as the block reader relies on); the child parses the second
    half of the event blocks as one ``events:`` document and hands its data back pickled,
    while this process parses the articles and the first half. The joined data then goes
    through the same checks and the same ``Event`` building as a whole-file read. Anything
    unusual (not the plain block layout, a block that does not stand alone, an alias, a
    child that fails, a data problem) is read by ``read_events_file``, whose result and
    messages are the reference. Forked early, while the process is still small, so the
    child's copy of it counts little.
    """
    text = _read(path)
    layout = cut_text(text) if len(text) <= MAX_YAML_CHARS and hasattr(os, "fork") else None
    sections = layout.sections if layout is not None else {}
    events = sections.get("events")
    articles = sections.get("articles")
    if events is None or articles is None or len(events.blocks) < SPLIT_MIN_EVENTS or not articles.blocks:
        return _from_text(text, path)[0]
    half = len(events.blocks) // 2
    first = "articles:\n" + "".join(articles.blocks) + "events:\n" + "".join(events.blocks[:half])
    second = "events:\n" + "".join(events.blocks[half:])
    del layout, sections, events, articles
    data = _split_parse(first, second, path)
    if data is None:
        return _from_text(text, path)[0]
    return _from_text(text, path, data)[0]


def _split_parse(first: str, second: str, path: str | Path) -> dict | None:
    """The data of ``first`` (articles and events) and ``second`` (events), the second
    parsed in a child; None if either does not parse plainly."""
    with tempfile.TemporaryFile() as handoff:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: parse, hand the data over, leave without any cleanup
            code = 1
            try:
                data = _plain_parse(second, path)
                if data is not None:
                    pickle.dump(data, handoff, protocol=pickle.HIGHEST_PROTOCOL)
                    handoff.flush()
                    code = 0
            finally:
                os._exit(code)
        try:
            mine = _plain_parse(first, path)
        finally:
            _, status = os.waitpid(pid, 0)
        if mine is None or os.waitstatus_to_exitcode(status) != 0:
            return None
        handoff.seek(0)
        theirs = pickle.load(handoff)  # written by our own child, in a file only it and we had
    if list(mine) != ["articles", "events"] or list(theirs) != ["events"]:
        return None
    if type(mine["events"]) is not list or type(theirs["events"]) is not list:
        return None
    mine["events"].extend(theirs["events"])
    return mine


def _plain_parse(text: str, path: str | Path) -> dict | None:
    try:
        data = guard_and_load(text, path)
    except StoreError:
        return None
    return data if type(data) is dict else None


class BlockReader:
    """Reads one events file again and again (``mkdocs serve``), parsing only what changed.

    Why: a one-line edit of a 10,000-event file made the whole file be parsed again (~1.3 s
    of a ~4 s rebuild). The file is cut into blocks as ``splice`` does (one per article and
    per event); a block whose exact text was in the last good read reuses that read's data
    and ``Event``, and only the others are parsed, each alone. The joined data passes the
    same checks as a whole-file read (``well_formed``); anything else (a file not in the
    plain block layout, a block that does not stand alone, a doubtful check) is read by
    ``read_events_file``, whose result and messages are the reference. So the result is
    always what ``read_events_file`` gives for the same bytes.
    """

    def __init__(self) -> None:
        #: block key -> (data, Event or None) of every block of the last good read
        self.blocks: dict[str, tuple[Any, Event | None]] = {}

    def read(self, path: str | Path) -> EventsFile:
        text = _read(path)
        layout = cut_text(text) if len(text) <= MAX_YAML_CHARS else None
        if self.blocks and layout is not None:
            result = self._again(layout, path)
            if result is not None:
                return result
        events_file, data, events = _from_text(text, path)
        self.blocks = _blocks_of(layout, data, events) if layout is not None else {}
        return events_file

    def _again(self, layout: Layout, path: str | Path) -> EventsFile | None:
        cache = {key: data for key, (data, _) in self.blocks.items()}
        read = read_blocks(layout, cache, str(path))
        if read is None or not self._well_formed(read, cache):
            return None  # the whole-file reader decides (and words any problem)
        data, blocks = read
        kept, events = {}, []
        for name, block, value in blocks:
            key = block_key(name, block)
            event = self.blocks.get(key, (None, None))[1] if key in cache else None
            if name == "events":
                event = event or _event(value)
                events.append(event)
            kept[key] = (value, event)
        self.blocks = kept
        return EventsFile(str(path), _article_table(data), sorted(events, key=Event.sort_key))

    def _well_formed(self, read: tuple, cache: dict) -> bool:
        """``well_formed`` of the joined data. With the article table as last time, an event
        block from last time (all well formed then) needs no new check: only the new events
        are checked, with the articles, and every id must still be unique."""
        data, blocks = read
        keys = [block_key(name, block) for name, block, _ in blocks]
        articles = [k for k, (name, _, _) in zip(keys, blocks) if name == "articles"]
        if articles != self._article_keys:
            return well_formed(data)
        new = [value for k, (name, _, value) in zip(keys, blocks) if name == "events" and k not in cache]
        if not well_formed({"articles": data["articles"], "events": new}):
            return False
        events = data["events"]
        return len({event["id"] for event in events}) == len(events)

    @property
    def _article_keys(self) -> list[str]:
        return [k for k in self.blocks if k.startswith("articles:")]


def _blocks_of(layout: Layout, data: object, events: list[Event]) -> dict[str, tuple[Any, Event | None]]:
    """Block key -> (data, Event) from a whole-file read (``events`` in file order), block i
    being entry i of its section; empty when the two do not line up (then the next read
    parses every block alone)."""
    if type(data) is not dict:
        return {}
    out: dict[str, tuple[Any, Event | None]] = {}
    for name, section in layout.sections.items():
        values = data.get(name) or ({} if name == "articles" else [])
        items = [list(item) for item in values.items()] if name == "articles" else list(values)
        if len(items) != len(section.blocks) or (name == "events" and len(events) != len(items)):
            return {}
        for i, (block, value) in enumerate(zip(section.blocks, items)):
            probe = value[0] if name == "articles" else (value.get("id") if type(value) is dict else None)
            if type(probe) is not str or probe not in block:
                return {}
            event = events[i] if name == "events" else None
            if event is not None and event.id != probe:
                return {}
            out[block_key(name, block)] = (value, event)
    return out


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
