"""Every rule's examples from the data files: text + anchor -> expected value (or nothing)."""
import datetime as dt

import pytest

from tests.conftest import require_shared
from timeline.resolver import resolve
from timeline.resolver.data_loader import load_language
from timeline.resolver.engine import _passes

CASES = [(rule.name, *ex) for rule in load_language("en").rules for ex in rule.examples]
CASES += [("counts", *ex) for ex in load_language("en").count_examples]


def test_counts_have_examples():
    assert load_language("en").count_examples


def test_every_rule_has_an_example():
    assert all(rule.examples for rule in load_language("en").rules)


@pytest.mark.parametrize("rule,text,anchor,expected", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_rule_example(rule, text, anchor, expected):
    values = [t.value for t in resolve(text, dt.date.fromisoformat(anchor))]
    if expected is None:
        assert values == []
    else:
        assert expected in values


def _example_texts() -> list[str]:
    """Every text the data and the hard cases carry: rule, count and vocabulary examples."""
    from tests.resolver.test_hard_cases import CASES as HARD
    from tests.resolver.test_vocabulary_examples import CASES as VOCAB
    return sorted({c[2] for c in CASES} | {c[0] for c in HARD} | {c[2] for c in VOCAB})


def _dropped(texts) -> list[tuple[str, int]]:
    """(rule, text index) wherever a rule's pattern matches in a text its pre-checks reject."""
    return [(rule.name, i) for rule in load_language("en").rules if rule.requires or rule.requires_any
            for i, text in enumerate(texts) if rule.regex.search(text) and not _passes(rule, text, text.lower())]


def test_pre_checks_never_drop_a_match():
    """A rule's ``requires``/``requires_any`` only let the engine skip texts where the rule has
    no match: any text its pattern matches in must pass them (else matches silently vanish)."""
    texts = _example_texts()
    assert not [(rule, texts[i]) for rule, i in _dropped(texts)]


def test_pre_checks_never_drop_a_match_in_the_dev_corpus():
    """The same promise over real news: the shared dev corpus (skipped when absent, not under CI)."""
    dev = require_shared("tempeval", "dev")
    assert not _dropped([path.read_text(encoding="utf-8") for path in sorted(dev.glob("*.txt"))])
