"""Story anchors: fire on the republished seed, never on ordinary news."""
from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import require_shared
from timeline.articles import load_articles
from timeline.articles.story_anchor import explicit_days, infer_story_anchor

TODAY = date(2026, 11, 22)

#: A republished story in miniature: one story day, weekdays told around it in the past.
REPUBLISHED = (
    "The two leaders commenced their talks on September 13 with a handshake. "
    "Kim arrived by train on Tuesday. The Kremlin released a video on Wednesday. "
    "Analysts said the Wednesday summit was crucial.")


def test_fires_on_a_republished_story():
    story = infer_story_anchor(REPUBLISHED, date(2023, 10, 4))
    assert story is not None and story.anchor == date(2023, 9, 13)
    assert "September 13" in story.reason and "2023-10-04" in story.reason


@pytest.mark.parametrize("change, why", [
    (lambda t: t.replace("on September 13", "on October 2"), "story day too close"),
    (lambda t: t.replace("on September 13", "on July 13"), "story day too far back"),
    (lambda t: t + " Officials met again on September 28.", "a later explicit day"),
    (lambda t: t + " The talks ended yesterday.", "the writer speaks from the publication day"),
    (lambda t: t + " Putin will fly home on Thursday.", "a weekday in the future"),
    (lambda t: t.replace("Analysts said the Wednesday summit was crucial.", ""), "too few weekdays"),
    (lambda t: t.replace("on Tuesday", "on Saturday"), "a weekday far from the story day"),
])
def test_does_not_fire_without_consistent_evidence(change, why):
    assert infer_story_anchor(change(REPUBLISHED), date(2023, 10, 4)) is None, why


def test_explicit_days_take_the_latest_year_not_after_publication():
    found = dict((phrase, day) for day, phrase in explicit_days(
        "On Dec. 30 and on 2 January, and on March 3, 2021.", date(2024, 1, 5)))
    assert found == {"Dec. 30": date(2023, 12, 30), "2 January": date(2024, 1, 2),
                     "March 3, 2021": date(2021, 3, 3)}


def test_seed_anchors(seeds_dir):
    articles = {a.id: a for a in load_articles([seeds_dir], TODAY)}
    first, second = articles["putin-kim-vostochny"], articles["kim-putin-military-matters"]
    assert first.published == date(2023, 10, 4)
    assert (first.anchor, first.anchor_source) == (date(2023, 9, 13), "inferred")
    assert "September 13" in first.anchor_reason
    assert (second.anchor, second.anchor_source, second.anchor_reason) == (
        date(2023, 10, 2), "published", None)


def test_anchor_overrides_win(seeds_dir):
    overrides = {"kim-putin-military-matters": date(2023, 9, 13),
                 "putin-kim-vostochny": date(2023, 10, 4)}
    articles = {a.id: a for a in load_articles([seeds_dir], TODAY, anchor_overrides=overrides)}
    for article_id, anchor in overrides.items():
        assert articles[article_id].anchor == anchor
        assert articles[article_id].anchor_source == "events file"
        assert articles[article_id].anchor_reason is None


def test_never_fires_on_ordinary_news():
    """TempEval dev: the publication date is right for all 256 articles, so no firing may
    change an anchor (value F1 cannot drop if no anchor changes)."""
    corpus = require_shared("tempeval", "dev")
    fired = []
    gold = sorted(corpus.glob("*.json"))
    assert len(gold) >= 200
    for path in gold:
        dct = date.fromisoformat(json.loads(path.read_text("utf-8"))["dct"])
        story = infer_story_anchor(path.with_suffix(".txt").read_text("utf-8"), dct)
        if story is not None and story.anchor != dct:
            fired.append(f"{path.stem}: {story.reason}")
    assert not fired, "\n".join(fired)
