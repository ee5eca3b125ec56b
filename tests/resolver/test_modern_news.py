"""Value precision and recall on modern news passages (tests/data/resolver/modern_news.txt).

The dev corpus is news of 1989-2000; these 3,444 passages are of 2008-2026 (AP, Reuters, BBC,
newspaper and press-release style: datelines, "said Thursday", "starting Friday", time zones,
stories told in steps, local news, features and history, sports and finance, reported speech,
the English of other countries, broadcast transcripts, courts, health and science), written
for this project in thirty-two sets. An expression counts as right when one found over its
span has its value. The floors are today's figures rounded down.
"""
import datetime as dt
from pathlib import Path

import pytest

from timeline.resolver import resolve

CASES_FILE = Path(__file__).parent.parent / "data" / "resolver" / "modern_news.txt"
PRECISION_FLOOR = 0.98
RECALL_FLOOR = 0.98


def _cases() -> list[tuple[dt.date, str, list[tuple[str, str]]]]:
    cases = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        anchor, rest = line.split(" | ", 1)
        sentence, expected = rest.rsplit(" => ", 1)
        pairs = [tuple(e.strip().rsplit("=", 1)) for e in expected.split(";")] if expected.strip() != "-" else []
        cases.append((dt.date.fromisoformat(anchor.strip()), sentence, pairs))
    return cases


CASES = _cases()


def test_every_expected_expression_is_in_its_sentence_in_order():
    assert len(CASES) >= 3400
    for _, sentence, pairs in CASES:
        pos = 0
        for expression, _ in pairs:
            found = sentence.find(expression, pos)
            assert found >= 0, (sentence, expression)
            pos = found + len(expression)


def _spans(sentence: str, pairs: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    spans, pos = [], 0
    for expression, value in pairs:
        start = sentence.find(expression, pos)
        spans.append((start, start + len(expression), value))
        pos = start + len(expression)
    return spans


def test_value_precision_and_recall():
    right = gold = found_total = 0
    for anchor, sentence, pairs in CASES:
        found = resolve(sentence, anchor)
        spans = _spans(sentence, pairs)
        for start, end, value in spans:
            gold += 1
            right += value in [t.value for t in found if t.start < end and t.end > start]
        found_total += len(found)
    precision, recall = right / found_total, right / gold
    assert precision >= PRECISION_FLOOR and recall >= RECALL_FLOOR, (precision, recall)


@pytest.mark.parametrize("anchor,sentence,pairs", [c for c in CASES if not c[2]][:20])
def test_no_expression_in_trap_sentences(anchor, sentence, pairs):
    """Sentences with numbers that are not dates (scores, models, amounts) yield nothing."""
    assert resolve(sentence, anchor) == []
