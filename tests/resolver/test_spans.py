"""Span conventions of news annotation (TempEval-3): which words belong to an expression.

Table-driven, with a duplicate check: (text, anchor, the exact expression found, its value).
"""
import datetime as dt

import pytest

from timeline.resolver import resolve

A = "2023-09-13"
CASES = [
    # a hyphenated length ("the 14-day wait") is annotated without its determiner
    ("The court called the 14-day wait fair.", A, "14-day", "P14D"),
    ("Net income for the fiscal second-quarter of $5 million.", "1989-10-26", "fiscal second-quarter",
     "1989-Q2"),
    # but a counted span keeps it ("the past five years")
    ("Over the past five years it grew.", A, "the past five years", "P5Y"),
    # "right now" is annotated as "now"
    ("Right now my evidence is scant.", A, "now", "PRESENT_REF"),
    # a month with a year named relative to the publication date is one expression
    ("In January this year, police came.", "1998-02-19", "January this year", "1998-01"),
    # "the day before last Tuesday" is annotated from "day"
    ("The day before last Tuesday's hearing, he met them.", "2000-02-24", "day before last Tuesday",
     "2000-02-21"),
    # "this past" belongs to the expression
    ("It rained this past weekend.", A, "this past weekend", "2023-W36-WE"),
    ("He spoke this past Sunday.", A, "this past Sunday", "2023-09-10"),
    ("The deadline is this coming Monday.", A, "this coming Monday", "2023-09-18"),
    # a date set in capitals in a header or a dateline, written as the article writes it
    ("MONDAY, MARCH 18, 2013", A, "MONDAY, MARCH 18, 2013", "2013-03-18"),
    ("NEW YORK, MARCH 21 (AP) - Stocks rose.", "2013-03-22", "MARCH 21", "2013-03-21"),
    # a timestamp keeps its seconds and zone
    ("Updated 2013-03-21T14:12:00Z by the desk.", A, "2013-03-21T14:12:00Z", "2013-03-21T14:12"),
    ("Updated 2013-03-21T14:12:00+01:00 by the desk.", A, "2013-03-21T14:12:00+01:00",
     "2013-03-21T14:12"),
    ("Rain is due this coming week.", A, "this coming week", "2023-W38"),
    # a clock time before a part of a day said in words, a count from a day: one expression each
    ("Fireworks start at 9:30 tonight.", A, "9:30 tonight", "2023-09-13T21:30"),
    ("The runoff is a week from Friday.", A, "a week from Friday", "2023-09-22"),
    ("Stores reopen the Monday after Thanksgiving.", A, "the Monday after Thanksgiving", "2023-11-27"),
    # "over" before a length is "more than", but not the preposition after a verb in -ed
    ("He has lived there for over five years.", A, "over five years", "P5Y"),
    ("The strike lasted over a week.", A, "over a week", "P1W"),
    ("The money was used over three years.", A, "three years", "P3Y"),
    ("The cost is spread over five years.", A, "five years", "P5Y"),
]


def test_no_duplicate_cases():
    keys = [(c[0], c[1], c[2]) for c in CASES]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("text,anchor,expr,value", CASES, ids=[f"{c[2]}|{c[0][:30]}" for c in CASES])
def test_span(text, anchor, expr, value):
    found = resolve(text, dt.date.fromisoformat(anchor))
    start = text.index(expr)
    assert (start, start + len(expr), value) in [(t.start, t.end, t.value) for t in found], found
