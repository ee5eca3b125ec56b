"""Publication dates from date lines and front matter, including inferred years."""
from datetime import date

import pytest

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
