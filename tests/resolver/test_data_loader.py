"""The loader: the first-character lookahead (a speed device that must never change matches),
vocabulary references and the calendar tables."""
import datetime as dt
import re
from pathlib import Path

import pytest

from timeline.resolver.data_loader import (ResolverDataError, _requires_any, _with_first_char_check,
                                          calendar_table, load_language)

TEXT = "The past 5 years, the 1990s; Each July THE end. about two weeks ago, in 3 days, x-ray 9/13"
PATTERNS = [
    r"(?<![\w$])(?:[tT]he\s+)?(?:[pP]ast\s+)?(?:\d+|[tT]wo)\s+(?:years?|weeks?)",
    r"(?<![\w])[tT]he\s+\d{4}s|[eE]ach\s+[jJ]uly",
    r"(?<=\bin )\d+\s+days",
    r"(?:[aA]bout\s+)?[tT]wo\s+weeks(?:\s+ago)?",
    r"(?P<m>\d+)/(?P<d>\d+)",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_same_matches(pattern):
    fast = _with_first_char_check(pattern)
    assert fast != pattern  # the check was added
    assert [m.span() for m in re.finditer(fast, TEXT)] == [m.span() for m in re.finditer(pattern, TEXT)]


@pytest.mark.parametrize("pattern", [r"(?i:each)\s+july", r"a?", r".x", r"\w+"])
def test_left_alone_when_unsure(pattern):
    assert _with_first_char_check(pattern) == pattern


def test_requires_any_from_a_vocabulary():
    vocab = {"holiday": {"Christmas": "12-25", "9/11": "2001-09-11"}}
    assert _requires_any({"vocabulary": "holiday"}, vocab, "rule") == ("9/11", "christmas")
    assert _requires_any(["Ago", "later"], vocab, "rule") == ("ago", "later")
    with pytest.raises(ResolverDataError, match="names no vocabulary"):
        _requires_any({"vocabulary": "holidays"}, vocab, "rule")
    holiday = next(rule for rule in load_language("en").rules if rule.name == "holiday")
    assert set(holiday.requires_any) == set(load_language("en").vocab["holiday"])


def test_calendar_tables_cover_every_holiday_that_names_one():
    """Every "table:NAME" holiday has its table; every day in it is a real date, and no year
    in a table's range is missing (a gap would make a holiday vanish for that year)."""
    names = {code[6:] for code in load_language("en").vocab["holiday"].values() if code.startswith("table:")}
    assert names
    for name in names:
        table = calendar_table(name)
        assert sorted(table) == list(range(min(table), max(table) + 1)), name
        assert min(table) <= 1950 and max(table) >= 2075, name
        for year, days in table.items():
            assert days and all(dt.date(year, int(d[:2]), int(d[3:])) for d in days), (name, year)
    with pytest.raises(ResolverDataError, match="no table"):
        calendar_table("no_such_holiday")


def test_capitals_are_single_words_of_the_named_vocabularies():
    from timeline.resolver.data_loader import _vocabulary_named
    capitals = load_language("en").capitals
    assert {"MARCH", "MONDAY", "TODAY", "CHRISTMAS"} <= capitals
    assert not any(" " in word or "." in word or len(word) < 3 for word in capitals)
    with pytest.raises(ResolverDataError, match="capitals names no vocabulary"):
        _vocabulary_named({"month": {}}, "months", f"{Path('data/en/rules.yaml')}: capitals")
