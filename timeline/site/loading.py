"""Read the events: one YAML file, or every YAML file in a folder (one per story or per year).

The store validates each file; here we only join them, so an id used in two files is
reported with both file names instead of one event silently hiding the other.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from timeline.errors import StoreError
from timeline.events import Event
from timeline.store import EventsFile, read_events_file
from timeline.store.reader import BlockReader

YAML_SUFFIXES = (".yaml", ".yml")


def events_paths(path: Path) -> list[Path]:
    """The YAML files ``path`` stands for: itself, or the folder's files in name order."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in YAML_SUFFIXES and p.is_file())
    return [path]


def load_events(path: Path, read=read_events_file) -> EventsFile:
    """All events and articles under ``path``, sorted by date; ``StoreError`` on any problem.
    ``read`` reads one file (``read_events_file``, or a ``BlockReader``'s while serving)."""
    paths = events_paths(path)
    if not paths:
        raise StoreError("the events folder holds no .yaml files", path=path,
                         hint="run `timeline extract -o FOLDER/events.yaml`, or point "
                              "`events:` at a file")
    if len(paths) == 1:
        return read(paths[0])
    articles: dict[str, dict] = {}
    events: list[Event] = []
    seen: dict[str, Path] = {}
    for file in paths:
        part = read(file)
        for article_id, entry in part.articles.items():
            articles.setdefault(article_id, entry)
        for event in part.events:
            if event.id in seen:
                raise StoreError(f"event id {event.id!r} is also used in {seen[event.id]}",
                                 path=file, hint="ids must be unique across the events folder")
            seen[event.id] = file
            events.append(event)
    events.sort(key=Event.sort_key)
    return EventsFile(str(path), articles, events)


class EventsCache:
    """The last events read, reused while the files' bytes are unchanged.

    Why: ``mkdocs serve`` rebuilds on any change (an article, a page, mkdocs.yml), and
    reading 10,000 events again costs ~1 s. Comparing bytes, not times, so an edit within
    the clock's resolution is never missed. When they did change (an edit), each file is
    read by its ``BlockReader``: only the blocks that changed are parsed again.
    """

    def __init__(self) -> None:
        self.digest: bytes | None = None
        self.events: EventsFile | None = None
        self.readers: dict[Path, BlockReader] = {}

    def load(self, path: Path) -> EventsFile:
        paths = events_paths(path)
        digest = _digest(paths)
        if self.events is not None and digest == self.digest:
            return self.events
        self.readers = {p: self.readers.get(p) or BlockReader() for p in paths}
        events = load_events(path, read=lambda file: self.readers[file].read(file))
        self.digest, self.events = digest, events
        return events


def _digest(paths: list[Path]) -> bytes:
    """A fingerprint of the files' names and bytes (unreadable ones count as changed)."""
    digest = hashlib.blake2b(digest_size=16)
    for file in paths:
        digest.update(str(file).encode("utf-8", "surrogateescape") + b"\x00")
        try:
            digest.update(file.read_bytes())
        except OSError:
            digest.update(os.urandom(16))
        digest.update(b"\x00")
    return digest.digest()
