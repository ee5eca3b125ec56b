"""Property tests: any text, any anchor -> no exception, in-bounds ordered spans, valid values."""
import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.resolver import resolve
from timeline.resolver.data_loader import vocabulary
from timeline.resolver.timex import TIMEX_TYPES

VALUE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|FY\d{4}|BC\d{4}|XXXX-WXX-WE|XXXX-(?:SP|SU|FA|WI)|XXXX-WXX-[1-7](?:T(?:MO|AF|EV|NI))?|XXXX-XX-XXT(?:MO|AF|EV|NI)|XXXX-(?:0[1-9]|1[0-2])"
    r"|\d{2,4}(?:-(?:Q[1-4X]|H[12]|SP|SU|FA|WI|W(?:\d{2}|XX)(?:-WE)?|\d{2}(?:-\d{2})?))?"
    r"(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?"
    r"|P(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|DE|CE)(?:6M|T12H)?|PT(?:\d+(?:\.\d+)?|X)(?:H|M|S)(?:30[MS])?"
    # a length of two units or more ("three hours and 35 minutes")
    r"|P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)$")

WORDS = st.sampled_from(["on", "each", "July", "1/2", "and", "half", "Tuesday", "last", "next", "week", "September", "13", "2023", "ago", "two",
                         "years", "2.5", "the", "quarter", "third", "will", "said", ".", ",", "May", "at", "2:30",
                         "p.m.", "a", "year", "earlier", "later", "day", "Christmas", "mid-", "'90s", "now"])
#: Every word of the vocabularies too, so that phrases reach every rule ("the tenth quarter").
VOCABULARY_WORDS = st.sampled_from(sorted({w for words in vocabulary("en").values() for w in words}))
TEXT = st.one_of(st.text(), st.lists(WORDS, max_size=30).map(" ".join),
                 st.lists(st.one_of(WORDS, VOCABULARY_WORDS, VOCABULARY_WORDS.map(str.capitalize)),
                          max_size=12).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(TEXT, st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_resolver_invariants(text, anchor):
    found = resolve(text, anchor)
    last = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= last
        last = t.end
        assert t.text == text[t.start:t.end]
        assert t.type in TIMEX_TYPES
        assert VALUE.match(t.value), t.value


def test_validator_rejects_garbage():
    assert not VALUE.match("2023-13-xx")
    assert VALUE.match("2023-W37-WE") and VALUE.match("P5Y") and VALUE.match("2023-09-13T14:30")
    assert VALUE.match("P2Y6M") and VALUE.match("PT5H30M") and not VALUE.match("P2Y6")
