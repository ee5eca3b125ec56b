"""Publication dates from date lines and front matter, including inferred years."""
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.articles.pubdate import DateLineError, parse_publication_date

TODAY = date(2026, 11, 22)

CASES = [
    # (date line, expected, year inferred?)
    ("Mon. Oct 2nd, 2023", date(2023, 10, 2), False),
    ("Wednesday, October 4", date(2023, 10, 4), True),
    ("Thursday, April 11", date(2024, 4, 11), True),
    ("Sept. 13, 2023", date(2023, 9, 13), False),
    ("13 September 2023", date(2023, 9, 13), False),
    ("2023-09-13", date(2023, 9, 13), False),
    ("Mon, 02 Oct 2023 10:00:00 GMT", date(2023, 10, 2), False),
    ("October 4", date(2026, 10, 4), True),
    ("December 25", date(2025, 12, 25), True),
]


def test_cases_are_unique():
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("line,expected,inferred", CASES)
def test_date_lines(line, expected, inferred):
    value, reason = parse_publication_date(line, TODAY)
    assert value == expected
    assert (reason is not None) == inferred


def test_inferred_year_never_after_today():
    value, reason = parse_publication_date("Wednesday, October 4", date(2023, 10, 3))
    assert value == date(2017, 10, 4) and "2017" in reason


def test_date_objects_pass_through():
    assert parse_publication_date(date(2023, 1, 2), TODAY) == (date(2023, 1, 2), None)


@pytest.mark.parametrize("line", ["", "Breaking news", "Funday, Octember 45"])
def test_unreadable_lines_raise(line):
    with pytest.raises(DateLineError):
        parse_publication_date(line, TODAY)


def _date_lines(day: date) -> list[str]:
    """The common forms a date line takes, for one day (with and without its weekday)."""
    weekday, month, short = f"{day:%A}", f"{day:%B}", f"{day:%b}"
    th = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day.day, "th")
    return [f"{day:%Y-%m-%d}", f"{month} {day.day}, {day.year}", f"{short}. {day.day}, {day.year}",
            f"{weekday[:3]}. {short} {day.day}{th}, {day.year}", f"{weekday}, {month} {day.day}, {day.year}",
            f"{day.day} {month} {day.year}", f"{weekday}, {day.day} {short} {day.year}",
            f"{month.upper()} {day.day} {day.year}"]


SAMPLE_DAYS = [date(1999, 12, 31), date(2000, 2, 29), date(2016, 3, 1)] + \
    [date(2023, 1, 1).fromordinal(date(2023, 1, 1).toordinal() + 37 * k) for k in range(12)]


@pytest.mark.parametrize("day", SAMPLE_DAYS, ids=str)
def test_common_forms_read_directly_as_dateparser_reads_them(day, monkeypatch):
    """The direct reading of the common forms is only a shortcut: dateparser gives the same
    date for each; and none of these lines needs dateparser at all."""
    from timeline.articles import pubdate

    for line in _date_lines(day):
        assert pubdate._dateparser(line, TODAY) == day, line
    monkeypatch.setattr(pubdate, "_dateparser", lambda *_: pytest.fail("dateparser was asked"))
    for line in _date_lines(day):
        assert parse_publication_date(line, TODAY) == (day, None), line


@pytest.mark.parametrize("line", ["Tue. Oct 2nd, 2023",  # the weekday does not fit
                                  "Mon, 02 Oct 2023 10:00:00 GMT", "10/02/2023", "2 Oct. 2023 at noon"])
def test_other_forms_are_left_to_dateparser(line, monkeypatch):
    from timeline.articles import pubdate

    asked = []
    real = pubdate._dateparser
    monkeypatch.setattr(pubdate, "_dateparser", lambda *args: asked.append(args) or real(*args))
    try:
        parse_publication_date(line, TODAY)
    except DateLineError:
        pass
    assert asked, line


def test_year_inferred_for_february_29_without_a_year():
    value, reason = parse_publication_date("Thursday, February 29", TODAY)
    assert value == date(2024, 2, 29) and reason is not None


#: Any text, and lines made of the words date lines are made of.
ANY_DATE_LINE = st.one_of(st.text(max_size=40), st.lists(st.sampled_from(
    ["Mon.", "Monday,", "Thur.", "Oct", "October", "Sept.", "May", "2nd,", "31st", "29", "Feb", "2023",
     "1999", "2023-02-29", "2023-10-02", "of", "at", "10:00", "GMT"]), max_size=5).map(" ".join))


@settings(max_examples=60, deadline=None)
@given(ANY_DATE_LINE)
def test_any_date_line_gives_a_date_or_one_clear_error(line):
    try:
        value, reason = parse_publication_date(line, TODAY)
    except DateLineError:
        return
    assert isinstance(value, date)
    if reason is not None:  # an inferred year never puts the article after today
        assert value <= TODAY
