"""The overview chart: events per month (or per year) as SVG bars, computed at build time.

No JavaScript: each bar is an SVG ``<a>`` to the heading of its period on whichever page
holds it, with a ``<title>`` for hover and an ``aria-label`` for screen readers. The
template (``timeline/overview.html``) only draws what this module measured.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from timeline.site.labels import DateLabels
from timeline.site.model import EventView, group_anchor, year_anchor

#: Up to this many years of events are drawn month by month.
MONTHLY_UP_TO_YEARS = 3
SLOT = 24          # width of one bar's slot, in SVG units
MIN_WIDTH = 560    # so a chart of two years does not blow up to giant letters
CHART_HEIGHT = 110
TOP = 16           # room for the count above the tallest bar
AXIS = 34          # room for month and year labels below
YEAR_LABEL_WIDTH = 34  # a year label is about 30 units wide at 11px


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    y: float
    height: float
    planned_height: float
    count: int
    planned: int
    label: str
    href: str | None


@dataclass(frozen=True)
class Tick:
    x: float
    text: str
    row: int  # 0: month row, 1: year row


@dataclass(frozen=True)
class Overview:
    width: float
    height: float
    baseline: float
    bars: list[Bar]
    ticks: list[Tick]
    monthly: bool
    total: int


def build_overview(views: list[EventView], labels: DateLabels, *, by_month: bool) -> Overview | None:
    """The chart for ``views`` (in reading order), or None when there is nothing to draw.

    Where the story is dense (the three years holding the most events, if they hold at
    least half of them) the bars are months; elsewhere they are years, and runs of empty
    years shrink to one gap, so one 1968 anecdote does not squash a 2024 story to a bar.
    Events dated only to a year get a year bar, not a January bar.
    """
    if not views:
        return None
    window = _dense_window(views)
    bins: dict[tuple, list] = {}
    for view in views:  # reading order: the first view of a bin is where its link points
        key = _bin_of(view, window)
        entry = bins.get(key)
        if entry is None:
            entry = bins[key] = [0, 0, _target(view, by_month)]
        entry[0] += 1
        entry[1] += view.planned
    keys = _axis(bins, window)
    width = max(len(keys) * SLOT, MIN_WIDTH)
    slot = width / len(keys)
    peak = max(entry[0] for entry in bins.values())
    baseline = TOP + CHART_HEIGHT
    bars, ticks = [], []
    last_label = -math.inf  # x of the last year label: skip one that would overlap it
    for i, key in enumerate(keys):
        centre = round(i * slot + slot / 2, 2)
        if key[0] == "gap":
            ticks.append(Tick(centre, "⋯", 1))
            continue
        count, planned, href = bins.get(key, (0, 0, None))
        height = max(CHART_HEIGHT * count / peak, 3.0) if count else 0.0
        year, month = key[1], key[2]
        when = labels.month(year, month) if month else str(year)
        noun = "event" if count == 1 else "events"
        label = f"{when}: {count} {noun}" + (f" ({planned} planned)" if planned else "")
        bars.append(Bar(x=round(i * slot + 2, 2), width=round(max(slot - 4, 1), 2),
                        y=round(baseline - height, 2), height=round(height, 2),
                        planned_height=round(height * planned / count, 2) if count else 0.0,
                        count=count, planned=planned, label=label, href=href))
        if month:
            ticks.append(Tick(centre, labels.month_abbr(month), 0))
        first_of_year = i == 0 or keys[i - 1][0] == "gap" or keys[i - 1][1] != year
        if first_of_year and centre - last_label >= YEAR_LABEL_WIDTH:
            ticks.append(Tick(centre, str(year), 1))
            last_label = centre
    return Overview(width=round(width, 2), height=baseline + AXIS, baseline=baseline, bars=bars,
                    ticks=ticks, monthly=window is not None, total=len(views))


def _dense_window(views: list[EventView]) -> tuple[int, int] | None:
    """The first and last year drawn month by month, or None to draw only years."""
    per_year: dict[int, int] = {}
    for view in views:
        year = view.period.start.year
        per_year[year] = per_year.get(year, 0) + 1
    years = sorted(per_year)
    best, best_count = None, 0
    for i, first in enumerate(years):  # years is short: one entry per distinct year
        count = sum(per_year[y] for y in years[i:] if y < first + MONTHLY_UP_TO_YEARS)
        if count > best_count:
            best, best_count = first, count
    if best is None or 2 * best_count < len(views):
        return None
    last = max(y for y in years if y < best + MONTHLY_UP_TO_YEARS)
    return best, last


def _bin_of(view: EventView, window: tuple[int, int] | None) -> tuple:
    start = view.period.start
    if window and window[0] <= start.year <= window[1] and view.period.granularity != "year":
        return ("bin", start.year, start.month)
    return ("bin", start.year, 0)


def _axis(bins: dict[tuple, list], window: tuple[int, int] | None) -> list[tuple]:
    """Bins in time order: a year bar, then (inside the window) that year's months, with
    empty months between used ones; a lone empty year keeps its place, and a run of two
    or more empty years becomes one gap."""
    months = sorted(key for key in bins if key[2])
    present = sorted({key[1] for key in bins})
    keys: list[tuple] = []
    empty_run = 0
    for year in range(present[0], present[-1] + 1):
        if year not in present:
            empty_run += 1
            continue
        if empty_run == 1:
            keys.append(("bin", year - 1, 0))
        elif empty_run > 1:
            keys.append(("gap",))
        empty_run = 0
        if ("bin", year, 0) in bins:
            keys.append(("bin", year, 0))
        keys.extend(("bin", year, m) for m in range(1, 13)
                    if months and months[0] <= ("bin", year, m) <= months[-1])
    return keys


def _target(view: EventView, by_month: bool) -> str:
    """The heading of the view's period, on the page that holds the view."""
    page = view.url.split("#", 1)[0]
    anchor = group_anchor(view.month_key) if by_month else year_anchor(view.period.start.year)
    return f"{page}#{anchor}"
