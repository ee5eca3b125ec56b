"""The fast emitter writes YAML that every reader reads back as the data it was given."""
from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings, strategies as st
from ruamel.yaml import YAML

from timeline.store.emit import emit_item, emit_mapping, scalar
from timeline.store.roundtrip import plain

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
LEAF = st.none() | st.booleans() | st.integers(-10**12, 10**12) | TEXT | st.sampled_from(
    ["yes", "No", "on", "y", "~", "null", "2023-09-13", "2023-09", "1e3", "0o17", "0x1F", ".inf",
     "- item", "key: value", "a #b", "#c", "'q'", '"d"', "&a", "*a", "!tag", "|", ">", "%", "@",
     "=", "<<", "...", "---", " lead", "trail ", "tab\tin", "line\nbreak", "\x85", "\u2028",
     "caf\u00e9", "2,000 people", "12:30", "1_000", "+1", "-.5", "True", "NULL"])
DATA = st.recursive(LEAF, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(TEXT, inner, max_size=4), max_leaves=20)


def _ruamel(text: str):
    return YAML(typ="rt").load(text)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(TEXT, DATA, max_size=5), st.sampled_from([0, 2]))
def test_every_reader_reads_back_the_data(data, offset):
    text = emit_mapping({"root": data}, 0, offset)
    assert plain(yaml.safe_load(text)) == plain({"root": data})
    assert plain(_ruamel(text)) == plain({"root": data})


@pytest.mark.parametrize("value, expected", [
    ("Talks begin", "Talks begin"), ("2023-09-13", "'2023-09-13'"), ("yes", "'yes'"),
    ("it's", "it's"), ("a: b", "'a: b'"), ("line\nbreak", '"line\\nbreak"'), (None, "null"),
    (True, "true"), (0.9, "0.9"), (3, "3"), ("2015-01-01-the-daily-tern-000414",
                                             "2015-01-01-the-daily-tern-000414")])
def test_scalars_are_quoted_only_when_needed(value, expected):
    assert scalar(value) == expected


def test_the_events_file_style():
    event = {"id": "e1", "date": "2023-09-13", "title": "Talks begin", "tags": [],
             "sources": [{"article": "a1", "quote": "They met."}]}
    assert emit_item(event, 2) == (
        "  - id: e1\n    date: '2023-09-13'\n    title: Talks begin\n    tags: []\n"
        "    sources:\n      - article: a1\n        quote: They met.\n")
    assert emit_mapping({"events": [event]}, 0, 0).startswith("events:\n- id: e1\n  date:")


def test_other_types_are_refused():
    with pytest.raises(TypeError):
        emit_mapping({"when": object()})


def _resolvers_say_string(value: str) -> bool:
    """The resolvers themselves, as the emitter asked them before it read their tables."""
    from timeline.store.emit import _RESOLVER_11, _RESOLVER_12, _RuamelScalar, _STR

    return (_RESOLVER_11.resolve(yaml.ScalarNode, value, (True, False)) == _STR
            and _RESOLVER_12.resolve(_RuamelScalar, value, (True, False)) == _STR)


_SCALAR_LIKE = st.text(st.sampled_from("0123456789-+.:_eExXoObBTtZzYyNnFf ~<=abc"), max_size=14)


@settings(max_examples=1000, deadline=None)
@given(TEXT | LEAF.filter(lambda v: isinstance(v, str)) | _SCALAR_LIKE)
def test_the_first_character_table_answers_as_the_resolvers_do(value):
    from timeline.store.emit import _BAD_FIRST, _BAD_INSIDE, _LOOSE_WORDS, _plain_ok

    if not value or value[0] in _BAD_FIRST or _BAD_INSIDE.search(value) or \
            value.lower() in _LOOSE_WORDS or value.startswith(("<<", "...")) or \
            (len(value) > 64 and " " in value):
        return  # decided before the resolvers are asked
    assert _plain_ok(value) == _resolvers_say_string(value)


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXT, max_size=8))
def test_texts_worked_out_elsewhere_write_the_same(values):
    """``texts_of`` in one process, ``remember`` in another: the file is the same."""
    from timeline.store import emit

    data = {"events": [{"id": f"e{i}", "text": value, "tags": [value]} for i, value in enumerate(values)]}
    expected = emit_mapping(data)
    pairs = emit.texts_of(values)
    emit.forget()
    try:
        emit.remember(pairs)
        assert all(emit._TEXTS[value] == text for value, text in pairs)
        assert emit_mapping(data) == expected
    finally:
        emit.forget()
    assert emit_mapping(data) == expected


def test_remembered_texts_stay_until_forgotten():
    """More texts than the table's usual limit are all kept (the limit grows), then dropped."""
    from timeline.store import emit

    values = [f"text number {i}: here" for i in range(emit._TEXTS_LIMIT + 10)]
    try:
        emit.remember((value, f"'{value}'") for value in values)
        emit.scalar("one more")
        assert all(value in emit._TEXTS for value in values)
    finally:
        emit.forget()
    assert not emit._TEXTS and emit._texts_limit == emit._TEXTS_LIMIT
