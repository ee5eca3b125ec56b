"""What every export needs: a title, optional permalinks, and each event's first and last day."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from timeline.events import Event
from timeline.periods import Period, parse_period


@dataclass(frozen=True)
class ExportOptions:
    """``permalink`` maps an event id to its URL on the published site, when there is one."""

    title: str = "Timeline"
    description: str = ""
    permalink: Callable[[str], str] | None = None


def span(event: Event) -> tuple[Period, Period]:
    """The event's first and last periods (the same one unless it has an ``end``)."""
    start = event.period
    end_value = getattr(event, "end", None)
    end = parse_period(end_value) if end_value else None
    return start, end or start


def first_and_last_day(event: Event) -> tuple[date, date]:
    """Inclusive first and last day: a month-level event covers its whole month."""
    start, end = span(event)
    return start.start, max(end.end, start.start)


def source_lines(event: Event, articles: dict[str, dict]) -> list[str]:
    """One line per source: title, outlet, the quote and the original URL."""
    lines = []
    for source in event.sources:
        entry = articles.get(source.article) or {}
        where = str(entry.get("title") or source.article)
        if entry.get("outlet"):
            where += f" ({entry['outlet']})"
        line = f"{where}: \u201c{source.quote}\u201d" if source.quote else where
        if entry.get("url"):
            line += f" {entry['url']}"
        lines.append(line)
    return lines
