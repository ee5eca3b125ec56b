"""What the templates show: events as readers see them, grouped by year and month.

Links are kept relative to the site root (``sources/x/``); each template prefixes them
with ``base``, the way back from its page to the root, so one view serves every page.
Everything here is linear in the number of events: no step looks at all pairs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from timeline.events import Event
from timeline.periods import Period, parse_period
from timeline.site.labels import DateLabels

#: Granularities that sit inside one month, so they go under that month's heading.
WITHIN_MONTH = ("day", "week", "weekend", "month")


@dataclass(frozen=True)
class Link:
    """A name and where it leads, relative to the site root."""

    text: str
    url: str


@dataclass(frozen=True)
class SourceView:
    """One source of an event: the sentence, the words that gave the date, what they were read against."""

    article: str
    title: str
    outlet: str | None
    url: str | None
    quote: str
    expression: str
    anchor: str
    anchor_label: str
    value: str | None


@dataclass
class EventView:
    """One event as a reader sees it. ``url`` (its permalink) is filled in when pages are planned."""

    event: Event
    period: Period
    end: Period | None
    label: str
    datetime: str
    end_datetime: str | None
    sources: list[SourceView]
    tags: list[Link]
    conflicts: list[dict]
    confidence: float | None
    url: str = ""

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def status(self) -> str | None:
        return getattr(self.event, "status", None)

    @property
    def planned(self) -> bool:
        return self.status == "planned"

    @property
    def show_text(self) -> bool:
        """The text adds something: the title is not just the text without its full stop."""
        text, title = self.event.text.strip(), self.event.title.strip()
        return bool(text) and text.rstrip(". ") != title.rstrip(". ")

    @property
    def month_key(self) -> str:
        """The heading this event goes under: ``2024-03``, or the period itself when coarser."""
        p = self.period
        return f"{p.start.year}-{p.start.month:02d}" if p.granularity in WITHIN_MONTH else p.value


@dataclass
class Group:
    """Events under one heading: a month, or a coarser period (Q3 2024, 2024 as a whole)."""

    key: str
    label: str
    anchor: str
    sort: tuple
    events: list[EventView] = field(default_factory=list)


@dataclass
class YearGroup:
    year: int
    anchor: str
    groups: list[Group] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(g.events) for g in self.groups)


def html_datetime(period: Period) -> str:
    """A value ``<time datetime>`` accepts: days, months, years and weeks as they are;
    quarters, halves and seasons as their first month (HTML has no notation for them)."""
    if period.granularity in ("day", "month", "year", "week"):
        return period.value.split("T", 1)[0]
    return f"{period.start.year:04d}-{period.start.month:02d}"


def year_anchor(year: int) -> str:
    return f"y{year}"


def month_anchor(year: int, month: int) -> str:
    return f"y{year}-m{month:02d}"


def group_anchor(key: str) -> str:
    """``2024-03`` -> ``y2024-m03``; ``2024-Q3`` -> ``y2024-q3``; ``2024`` -> ``y2024-all``."""
    year, _, rest = key.partition("-")
    if not rest:
        return f"y{year}-all"
    if rest.isdigit():
        return f"y{year}-m{rest}"
    return f"y{year}-{rest.lower()}"


def make_view(event: Event, labels: DateLabels, articles: dict[str, dict],
              source_url, tag_url) -> EventView:
    """The reader's view of ``event``; ``source_url``/``tag_url`` map ids and names to links."""
    period = event.period
    end_value = getattr(event, "end", None)
    end = parse_period(end_value) if end_value else None
    sources = []
    for s in event.sources:
        entry = articles.get(s.article) or {}
        sources.append(SourceView(
            article=s.article, title=str(entry.get("title") or s.article),
            outlet=entry.get("outlet"), url=source_url(s.article), quote=s.quote,
            expression=s.expression, anchor=s.anchor, anchor_label=labels.value(s.anchor),
            value=getattr(s, "value", None)))
    tags = [Link(str(t), tag_url(str(t))) for t in (getattr(event, "tags", None) or [])]
    conflicts = [c for c in (getattr(event, "conflict", None) or []) if isinstance(c, dict)]
    confidence = getattr(event, "confidence", None)
    return EventView(event=event, period=period, end=end, label=labels.range(period, end),
                     datetime=html_datetime(period),
                     end_datetime=html_datetime(end) if end else None,
                     sources=sources, tags=tags, conflicts=conflicts,
                     confidence=float(confidence) if isinstance(confidence, (int, float)) else None)


def group_views(views: list[EventView], labels: DateLabels, *, by_month: bool = True,
                descending: bool = False) -> list[YearGroup]:
    """Year groups, each with month (or coarser-period) groups, in reading order.

    ``views`` must already be in reading order. Events of a coarser period than a month
    (a quarter, a season, the whole year) get a heading of their own, placed where the
    period starts, so "Q3 2024" comes before the July events it covers.
    """
    years: dict[int, YearGroup] = {}
    groups: dict[str, Group] = {}
    for view in views:
        year = view.period.start.year
        if year not in years:
            years[year] = YearGroup(year, year_anchor(year))
        key = view.month_key if by_month else str(year)
        group = groups.get(key)
        if group is None:
            group = groups[key] = _new_group(key, view.period, labels, by_month)
            years[year].groups.append(group)
        group.events.append(view)
    for year_group in years.values():
        year_group.groups.sort(key=lambda g: g.sort, reverse=descending)
    return sorted(years.values(), key=lambda y: y.year, reverse=descending)


def _new_group(key: str, period: Period, labels: DateLabels, by_month: bool) -> Group:
    start = period.start
    if not by_month:
        return Group(key, "", year_anchor(start.year) + "-all", (date(start.year, 1, 1), 0))
    if period.granularity in WITHIN_MONTH:
        return Group(key, labels.month(start.year, start.month), group_anchor(key),
                     (date(start.year, start.month, 1), 0))
    # Coarser periods sort with the month they start in, before that month's own events.
    label = f"During {start.year}" if period.granularity == "year" else labels.period(period)
    return Group(key, label, group_anchor(key),
                 (date(start.year, start.month, 1), -period.specificity))
