"""TIMEX3 calendar values read as periods, with labels at their own precision."""
from datetime import date

import pytest

from timeline.periods import is_valid_value, parse_period

CASES = [
    ("2023-09-13", date(2023, 9, 13), date(2023, 9, 13), "13 September 2023"),
    ("2023-07", date(2023, 7, 1), date(2023, 7, 31), "July 2023"),
    ("2023", date(2023, 1, 1), date(2023, 12, 31), "2023"),
    ("2023-W37", date(2023, 9, 11), date(2023, 9, 17), "Week 37, 2023"),
    ("2023-Q3", date(2023, 7, 1), date(2023, 9, 30), "Q3 2023"),
    ("2023-SU", date(2023, 6, 1), date(2023, 8, 31), "Summer 2023"),
    ("2023-WI", date(2023, 12, 1), date(2024, 2, 29), "Winter 2023"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "February 2024"),
]


@pytest.mark.parametrize("value,start,end,label", CASES)
def test_periods(value, start, end, label):
    period = parse_period(value)
    assert (period.start, period.end, period.label()) == (start, end, label)


@pytest.mark.parametrize("value", ["2023-02-30", "2023-13", "P3D", "PRESENT_REF", "199", "", "2023-W54"])
def test_not_calendar_periods(value):
    assert not is_valid_value(value)


def test_more_precise_sorts_first():
    assert parse_period("2023-09-13").specificity < parse_period("2023-09").specificity < parse_period("2023").specificity
