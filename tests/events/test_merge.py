"""Merging one event from several articles, conflicts, and the labelled pairs behind the thresholds."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
import yaml

from timeline.events.merge import (CONFLICT_SIMILARITY, SAME_EVENT_SIMILARITY, _name_words,
                                   conflict_wording, content_words, merge_same_events, similarity)
from timeline.events.model import Event, Source
from timeline.events.titles import strip_attribution
from timeline.periods import parse_period

PAIRS = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "event_pairs.yaml")
                       .read_text("utf-8"))["pairs"]


def words(text: str) -> frozenset[str]:
    return content_words(strip_attribution(text))


def score(pair: dict) -> float:
    return similarity(words(pair["a"]["text"]), words(pair["b"]["text"]))


def precision_recall(pairs: list[dict], threshold: float) -> tuple[float, float]:
    predicted = [score(p) >= threshold for p in pairs]
    actual = [p["label"] == "same" for p in pairs]
    tp = sum(p and a for p, a in zip(predicted, actual))
    return tp / max(1, sum(predicted)), tp / max(1, sum(actual))


def test_labelled_pairs_are_well_formed():
    keys = [(p["a"]["text"], p["b"]["text"]) for p in PAIRS]
    assert len(keys) == len(set(keys)), "duplicate pair"
    assert {p["label"] for p in PAIRS} == {"same", "different"}
    assert len(PAIRS) >= 30
    for pair in PAIRS:
        assert parse_period(str(pair["a"]["date"])) and parse_period(str(pair["b"]["date"]))


def test_merge_threshold_on_same_date_pairs():
    """Merging is only tried for equal dates, so that is the population that matters."""
    same_date = [p for p in PAIRS if str(p["a"]["date"]) == str(p["b"]["date"])]
    precision, recall = precision_recall(same_date, SAME_EVENT_SIMILARITY)
    assert precision >= 0.9 and recall >= 0.95, (precision, recall)


def test_conflict_threshold_on_disagreeing_dates():
    """A false conflict costs a person's time: no 'different' pair may reach the bar."""
    disagreeing = [p for p in PAIRS if str(p["a"]["date"]) != str(p["b"]["date"])
                   and parse_period(str(p["a"]["date"])).granularity
                   == parse_period(str(p["b"]["date"])).granularity]
    predicted = [conflict_wording(words(p["a"]["text"]), words(p["b"]["text"]),
                                  _name_words(p["a"]["text"]), _name_words(p["b"]["text"]))
                 for p in disagreeing]
    actual = [p["label"] == "same" for p in disagreeing]
    tp = sum(p and a for p, a in zip(predicted, actual))
    precision, recall = tp / max(1, sum(predicted)), tp / max(1, sum(actual))
    assert len(disagreeing) >= 14 and sum(actual) >= 3
    assert precision == 1.0 and recall == 1.0, (precision, recall)
    # the similarity bar alone would flag the pairs that only share a name
    assert precision_recall(disagreeing, CONFLICT_SIMILARITY)[0] < 1.0


def event(article: str, date: str, text: str, expression: str = "x") -> Event:
    return Event(id=f"{date}-{article}", date=date, title=text, text=text, confidence=0.9,
                 sources=[Source(article, text, expression, "2024-04-11")])


REPORT_A = "The engineering report on the Alder Street Bridge, released on Tuesday, concludes it can be repaired."
REPORT_B = "The city on Tuesday released the engineering report on the Alder Street Bridge."
CONTRACT_A = "The council approved the $14.2 million contract on April 23."
CONTRACT_B = "Councillors approved the $14.2 million repair contract on April 22, the Courier reported."


def test_one_event_from_two_articles():
    merged = merge_same_events([event("radio", "2024-04-09", REPORT_A, "on Tuesday"),
                                event("courier", "2024-04-09", REPORT_B, "on Tuesday")])
    assert len(merged) == 1
    assert [s.article for s in merged[0].sources] == ["courier", "radio"]
    assert merged[0].confidence == 0.95


def test_same_article_is_never_merged_with_itself():
    merged = merge_same_events([event("radio", "2024-04-09", REPORT_A),
                                event("radio", "2024-04-09", REPORT_B)])
    assert len(merged) == 2


