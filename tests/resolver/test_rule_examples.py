"""Every rule's examples from the data files: text + anchor -> expected value (or nothing)."""
import datetime as dt

import pytest

from timeline.resolver import resolve
from timeline.resolver.data_loader import load_language

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
