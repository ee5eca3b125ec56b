"""Publication dates: parse a date line or front-matter value, infer a missing year.

A republished story often carries a date line like "Wednesday, October 4" with no year.
The weekday pins the year down: we take the most recent year, not after ``today``, in
which that month and day fall on that weekday, and say that we inferred it.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import NamedTuple

from timeline.resolver.data_loader import alternation, vocabulary

#: Date lines are English for now; the words come from the resolver's vocabulary.
LANGUAGE = "en"
_YEAR = re.compile(r"(?<!\d)(1[6-9]\d\d|2\d\d\d)(?!\d)")
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


class _Words(NamedTuple):
    weekdays: dict[str, int]  # surface form -> Python weekday (Monday 0)
    weekday: re.Pattern[str]
    common_forms: tuple[re.Pattern[str], ...]
    months: dict[str, int]


@lru_cache(maxsize=1)
def _words() -> _Words:
    vocab = vocabulary(LANGUAGE)
    weekdays = {name: int(number) - 1 for name, number in vocab["weekday"].items()}
    months = {name: int(number) for name, number in vocab["month"].items()}

    weekday = rf"\b({alternation(weekdays)})\b\.?"
    month = rf"(?P<month>{alternation(months)})\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4})"
    opening = rf"(?:(?P<weekday>{alternation(weekdays)})\.?,?\s+)?"
    forms = (rf"{year}-(?P<month_number>\d\d)-(?P<day>\d\d)",  # 2023-10-02
             rf"{opening}{month}\s+{day}(?:,?\s+{year})?",      # Mon. Oct 2nd, 2023; October 2
             rf"{opening}{day}\s+{month},?(?:\s+{year})?")      # Monday, 2 October 2023
    return _Words(weekdays, re.compile(weekday, re.IGNORECASE),
                  tuple(re.compile(form + r"\s*", re.IGNORECASE) for form in forms), months)


def _common_form(text: str) -> tuple[int | None, int, int] | None:
    """``(year or None, month, day)`` of a date line in one of the common English forms,
    read directly; None for anything else (dateparser reads it).

    Why: most date lines take one of a few forms, and dateparser's first call costs about
    half a second of set-up in every process that makes one. A weekday that does not fit
    the date, or a day the month does not have, is left to dateparser as before.
    """
    words = _words()
    for form in words.common_forms:
        match = form.fullmatch(text)
        if match is None:
            continue
        parts = match.groupdict()
        month = int(parts["month_number"]) if parts.get("month_number") else \
            words.months[parts["month"].lower()]
        year = int(parts["year"]) if parts.get("year") else None
        try:
            day = date(2000 if year is None else year, month, int(parts["day"]))  # 2000 has February 29
        except ValueError:
            return None
        weekday = parts.get("weekday")
        if weekday and (year is None or day.weekday() != words.weekdays[weekday.lower()]):
            return None
        return year, month, day.day
    return None


def _parse(text: str, today: date) -> date:
    """The date of a line with a year: a common form directly, else dateparser."""
    common = _common_form(text)
    if common is not None and common[0] is not None:
        return date(*common)
    return _dateparser(text, today)


def _dateparser(text: str, today: date) -> date:
    """dateparser with a fixed reference clock, so results never depend on the clock."""
    import dateparser  # its set-up is slow: only paid for the date lines that need it

    parsed = dateparser.parse(text, languages=None, settings={
        "RELATIVE_BASE": datetime(today.year, today.month, today.day),
        "PREFER_DATES_FROM": "past", "STRICT_PARSING": False,
        "REQUIRE_PARTS": ["day", "month"]})
    if parsed is None:
        raise DateLineError(f"cannot read {text!r} as a date")
    return parsed.date()


def _infer_year(text: str, today: date) -> tuple[date, str | None]:
    words = _words()
    weekday_match = words.weekday.search(text)
    without_weekday = words.weekday.sub(" ", text).strip(" ,.") if weekday_match else text
    common = _common_form(without_weekday)
    month_day = date(2000, common[1], common[2]) if common else _dateparser(without_weekday, today)
    weekday = words.weekdays[weekday_match.group(1).lower()] if weekday_match else None
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
