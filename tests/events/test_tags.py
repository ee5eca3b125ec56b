"""Tags: names that recur across articles, under their full form."""
from __future__ import annotations

from hypothesis import given, strategies as st

from timeline.events.tags import canonical_names, names_in, recurring_names, tags_for

ARTICLES = [
    "Russian President Vladimir Putin met North Korean leader Kim Jong Un at the Vostochny "
    "Cosmodrome. The host, Putin, showed Kim the launch pad. On Tuesday the talks began.",
    "Kim Jong Un and Vladimir Putin held talks in Russia. Analysts in Seoul said Putin wants "
    "shells. Offering North Korea technology would break sanctions.",
    "Officials in Seoul and Washington watched. North Korea fired missiles at the Vostochny Cosmodrome.",
]


def test_names_strip_roles_openers_and_demonyms():
    names = names_in(ARTICLES[0])
    assert {"Vladimir Putin", "Kim Jong Un", "Vostochny Cosmodrome", "Putin", "Kim"} <= names
    assert not names & {"Russian", "North Korean", "On", "Tuesday", "Russian President Vladimir Putin",
                        "The"}
    assert "Putin" not in names_in("Putin showed Kim the pad."), "a sentence opener alone is no name"
    assert "North Korea" in names_in(ARTICLES[1]) and "Offering North Korea" not in names_in(ARTICLES[1])


def test_only_recurring_names_become_tags():
    vocabulary = recurring_names(ARTICLES)
    assert {"Vladimir Putin", "Kim Jong Un", "Seoul", "Vostochny Cosmodrome", "North Korea"} <= vocabulary
    assert "Washington" not in vocabulary and "Russia" not in vocabulary


def test_short_forms_map_to_full_names():
    vocabulary = recurring_names(ARTICLES)
    canonical = canonical_names(vocabulary)
    assert canonical["Putin"] == "Vladimir Putin"
    assert "Kim" not in vocabulary, "one article's short form is not a recurring name"
    assert tags_for("Putin met Kim Jong Un in Seoul.", vocabulary) == [
        "Kim Jong Un", "Seoul", "Vladimir Putin"]
    assert tags_for("Vladimir Putin met Putin's aides.", vocabulary) == ["Vladimir Putin"]


_WORDS = st.sampled_from(["Al", "Alder", "Street", "O'Brien", "Kim", "Jong", "Un", "de", "Ré", "x_1"])
_NAMES = st.lists(_WORDS, min_size=1, max_size=3).map(" ".join)
_TEXT = st.lists(_WORDS | st.sampled_from([" ", ", ", ".", "-", "'s", "\n"]), max_size=30).map("".join)


@given(st.sets(_NAMES, max_size=8), _TEXT)
def test_name_finder_agrees_with_a_search_per_name(names, text):
    from timeline.events.tags import NameFinder, _contains

    assert NameFinder(names).found_in(text) == {n for n in names if _contains(text, n)}
