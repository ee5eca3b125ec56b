"""Titles: short, attribution stripped, never cut mid-word; ids stable."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from timeline.events.titles import MAX_TITLE, make_event_id, make_title

CASES = [
    ("Mayor Elena Okafor said a full engineering report would be published next month.",
     "A full engineering report would be published next month"),
    ("Inspectors found cracks in two girders on Friday, the city of Port Verity said.",
     "Inspectors found cracks in two girders on Friday"),
    ("Repairs are expected to begin in July and to cost about $14 million, according to the report.",
     "Repairs are expected to begin in July and to cost about $14 million"),
    ("According to RIA, the talks between the two leaders lasted for five hours.",
     "The talks between the two leaders lasted for five hours"),
    ("Vladimir Smirnov/Sputnik/Russia reported that Kim Jong Un and Vladimir Putin commenced "
     "their talks on September 13.", "Kim Jong Un and Vladimir Putin commenced their talks on September 13"),
    ("Putin informed reporters on Wednesday that Shoigu had been well received.",
     "Putin informed reporters on Wednesday that Shoigu had been well received"),
    ("The council voted.", "The council voted"),
    ("Commuters reported queues of up to 40 minutes on the Harbor Road crossing on Monday.",
     "Commuters reported queues of up to 40 minutes on the Harbor Road crossing on Monday"),
    ("North Korean state media reported that Kim arrived in Russia on Tuesday by train.",
     "Kim arrived in Russia on Tuesday by train"),
]


@pytest.mark.parametrize("sentence, title", CASES)
def test_titles(sentence, title):
    assert make_title(sentence) == title


def test_long_title_is_cut_at_a_boundary():
    sentence = ("During his visit to Khasan on Tuesday, the North Korean leader expressed that his "
                "trip to Russia was a clear indication of Pyongyang prioritizing relations.")
    title = make_title(sentence)
    assert len(title) <= MAX_TITLE + 1 and title.endswith("…")
    assert sentence.startswith(title[:-1])
    assert sentence[len(title) - 1] in " ,"


@given(st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=15), min_size=1, max_size=30))
def test_never_cut_mid_word(words):
    sentence = " ".join(words) + "."
    title = make_title(sentence).rstrip("…")
    assert len(title) <= MAX_TITLE
    assert set(title.lower().split()) <= {w.lower() for w in words}


def test_ids_are_stable_and_readable():
    first = make_event_id("2024-04-09", "The city released the report", "courier", "quote")
    assert first == make_event_id("2024-04-09", "The city released the report", "courier", "quote")
    assert first.startswith("2024-04-09-the-city-released-the-report-")
    assert first != make_event_id("2024-04-09", "The city released the report", "courier", "other")
