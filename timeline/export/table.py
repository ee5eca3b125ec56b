"""CSV, one row per event, for spreadsheets.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``)
get a leading apostrophe: a hostile title must not become a formula in someone's Excel.
"""
from __future__ import annotations

import csv
import io

from timeline.export.common import ExportOptions, first_and_last_day, source_lines
from timeline.site.labels import english_label as label_for
from timeline.store import EventsFile

COLUMNS = ("id", "date", "end", "first_day", "last_day", "label", "title", "text", "status",
           "tags", "confidence", "articles", "sources", "permalink")


def to_csv(events_file: EventsFile, options: ExportOptions) -> bytes:
    """UTF-8 CSV with a header row (RFC 4180 quoting, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for event in events_file.events:
        first, last = first_and_last_day(event)
        end = getattr(event, "end", None) or ""
        confidence = getattr(event, "confidence", None)
        row = [event.id, event.date, end, first.isoformat(), last.isoformat(),
               label_for(event.period), event.title, event.text,
               getattr(event, "status", None) or "",
               "; ".join(str(t) for t in getattr(event, "tags", None) or []),
               "" if confidence is None else confidence,
               "; ".join(event.articles), "\n".join(source_lines(event, events_file.articles)),
               options.permalink(event.id) if options.permalink else ""]
        writer.writerow([_defuse(cell) for cell in row])
    return buffer.getvalue().encode("utf-8")


def _defuse(cell: object) -> object:
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell
