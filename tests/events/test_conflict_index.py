"""The indexed conflict search finds exactly the pairs a test of every pair finds."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

import timeline.events.merge as merge
from timeline.events.merge import (_disagree, common_words, conflict_pairs, conflict_wording,
                                   merge_same_events, name_words, similarity, wording)
from timeline.events.model import Event, Source


def reference_pairs(events: list[Event], words: dict[str, frozenset[str]],
                    threshold: float = merge.CONFLICT_SIMILARITY) -> list[tuple[int, int, float]]:
    """The definition, pair by pair: different articles, disagreeing dates, same wording."""
    counts: dict[str, int] = {}
    for event in events:
        for word in words[event.id]:
            counts[word] = counts.get(word, 0) + 1
    common = common_words(counts, len(events))
    pairs = []
    for i, a in enumerate(events):
        for j in range(i + 1, len(events)):
            b = events[j]
            if set(a.articles) & set(b.articles) or not _disagree(a.period, b.period):
                continue
            if conflict_wording(words[a.id], words[b.id], name_words(a), name_words(b),
                                threshold, common):
                pairs.append((i, j, similarity(words[a.id], words[b.id])))
    return pairs


VOCABULARY = ["council", "approved", "contract", "bridge", "repair", "ferry", "harbour",
              "budget", "strike", "vote", "hearing", "library", "closure", "inspection"]
NAMES = ["Alder Street Bridge", "Mill Quay Ferry", "Port Verity Council"]
DATES = (["2024-03-%02d" % d for d in range(1, 29, 3)] + ["2024-04-02", "2024-05-20"]
         + ["2024-%02d" % m for m in range(1, 13, 2)] + ["2024-W10", "2024-W12", "2024-W20"]
         + ["2024-W10-WE", "2024-W11-WE", "2024-Q1", "2024-Q2", "2024-Q4", "2024-SU", "2024-FA",
            "2024-H1", "2024-H2", "2022", "2023", "2024", "2026"])
ARTICLES = ["ledger", "courier", "radio", "wire", "post"]

#: Reports of a few stories, each dropping or adding a word or two, so that many pairs come
#: near the thresholds.
STORIES = [VOCABULARY[0:5], VOCABULARY[3:9], VOCABULARY[8:14], VOCABULARY[0:3] + VOCABULARY[10:12]]
reports = st.lists(
    st.tuples(st.lists(st.sampled_from(ARTICLES), min_size=1, max_size=2, unique=True),
              st.sampled_from(DATES),
              st.tuples(st.sampled_from(STORIES), st.sets(st.integers(0, 5), max_size=2),
                        st.lists(st.sampled_from(VOCABULARY), max_size=2, unique=True)),
              st.lists(st.sampled_from(NAMES), max_size=2, unique=True)),
    max_size=60)


def make_events(drawn) -> list[Event]:
    events = []
    for n, (articles, value, (story, dropped, added), names) in enumerate(drawn):
        vocabulary = [w for k, w in enumerate(story) if k not in dropped]
        vocabulary += [w for w in added if w not in vocabulary]
        text = " ".join(names + vocabulary)
        events.append(Event(id=f"e{n:03d}", date=value, title=text, text=text,
                            sources=[Source(a, text, "x", "2024-04-11") for a in articles]))
    return events


@settings(max_examples=300, deadline=None)
@given(reports, st.sampled_from([8, 50]))
def test_indexed_pairs_are_the_pairwise_pairs(drawn, common_min):
    """With few events per common word too, so the common-word rule is exercised."""
    events = make_events(drawn)
    words = {e.id: wording(e) for e in events}
    saved = merge.COMMON_MIN_EVENTS
    merge.COMMON_MIN_EVENTS = common_min
    try:
        assert conflict_pairs(events, words) == reference_pairs(events, words)
        assert conflict_pairs(events, words, 0.5) == reference_pairs(events, words, 0.5)
    finally:
        merge.COMMON_MIN_EVENTS = saved


@settings(max_examples=100, deadline=None)
@given(reports)
def test_merge_with_the_index_equals_merge_with_every_pair(drawn):
    """The whole merge, conflicts included, as it was with the pairwise definition."""
    indexed = [e.as_dict() for e in merge_same_events(make_events(drawn))]
    saved = merge.conflict_pairs
    merge.conflict_pairs = reference_pairs
    try:
        pairwise = [e.as_dict() for e in merge_same_events(make_events(drawn))]
    finally:
        merge.conflict_pairs = saved
    assert indexed == pairwise


def test_a_conflict_is_found_across_a_month_boundary_and_not_past_the_gap():
    text = "The council approved the repair contract for the harbour"
    story = (text.split(), set(), [])
    events = make_events([(["ledger"], "2024-03-31", story, []), (["courier"], "2024-04-01", story, []),
                          (["radio"], "2024-05-02", story, [])])
    words = {e.id: wording(e) for e in events}
    assert [(i, j) for i, j, _ in conflict_pairs(events, words)] == [(0, 1), (1, 2)]
    assert conflict_pairs(events, words) == reference_pairs(events, words)
