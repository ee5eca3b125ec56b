"""Small pure calendar helpers over explicit dates (no clock)."""
from __future__ import annotations

import datetime as dt

UNIT_DAYS = {"D": 1, "W": 7}


def hour_in_part_of_day(hour: int, part: str | None) -> int:
    """The 24-hour hour of a 12-hour clock hour said with a part of the day (TIMEX3 MO, AF,
    EV, NI): past noon in the afternoon and the evening, and at night from six on ("ten at
    night" is 22:00, "two at night" 02:00); an hour past noon already stays as it is."""
    if hour < 12 and (part in ("AF", "EV") or (part == "NI" and hour >= 6)):
        return hour + 12
    return hour


def quarter_of(month: int) -> int:
    """The quarter of the year (1-4) a month (1-12) falls in."""
    return (month - 1) // 3 + 1


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year = min(max(d.year + y, 1), 9999)
    return dt.date(year, m + 1, min(d.day, 28))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """`d` moved by n units (D, W, M, Q, Y, DE, CE), clamped to the valid range."""
    try:
        if unit in UNIT_DAYS:
            return d + dt.timedelta(days=UNIT_DAYS[unit] * n)
        months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit, 0) * n
        return add_months(d, months)
    except OverflowError:
        return d


def fmt(d: dt.date, unit: str) -> str:
    """`d` written at the granularity of unit."""
    if unit in ("D", "H", "S", "MI"):
        return d.isoformat()
    if unit == "W":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter_of(d.month)}"
    if unit == "DE":
        return f"{d.year:04d}"[:3]
    if unit == "CE":
        return f"{d.year:04d}"[:2]
    return f"{d.year:04d}"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """n-th (1-based; -1 = last) ISO weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def easter(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return dt.date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)
