"""Human date labels at each period's own precision, in English or in a Babel locale.

Readers see "13 September 2023", "July 2023", "2023" and "12–13 September 2023", never a
TIMEX3 value. Without a locale the labels come from ``timeline.periods`` (the same English
the CLI prints); with one, Babel's CLDR data gives day, month, quarter and range formats.
Weeks, halves and seasons have no CLDR pattern, so they keep the English label.
"""
from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache

from timeline.periods import Period, label_for, parse_period

#: English month names, computed once: ``calendar.month_name`` formats them with strftime
#: on every access, which costs more than the rest of a label.
MONTHS = tuple(calendar.month_name[1:])


def english_label(period: Period) -> str:
    """The built-in English label ("13 September 2023"), as ``timeline.periods`` writes it."""
    return label_for(period, MONTHS)


#: En dash with thin spacing rules as in the issue's examples: "12–13 September 2023".
DASH = "–"


class DateLabels:
    """Labels for periods, ranges and month headings in one locale (``None``: built-in English)."""

    def __init__(self, locale: str | None = None) -> None:
        self.locale = _babel_locale(locale) if locale else None
        #: value (or "start/end") -> label: a timeline repeats the same days and anchors a lot
        self._cache: dict[str, str] = {}

    def period(self, period: Period) -> str:
        """"13 September 2023", "July 2023", "Q3 2023", "2023"..."""
        label = self._cache.get(period.value)
        if label is None:
            label = english_label(period) if self.locale is None else _babel_label(period, self.locale)
            self._cache[period.value] = label
        return label

    def value(self, value: str) -> str:
        """The label for a TIMEX3 value written as text (an anchor day), or the text itself."""
        label = self._cache.get(value)
        if label is None:
            period = parse_period(value) if value else None
            label = self.period(period) if period else value
            self._cache[value] = label
        return label

    def range(self, start: Period, end: Period | None) -> str:
        """A range label, compact when both ends share month or year: "12–13 September 2023"."""
        if end is None or end.value == start.value:
            return self.period(start)
        key = f"{start.value}/{end.value}"
        if key not in self._cache:
            self._cache[key] = self._range(start, end)
        return self._cache[key]

    def _range(self, start: Period, end: Period) -> str:
        if self.locale is not None:
            return _babel_range(start, end, self.locale) or f"{self.period(start)} {DASH} {self.period(end)}"
        return _english_range(start, end) or f"{self.period(start)} {DASH} {self.period(end)}"

    def month(self, year: int, month: int) -> str:
        """A month heading: "March 2024"."""
        if self.locale is None:
            return f"{MONTHS[month - 1]} {year}"
        from babel.dates import format_skeleton
        return format_skeleton("yMMMM", date(year, month, 1), locale=self.locale)

    def month_abbr(self, month: int) -> str:
        """A short month name for chart axes: "Mar"."""
        if self.locale is None:
            return calendar.month_abbr[month]
        from babel.dates import get_month_names
        return get_month_names("abbreviated", "stand-alone", locale=self.locale)[month]


@lru_cache(maxsize=16)
def _babel_locale(name: str):
    """The Babel ``Locale``; an unknown name is a ValueError the config check turns into a message."""
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError as exc:  # pragma: no cover - babel ships with mkdocs-material
        raise ValueError("date labels in a locale need the 'babel' package") from exc
    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise ValueError(f"unknown locale {name!r}; use a code like 'en_GB', 'fr' or 'de'") from exc


def check_locale(name: str) -> None:
    """Raise ValueError when ``name`` is not a locale Babel knows."""
    _babel_locale(name)


def _babel_label(period: Period, locale) -> str:
    from babel.dates import format_date, format_skeleton
    g, start = period.granularity, period.start
    if g == "day":
        return format_date(start, format="long", locale=locale)
    if g == "month":
        return format_skeleton("yMMMM", start, locale=locale)
    if g == "quarter":
        return format_skeleton("yQQQ", start, locale=locale)
    if g == "year":
        return format_skeleton("y", start, locale=locale)
    return english_label(period)


def _babel_range(start: Period, end: Period, locale) -> str | None:
    from babel.dates import format_interval
    skeletons = {"day": "yMMMd", "month": "yMMMM", "year": "y"}
    if start.granularity != end.granularity or start.granularity not in skeletons:
        return None
    return format_interval(start.start, end.end, skeletons[start.granularity], locale=locale)


def _english_range(start: Period, end: Period) -> str | None:
    """Compact English ranges for two days or two months; None for mixed precisions."""
    a, b = start.start, end.start
    months = ("",) + MONTHS
    if start.granularity == end.granularity == "day":
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.day}{DASH}{b.day} {months[a.month]} {a.year}"
        if a.year == b.year:
            return f"{a.day} {months[a.month]} {DASH} {b.day} {months[b.month]} {a.year}"
        return f"{english_label(start)} {DASH} {english_label(end)}"
    if start.granularity == end.granularity == "month":
        if a.year == b.year:
            return f"{months[a.month]}{DASH}{months[b.month]} {a.year}"
        return f"{english_label(start)} {DASH} {english_label(end)}"
    if start.granularity == end.granularity == "year":
        return f"{a.year}{DASH}{b.year}"
    return None
