"""iCalendar (RFC 5545) with the ``icalendar`` library: all-day events, coarse dates as spans.

A day is one all-day event; a month, quarter, season or year runs from its first to its
last day (DTEND is the day after, as the RFC says); planned events are TENTATIVE.
DTSTAMP is the newest article's publication day, not the clock, so building twice gives
the same file and a gh-deploy of unchanged events changes nothing.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Event as VEvent

from timeline.export.common import ExportOptions, first_and_last_day, source_lines
from timeline.store import EventsFile

STATUS = {"planned": "TENTATIVE", "happened": "CONFIRMED", "cancelled": "CANCELLED"}


def to_ics(events_file: EventsFile, options: ExportOptions) -> bytes:
    """The events as one VCALENDAR."""
    calendar = Calendar()
    calendar.add("prodid", "-//timeline//timeline export//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", options.title)
    stamp = _stamp(events_file.articles)
    for event in events_file.events:
        calendar.add_component(_vevent(event, events_file.articles, options, stamp))
    return calendar.to_ical()


def _vevent(event, articles: dict[str, dict], options: ExportOptions, stamp: datetime) -> VEvent:
    first, last = first_and_last_day(event)
    vevent = VEvent()
    vevent.add("uid", f"{event.id}@timeline")
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", first)
    vevent.add("dtend", last + timedelta(days=1))
    vevent.add("summary", event.title)
    description = "\n".join([event.text, "", *source_lines(event, articles)]).strip()
    if description:
        vevent.add("description", description)
    vevent.add("transp", "TRANSPARENT")
    status = STATUS.get(getattr(event, "status", None) or "")
    if status:
        vevent.add("status", status)
    tags = [str(t) for t in getattr(event, "tags", None) or []]
    if tags:
        vevent.add("categories", tags)
    if options.permalink:
        vevent.add("url", options.permalink(event.id))
    return vevent


def _stamp(articles: dict[str, dict]) -> datetime:
    days = []
    for entry in articles.values():
        try:
            days.append(date.fromisoformat(str(entry.get("published"))))
        except ValueError:
            continue
    day = max(days) if days else date(1970, 1, 1)
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
