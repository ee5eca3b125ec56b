"""What date a sentence gives its event: the best expression, ranges, planned status, confidence.

Everything here is a small pure function of the resolver's output, the sentence and the
article's anchor, so it is table-tested without a resolver.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from timeline.periods import Period, date_part, parse_period
from timeline.resolver.timex import Timex

#: Between two dates, these make one range: "from June to August", "2009-2010".
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|until|till|through|thru|and)\s*$", re.IGNORECASE)
#: Before the first date: needed for "and", optional for the others.
_RANGE_LEAD = re.compile(r"\b(?:from|between)\s+(?:the\s+)?$", re.IGNORECASE)
#: "between March 3 and 5", "March 3-5": the second day without its month.
_DAY_TAIL = re.compile(r"^\s*(?:-|–|to|and|through|until)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\b",
                       re.IGNORECASE)
#: "2009-2010" resolved as one expression.
_YEAR_SPAN = re.compile(r"^(?P<first>\d{4})\s*[-–/]\s*(?P<last>\d{2}|\d{4})$")
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
#: A written-out calendar date: a year, or a month name next to a day number.
_EXPLICIT = re.compile(
    r"\b\d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE)

#: Confidence by how the text gives the date; see ``confidence``.
CONFIDENCE = {"absolute": 0.9, "relative": 0.75, "weekday": 0.6}
#: Factor for dates read against an anchor inferred from the text rather than given.
INFERRED_ANCHOR_FACTOR = 0.8


@dataclass(frozen=True)
class Dating:
    """The date an event takes from its sentence."""

    timex: Timex
    date: str
    end: str | None
    status: str | None
    confidence: float


def period_of(timex: Timex) -> Period | None:
    """The calendar period of a resolved expression, None for durations, sets and refs."""
    if timex.type not in ("DATE", "TIME"):
        return None
    return parse_period(date_part(timex.value))


def date_sentence(sentence: str, offset: int, timexes: list[Timex], anchor: date,
                  inferred_anchor: bool) -> Dating:
    """The most precise date in the sentence (the first on ties), with its range end if any.

    ``timexes`` are the eventable expressions inside the sentence, in text order;
    ``offset`` is the sentence's start in the article text.
    """
    best_index = min(range(len(timexes)), key=lambda i: period_of(timexes[i]).specificity)
    best = timexes[best_index]
    value = date_part(best.value)
    end = range_end(sentence, offset, timexes, best_index)
    period = period_of(best)
    status = "planned" if is_planned(sentence, period, anchor) else None
    return Dating(best, value, end, status, confidence(best, inferred_anchor))


def range_end(sentence: str, offset: int, timexes: list[Timex], index: int) -> str | None:
    """The end value when the chosen expression opens a range, else None."""
    first = timexes[index]
    span = _YEAR_SPAN.match(first.text.strip())
    if span and len(first.value) == 4:
        last = span["last"] if len(span["last"]) == 4 else span["first"][:2] + span["last"]
        return last if last > first.value else None
    before = sentence[:first.start - offset]
    if index + 1 < len(timexes):
        second = timexes[index + 1]
        between = sentence[first.end - offset:second.start - offset]
        if _RANGE_JOIN.match(between) and (between.strip().lower() != "and"
                                           or _RANGE_LEAD.search(before)):
            return _later_value(first, second)
    tail = _DAY_TAIL.match(sentence[first.end - offset:])
    period = period_of(first)
    if tail and period.granularity == "day" and (_RANGE_LEAD.search(before) or "-" in tail.group()
                                                  or "–" in tail.group()):
        try:
            last = period.start.replace(day=int(tail["day"]))
        except ValueError:
            return None
        return last.isoformat() if last > period.start else None
    return None


def _later_value(first: Timex, second: Timex) -> str | None:
    a, b = period_of(first), period_of(second)
    if b is None or b.end <= a.end:
        return None
    return date_part(second.value)


@lru_cache(maxsize=1)
def _future_cues() -> re.Pattern[str]:
    text = resources.files("timeline.events").joinpath("data/future_cues.txt").read_text("utf-8")
    cues = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    alternatives = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
    return re.compile(rf"(?<![\w']){'(?:' + alternatives + ')'}\b", re.IGNORECASE)


def is_planned(sentence: str, period: Period, anchor: date) -> bool:
    """In the future of the article: after its anchor, or in a future-tense sentence
    about a period that has not ended by the anchor."""
    if period.start > anchor:
        return True
    return period.end >= anchor and bool(_future_cues().search(sentence))


def expression_kind(timex: Timex) -> str:
    """``absolute`` (written out, or needed no anchor), ``weekday`` or ``relative``."""
    if _EXPLICIT.search(timex.text) or timex.reference is None:
        return "absolute"
    return "weekday" if _WEEKDAY.search(timex.text) else "relative"


def confidence(timex: Timex, inferred_anchor: bool) -> float:
    """Explicit absolute date > relative > weekday; dates read against a guessed anchor lower."""
    kind = expression_kind(timex)
    score = CONFIDENCE[kind]
    if inferred_anchor and kind != "absolute":
        score *= INFERRED_ANCHOR_FACTOR
    return round(score, 2)
