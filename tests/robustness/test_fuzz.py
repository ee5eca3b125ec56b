"""Property tests: the YAML loader and the resolver survive anything a person can type.

The loader may refuse a file, but only with a ``TimelineError`` (which the CLI and the
plugin show as one line); the resolver never raises and its spans always point into the
text. Example counts stay modest so the whole robustness folder runs in well under 90 s.
"""
from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robustness.hostile import events_yaml_lines
from timeline.errors import TimelineError
from timeline.safety import guard_yaml_text
from timeline.store import check_file, read_events_file

#: Pieces of YAML and of events files, so generated text reaches deep into the loader.
YAML_PIECES = ["events:", "articles:", "\n", "  ", "    ", "- ", "id: ", "date: ", "title: ",
               "sources:", "article: a1", "end: ", "status: planned", "'2023-02-30'",
               "'2024-03-11'", "2024-W53", "2023-Q5", "2024-SU",
               "published: ", "  a1:\n", "2024-02-31", "2023-13-01 ", "2024-03-12T25:00:00", "&a ", "*a", "[", "]", "{",
               "}", ": ", ",", "\t", "!!python/object:os.system", "!!str ", "!!binary ",
               "%YAML 1.1\n", "---\n", "...\n", "? ", "|\n", ">-\n", "# c", '"', "'", "~",
               "yes", "1e999", "0x1F", "<<: *a", "\u00e9", "\U0001F600", "\x00", "\ufeff"]

yaml_like = st.lists(st.sampled_from(YAML_PIECES), max_size=60).map("".join)
any_text = st.text(max_size=400)

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _write(text: str) -> Path:
    handle = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8",
                                         errors="surrogatepass")
    with handle:
        handle.write(text)
    return Path(handle.name)


def _loader_survives(text: str) -> None:
    path = _write(text)
    try:
        problems = check_file(path)
        assert all(p.line >= 1 and p.column >= 1 and p.message for p in problems)
        try:
            read_events_file(path)
        except TimelineError:
            pass
        else:
            assert not problems, "read_events_file accepted what check_file rejected"
        try:
            guard_yaml_text(text, path)
        except TimelineError:
            pass
    finally:
        path.unlink()


@FUZZ
@given(yaml_like)
def test_loader_on_yaml_like_text(text):
    _loader_survives(text)


@FUZZ
@given(any_text.filter(lambda t: not any(0xD800 <= ord(c) <= 0xDFFF for c in t)))
def test_loader_on_arbitrary_text(text):
    _loader_survives(text)


VALID = events_yaml_lines(40)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(VALID)), st.integers(0, 5),
                          st.sampled_from(YAML_PIECES)), max_size=6))
def test_loader_on_mutated_valid_file(edits):
    """A valid file after a few typos: what a hand edit actually produces."""
    text = VALID
    for position, delete, insert in edits:
        position = min(position, len(text))
        text = text[:position] + insert + text[position + delete:]
    _loader_survives(text)


# --- the resolver ------------------------------------------------------------------------

DATE_WORDS = ["on", "Tuesday", "next", "last", "month", "week", "year", "in", "July", "two",
              "days", "later", "earlier", "ago", "1999", "2024", "31", "February", "30th",
              "the", "spring", "of", "March 3", "4 October 2023", "mid-", "late", "early",
              "Q3", "yesterday", "today", "tomorrow", "weekend", "since", "until", "-", "/",
              "2024-02-30", "12/31/1999", ".", ",", "\n", "'", "\u00e9t\u00e9", "Mercredi",
              "fortnight", "decade", "1990s", "noon", "3 p.m.", "9999", "0000"]

date_text = st.lists(st.sampled_from(DATE_WORDS), max_size=30).map(" ".join)
anchors = st.dates(min_value=date(1600, 1, 1), max_value=date(2300, 12, 31))


def _resolver_holds(text: str, anchor: date) -> None:
    from timeline.resolver import resolve

    for timex in resolve(text, anchor):
        assert 0 <= timex.start <= timex.end <= len(text), timex
        assert text[timex.start:timex.end] == timex.text, timex
        assert timex.type in ("DATE", "TIME", "DURATION", "SET"), timex
        assert isinstance(timex.value, str) and timex.value, timex


@settings(max_examples=200, deadline=None)
@given(date_text, anchors)
def test_resolver_on_date_like_text(text, anchor):
    _resolver_holds(text, anchor)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), anchors)
def test_resolver_on_arbitrary_text(text, anchor):
    _resolver_holds(text, anchor)
