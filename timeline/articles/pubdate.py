"""Publication dates: parse a date line or front-matter value, infer a missing year.

A republished story often carries a date line like "Wednesday, October 4" with no year.
The weekday pins the year down: we take the most recent year, not after ``today``, in
which that month and day fall on that weekday, and say that we inferred it.
"""
from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

_WEEKDAYS = {name: i for i, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
    ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
    ("sunday", "sun"))) for name in names}
_YEAR = re.compile(r"(?<!\d)(1[6-9]\d\d|2\d\d\d)(?!\d)")
_WEEKDAY = re.compile(r"\b(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\b\.?",
                      re.IGNORECASE)
#: How far back we look for a year whose calendar matches the weekday.
_YEAR_SEARCH_SPAN = 60


class DateLineError(ValueError):
    """The text does not read as a date."""


def parse_publication_date(value: object, today: date) -> tuple[date, str | None]:
    """A date from a date line or front-matter value, and the reason if its year was inferred.

    ``today`` bounds the inference (a publication date is never in the future); it is
    passed in rather than read from the clock so results are reproducible.
    """
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    text = str(value).strip()
    if not text:
        raise DateLineError("empty date")
    if _YEAR.search(text):
        return _parse(text, today), None
    return _infer_year(text, today)


def _parse(text: str, today: date) -> date:
    """dateparser with a fixed reference clock, so results never depend on the clock."""
    parsed = dateparser.parse(text, languages=None, settings={
        "RELATIVE_BASE": datetime(today.year, today.month, today.day),
        "PREFER_DATES_FROM": "past", "STRICT_PARSING": False,
        "REQUIRE_PARTS": ["day", "month"]})
    if parsed is None:
        raise DateLineError(f"cannot read {text!r} as a date")
    return parsed.date()


def _infer_year(text: str, today: date) -> tuple[date, str | None]:
    weekday_match = _WEEKDAY.search(text)
    without_weekday = _WEEKDAY.sub(" ", text).strip(" ,.") if weekday_match else text
    month_day = _parse(without_weekday, today)
    weekday = _WEEKDAYS[weekday_match.group(1).lower()] if weekday_match else None
    for year in range(today.year, today.year - _YEAR_SEARCH_SPAN, -1):
        candidate = _replace_year(month_day, year)
        if candidate is None or candidate > today:
            continue
        if weekday is None:
            # No weekday to go by: the latest such day not after today.
            return candidate, (f"date line {text!r} has no year and no weekday; "
                               f"took the latest {candidate:%B} {candidate.day} not after {today}")
        if candidate.weekday() == weekday:
            return candidate, (f"date line {text!r} has no year; {candidate:%B} {candidate.day} "
                               f"fell on a {candidate:%A} most recently in {year}")
    raise DateLineError(f"no year in the last {_YEAR_SEARCH_SPAN} puts {text!r} on that weekday")


def _replace_year(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # February 29 in a common year
        return None
