"""What the templates show: events grouped by year and month, with labels and links."""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from timeline.events import Event
from timeline.periods import Period


@dataclass
class EventView:
    """One event as a reader sees it."""

    event: Event
    period: Period
    label: str
    sources: list[dict]


@dataclass
class MonthGroup:
    """Events within one month, or the year-wide ones (``month`` None) that head a year."""

    month: int | None
    label: str
    events: list[EventView] = field(default_factory=list)


@dataclass
class YearGroup:
    year: int
    months: list[MonthGroup] = field(default_factory=list)


def group_events(events: list[Event], articles: dict[str, dict], source_url,
                 descending: bool = False) -> list[YearGroup]:
    """Year and month groups in reading order; an event finer than a month goes in its month."""
    ordered = sorted(events, key=Event.sort_key, reverse=descending)
    years: list[YearGroup] = []
    for event in ordered:
        period = event.period
        month = period.start.month if period.granularity in ("day", "week", "weekend", "month") else None
        if not years or years[-1].year != period.start.year:
            years.append(YearGroup(period.start.year))
        months = years[-1].months
        if not months or months[-1].month != month:
            label = calendar.month_name[month] if month else f"During {period.start.year}"
            months.append(MonthGroup(month, label))
        months[-1].events.append(EventView(event, period, period.label(), [
            {"article": s.article, "title": articles.get(s.article, {}).get("title", s.article),
             "outlet": articles.get(s.article, {}).get("outlet"), "url": source_url(s.article),
             "quote": s.quote, "expression": s.expression, "anchor": s.anchor}
            for s in event.sources]))
    return years
