"""The loader's first-character lookahead: a speed device that must never change matches."""
import re

import pytest

from timeline.resolver.data_loader import _with_first_char_check

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
