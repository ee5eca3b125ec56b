"""Dates of events: ranges, planned status and confidence, table-driven."""
from __future__ import annotations

from datetime import date

import pytest

from timeline.events.dating import confidence, date_sentence, is_planned
from timeline.periods import parse_period
from timeline.resolver.timex import Timex

ANCHOR = date(2024, 3, 6)


def timexes(sentence: str, *spans: tuple[str, str]) -> list[Timex]:
    found, start = [], 0
    for text, value in spans:
        start = sentence.index(text, start)
        found.append(Timex(start, start + len(text), text, "DATE", value))
        start += len(text)
    return found


RANGES = [
    ("Repairs run from June to August.", [("June", "2024-06"), ("August", "2024-08")], "2024-06", "2024-08"),
    ("He was mayor 2009-2010.", [("2009-2010", "2009")], "2009", "2010"),
    ("He was mayor from 2009 to 2010.", [("2009", "2009"), ("2010", "2010")], "2009", "2010"),
    ("Talks were held between March 3 and 5.", [("March 3", "2024-03-03")], "2024-03-03", "2024-03-05"),
    ("Talks were held March 3-5.", [("March 3", "2024-03-03")], "2024-03-03", "2024-03-05"),
    ("Votes on March 3 and March 5 passed.", [("March 3", "2024-03-03"), ("March 5", "2024-03-05")],
     "2024-03-03", None),
    ("It opened in July 1968 and closed in 2024.", [("July 1968", "1968-07"), ("2024", "2024")],
     "1968-07", None),
]


@pytest.mark.parametrize("sentence, spans, start, end", RANGES)
def test_ranges(sentence, spans, start, end):
    dating = date_sentence(sentence, 0, timexes(sentence, *spans), ANCHOR, False)
    assert (dating.date, dating.end) == (start, end)


def test_range_table_has_no_duplicates():
    assert len({r[0] for r in RANGES}) == len(RANGES)


@pytest.mark.parametrize("sentence, value, planned", [
    ("Lavrov is set to visit Pyongyang next month.", "2024-04", True),
    ("The report will be published in April.", "2024-04", True),
    ("The closure will begin on Monday.", "2024-03-11", True),
    ("The council voted on Tuesday.", "2024-03-05", False),
    ("The council will vote this month.", "2024-03", True),
    ("The bridge, which will be repaired, opened in 1968.", "1968", False),
    ("The cracks were found this month.", "2024-03", False),
])
def test_planned(sentence, value, planned):
    assert is_planned(sentence, parse_period(value), ANCHOR) is planned


@pytest.mark.parametrize("text, reference, inferred, expected", [
    ("March 1", None, False, 0.9),
    ("July 1968", "2024-03-06", False, 0.9),
    ("next month", "2024-03-06", False, 0.75),
    ("on Tuesday", "2024-03-06", False, 0.6),
    ("on Tuesday", "2023-09-13", True, 0.48),
    ("September 13", "2023-09-13", True, 0.9),
])
def test_confidence(text, reference, inferred, expected):
    assert confidence(Timex(0, len(text), text, "DATE", "2024", None, reference), inferred) == expected


@pytest.mark.parametrize("kind, value, eventable", [
    ("DATE", "2023-09-13", True), ("DATE", "2023-07", True), ("DATE", "2023", True),
    ("DATE", "2023-W37", True), ("DATE", "2023-Q3", True), ("DATE", "2023-SU", True),
    ("TIME", "2023-09-13T14:30", True), ("DURATION", "PT5H", False), ("DURATION", "P3D", False),
    ("SET", "XXXX-WXX-1", False), ("DATE", "PAST_REF", False), ("DATE", "PRESENT_REF", False),
    ("TIME", "T01:15", False), ("DATE", "XXXX-XX-XX", False), ("DATE", "199", False),
])
def test_only_points_and_periods_make_events(kind, value, eventable):
    from timeline.events import is_eventable
    assert is_eventable(Timex(0, 1, "x", kind, value)) is eventable
