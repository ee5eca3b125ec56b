"""Exports of the events: TimelineJS3 JSON, iCalendar and CSV, for the site and the CLI.

Each export reads the same ``EventsFile`` the site reads, so a file written by
``timeline export`` and the one the site links to are byte for byte the same.
"""
from __future__ import annotations

from typing import Callable

from timeline.export.common import ExportOptions
from timeline.export.ical import to_ics
from timeline.export.table import to_csv
from timeline.export.timelinejs import to_timelinejs
from timeline.store import EventsFile

#: Format name -> writer returning the file's bytes.
WRITERS: dict[str, Callable[[EventsFile, ExportOptions], bytes]] = {
    "json": to_timelinejs,
    "ics": to_ics,
    "csv": to_csv,
}
#: What a browser should be told each export is.
MEDIA_TYPES = {"json": "application/json", "ics": "text/calendar", "csv": "text/csv"}


def export(events_file: EventsFile, fmt: str, options: ExportOptions | None = None) -> bytes:
    """The events as ``fmt`` (``json``, ``ics`` or ``csv``)."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(WRITERS)}") from None
    return writer(events_file, options or ExportOptions())


__all__ = ["MEDIA_TYPES", "WRITERS", "ExportOptions", "export", "to_csv", "to_ics", "to_timelinejs"]
