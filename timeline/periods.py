"""TIMEX3 calendar values as periods: what every layer needs to sort, group and label dates.

The resolver produces values like ``2023-09-13``, ``2023-07``, ``2023-W37``, ``2023-Q3``,
``2023-SU`` or ``2023``. Events, the store and the site all need the same reading of
them, so it lives here, apart from all three.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?"
    r"|W(?P<week>\d{2})(?P<weekend>-WE)?|Q(?P<quarter>[1-4])|H(?P<half>[12])"
    r"|(?P<season>SP|SU|FA|WI)))?(?:T[\d:.A-Z+-]*)?$")

#: Season -> (first month, last month); winter runs into the next year.
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_SEASON_NAMES = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
GRANULARITY_ORDER = ("day", "weekend", "week", "month", "season", "quarter", "half", "year")


@dataclass(frozen=True, order=True)
class Period:
    """A calendar period: first and last day, and how precise the original value was."""

    start: date
    end: date
    granularity: str
    value: str

    def label(self) -> str:
        """A human label at the period's own precision: "13 September 2023", "July 2023"."""
        return label_for(self)

    @property
    def specificity(self) -> int:
        """Lower is more precise: used to pick the most telling date in a sentence."""
        return GRANULARITY_ORDER.index(self.granularity)


def parse_period(value: str) -> Period | None:
    """The period a TIMEX3 calendar value names, or None for durations, sets, refs, decades."""
    match = _VALUE.match(value or "")
    if not match:
        return None
    g = match.groupdict()
    year = int(g["year"])
    try:
        if g["day"]:
            day = date(year, int(g["month"]), int(g["day"]))
            return Period(day, day, "day", value)
        if g["month"]:
            month = int(g["month"])
            return Period(date(year, month, 1), _month_end(year, month), "month", value)
        if g["week"]:
            monday = date.fromisocalendar(year, int(g["week"]), 1)
            if g["weekend"]:
                return Period(monday + timedelta(days=5), monday + timedelta(days=6), "weekend", value)
            return Period(monday, monday + timedelta(days=6), "week", value)
        if g["quarter"]:
            first = 3 * int(g["quarter"]) - 2
            return Period(date(year, first, 1), _month_end(year, first + 2), "quarter", value)
        if g["half"]:
            first = 1 if g["half"] == "1" else 7
            return Period(date(year, first, 1), _month_end(year, first + 5), "half", value)
        if g["season"]:
            first, last = _SEASONS[g["season"]]
            end_year = year + 1 if last < first else year
            return Period(date(year, first, 1), _month_end(end_year, last), "season", value)
    except ValueError:  # 2023-02-30, week 54 and the like
        return None
    return Period(date(year, 1, 1), date(year, 12, 31), "year", value)


def is_valid_value(value: str) -> bool:
    """True when ``value`` names a real calendar period (2023-02-30 does not)."""
    return parse_period(value) is not None


def date_part(value: str) -> str:
    """The calendar part of a value: ``2023-09-13T14:30`` -> ``2023-09-13``."""
    return value.split("T", 1)[0]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def label_for(period: Period, month_names: tuple[str, ...] | None = None) -> str:
    """English label by default; ``month_names`` (12 names) gives another language's months."""
    months = month_names or tuple(calendar.month_name[1:])
    start, g = period.start, period.granularity
    if g == "day":
        return f"{start.day} {months[start.month - 1]} {start.year}"
    if g == "month":
        return f"{months[start.month - 1]} {start.year}"
    if g in ("week", "weekend"):
        iso = start.isocalendar()
        prefix = "Weekend of week" if g == "weekend" else "Week"
        return f"{prefix} {iso.week}, {iso.year}"
    if g == "quarter":
        return f"Q{(start.month + 2) // 3} {start.year}"
    if g == "half":
        return f"H{1 if start.month == 1 else 2} {start.year}"
    if g == "season":
        return f"{_SEASON_NAMES[period.value[-2:]]} {start.year}"
    return str(start.year)
