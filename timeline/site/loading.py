"""Read the events: one YAML file, or every YAML file in a folder (one per story or per year).

The store validates each file; here we only join them, so an id used in two files is
reported with both file names instead of one event silently hiding the other.
"""
from __future__ import annotations

from pathlib import Path

from timeline.errors import StoreError
from timeline.events import Event
from timeline.store import EventsFile, read_events_file

YAML_SUFFIXES = (".yaml", ".yml")


def events_paths(path: Path) -> list[Path]:
    """The YAML files ``path`` stands for: itself, or the folder's files in name order."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in YAML_SUFFIXES and p.is_file())
    return [path]


def load_events(path: Path) -> EventsFile:
    """All events and articles under ``path``, sorted by date; ``StoreError`` on any problem."""
    paths = events_paths(path)
    if not paths:
        raise StoreError("the events folder holds no .yaml files", path=path,
                         hint="run `timeline extract -o FOLDER/events.yaml`, or point "
                              "`events:` at a file")
    if len(paths) == 1:
        return read_events_file(paths[0])
    articles: dict[str, dict] = {}
    events: list[Event] = []
    seen: dict[str, Path] = {}
    for file in paths:
        part = read_events_file(file)
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
