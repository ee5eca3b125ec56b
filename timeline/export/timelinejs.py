"""TimelineJS3's JSON format, so the same events can be shown in a TimelineJS embed.

TimelineJS renders ``headline`` and ``text`` as HTML, so everything from the articles is
escaped here: a title with ``<script>`` shows as text in the embed too.
"""
from __future__ import annotations

import html
import json

from timeline.export.common import ExportOptions, source_lines, span
from timeline.periods import Period
from timeline.site.labels import english_label as label_for
from timeline.store import EventsFile


def to_timelinejs(events_file: EventsFile, options: ExportOptions) -> bytes:
    """``{"title": ..., "events": [...]}`` as UTF-8 JSON."""
    doc = {"title": {"text": {"headline": html.escape(options.title),
                              "text": html.escape(options.description)}},
           "events": [_event(e, events_file.articles, options) for e in events_file.events]}
    return (json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _event(event, articles: dict[str, dict], options: ExportOptions) -> dict:
    start, end = span(event)
    body = [f"<p>{html.escape(event.text)}</p>"] if event.text else []
    sources = source_lines(event, articles)
    if sources:
        body.append("<ul>" + "".join(f"<li>{html.escape(s)}</li>" for s in sources) + "</ul>")
    if options.permalink:
        body.append(f'<p><a href="{html.escape(options.permalink(event.id))}">Permalink</a></p>')
    out: dict = {
        "unique_id": event.id,
        "start_date": _date(start, first=True),
        "display_date": label_for(start) + (f" \u2013 {label_for(end)}" if end is not start else ""),
        "text": {"headline": html.escape(event.title), "text": "".join(body)},
    }
    if end is not start or start.granularity not in ("day", "month", "year"):
        out["end_date"] = _date(end, first=False)
    tags = getattr(event, "tags", None) or []
    if tags:
        out["group"] = str(tags[0])
    return out


def _date(period: Period, *, first: bool) -> dict:
    """TimelineJS date object at the period's precision: year, then month, then day."""
    day = period.start if first else period.end
    if period.granularity == "year":
        return {"year": day.year}
    if period.granularity == "month":
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}