def test_disagreeing_dates_are_kept_and_flagged():
    merged = merge_same_events([event("ledger", "2024-04-23", CONTRACT_A, "April 23"),
                                event("courier", "2024-04-22", CONTRACT_B, "April 22")])
    assert len(merged) == 2
    by_date = {e.date: e for e in merged}
    assert by_date["2024-04-23"].conflict == [
        {"event": "2024-04-22-courier", "date": "2024-04-22", "articles": ["courier"]}]
    assert by_date["2024-04-22"].conflict[0]["date"] == "2024-04-23"


def test_a_boilerplate_sentence_lists_only_its_closest_conflicts():
    """Hundreds of copies with different figures must not list each other: size stays linear."""
    from timeline.events.merge import MAX_CONFLICTS

    from datetime import date, timedelta

    def day(n: int) -> str:
        return (date(2024, 3, 1) + timedelta(days=n)).isoformat()

    copies = [event(f"paper{n:03d}", day(n), "The decision affects about N households in the city")
              for n in range(40)]
    copies.append(event("paper999", day(-10),
                        "The decision affects about N households in the harbour district"))
    merged = merge_same_events(copies)
    assert len(merged) == 41
    assert all(0 < len(e.conflict) <= MAX_CONFLICTS for e in merged)
    odd = next(e for e in merged if e.date == day(-10))
    assert len(odd.conflict) == MAX_CONFLICTS
    # the closest reports are kept: identical wording beats a less similar, earlier date
    assert all(c["date"] != day(-10) for e in merged if e.date != day(-10) for c in e.conflict)


def test_the_same_wording_months_apart_is_a_recurring_thing_not_a_conflict():
    hearing = "A public hearing on the library renovation is scheduled for that day at city hall"
    far = merge_same_events([event("a", "2024-03-05", hearing), event("b", "2024-09-17", hearing)])
    near = merge_same_events([event("a", "2024-03-05", hearing), event("b", "2024-03-06", hearing)])
    assert all(not e.conflict for e in far) and all(e.conflict for e in near)


def test_different_granularity_is_no_conflict():
    merged = merge_same_events([event("ledger", "2024-04-23", CONTRACT_A),
                                event("courier", "2024-04", CONTRACT_B)])
    assert all(not e.conflict for e in merged)


@pytest.mark.parametrize("seed", range(5))
def test_result_does_not_depend_on_input_order(seed):
    def fresh() -> list[Event]:
        return [event("radio", "2024-04-09", REPORT_A), event("courier", "2024-04-09", REPORT_B),
                event("ledger", "2024-04-23", CONTRACT_A), event("courier", "2024-04-22", CONTRACT_B),
                event("wire", "2024-04-09", REPORT_B)]
    expected = [e.as_dict() for e in merge_same_events(fresh())]
    shuffled = fresh()
    random.Random(seed).shuffle(shuffled)
    assert [e.as_dict() for e in merge_same_events(shuffled)] == expected


def test_a_plan_that_happened_is_no_longer_planned():
    plan = event("ledger", "2024-04-09", REPORT_A)
    plan.status = "planned"
    merged = merge_same_events([plan, event("courier", "2024-04-09", REPORT_B)])
    assert len(merged) == 1 and merged[0].status is None


SENTENCES = [REPORT_A, REPORT_B, CONTRACT_A, CONTRACT_B, "The ferry carried its first passengers.",
             "Barriers went up at both ends of the bridge."]


@given(st.lists(st.tuples(st.sampled_from(["ledger", "courier", "radio", "wire"]),
                          st.sampled_from(["2024-04-09", "2024-04-22", "2024-04-23", "2024-04"]),
                          st.sampled_from(SENTENCES)), max_size=12, unique=True),
       st.randoms(use_true_random=False))
def test_merge_is_order_independent_for_any_input(reports, rnd):
    def fresh() -> list[Event]:
        return [Event(id=f"{d}-{a}-{SENTENCES.index(t)}", date=d, title=t, text=t,
                      sources=[Source(a, t, "x", "2024-04-11")]) for a, d, t in reports]
    expected = [e.as_dict() for e in merge_same_events(fresh())]
    shuffled = fresh()
    rnd.shuffle(shuffled)
    assert [e.as_dict() for e in merge_same_events(shuffled)] == expected
    assert sum(len(e["sources"]) for e in expected) == len(reports), "no report is lost"
