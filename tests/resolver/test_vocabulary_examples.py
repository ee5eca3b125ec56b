"""Every vocabulary entry has an example (data/en/vocabulary_examples.yaml), and it resolves."""
import datetime as dt

import pytest
import yaml

from timeline.resolver import resolve
from timeline.resolver.data_loader import DATA_DIR, vocabulary

DATA = yaml.safe_load((DATA_DIR / "en" / "vocabulary_examples.yaml").read_text(encoding="utf-8"))
ANCHOR = DATA["anchor"] if isinstance(DATA["anchor"], dt.date) else dt.date.fromisoformat(DATA["anchor"])
CASES = [(name, word, example[0], example[1], example[2] if len(example) > 2 else None)
         for name, entries in DATA["examples"].items() for word, example in entries.items()]


def test_every_vocabulary_entry_has_an_example():
    missing = [f"{name}: {word}" for name, entries in vocabulary("en").items() for word in entries
               if word not in DATA["examples"].get(name, {})]
    assert not missing, "add examples to vocabulary_examples.yaml for: " + ", ".join(missing)


def test_no_example_for_an_entry_that_is_gone():
    entries = vocabulary("en")
    stale = [f"{name}: {word}" for name, word, *_example in CASES if word not in entries.get(name, {})]
    assert not stale


@pytest.mark.parametrize("name,word,text,value,mod", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_vocabulary_example(name, word, text, value, mod):
    found = [(t.text, t.value, t.mod) for t in resolve(text, ANCHOR)]
    assert any(v == value and m == mod and word in t.lower() for t, v, m in found), found
