"""The rule index finds exactly what scanning the whole text with every rule finds."""
from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.resolver.data_loader import Rule, case_flexible, load_language, _with_first_char_check
from timeline.resolver.engine import _candidates, _passes
from timeline.resolver.index import (build_index, char_classes, prefixes, starts_after_non_word,
                                     _sre_parse)

LANG = load_language("en")


def _scan_all(text: str, lang) -> list:
    """The engine's candidates as it found them before the index: finditer per rule."""
    out, lower = [], text.lower()
    for idx, rule in enumerate(lang.rules):
        if not _passes(rule, text, lower):
            continue
        for m in rule.regex.finditer(text):
            s, e = m.span()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, -(e - s), idx, m.span(), m.groupdict()))
    return sorted(out, key=lambda c: c[:3])


def _found(text: str, lang) -> list:
    return [(s, n, i, m.span(), m.groupdict()) for s, n, i, m in _candidates(text, lang)]


EXAMPLES = [ex[0] for rule in LANG.rules for ex in rule.examples]
WORDS = st.sampled_from(sorted({w for ex in EXAMPLES for w in re.split(r"(\s+)", ex)} |
                               {"THE", "Last", "é", "’90s", "\u00a0", "\u0663", "—", "-", "  ", "\n\n"}))


def test_every_rule_is_indexed():
    assert LANG.index is not None and LANG.index.unindexed == ()


def test_examples_joined_give_the_same_candidates():
    text = " ".join(EXAMPLES)
    for variant in (text, text.upper(), text.lower(), text.title(), text.replace(" ", "\u00a0"),
                    text.replace("'", "’").replace("1", "\u0661")):
        assert _found(variant, LANG) == _scan_all(variant, LANG)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=40).map("".join))
def test_any_text_gives_the_same_candidates(text):
    assert _found(text, LANG) == _scan_all(text, LANG)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_characters_give_the_same_candidates(text):
    assert _found(text, LANG) == _scan_all(text, LANG)


def test_each_match_starts_with_a_prefix_of_its_rule():
    text = " ".join(EXAMPLES)
    classes = char_classes(text)
    for rule in LANG.rules:
        found = prefixes(_sre_parse.parse(rule.regex.pattern))
        for m in rule.regex.finditer(text):
            assert any(classes.startswith(p, m.start()) for p in found), (rule.name, m.group())


def test_char_classes_keep_positions():
    text = "Last MAY, 2024\u00a0é’s 5\u0663_"  # \d and \s beyond ASCII are digits and spaces
    classes = char_classes(text)
    assert len(classes) == len(text)
    assert classes == "last may, 0000 \x80\x80s 00_"


def _rule(name: str, pattern: str) -> Rule:
    return Rule(name, re.compile(_with_first_char_check(case_flexible(pattern))), "ref")


def test_patterns_the_index_cannot_read_are_scanned():
    rules = (_rule("any_first", r".*now"), _rule("ignorecase", r"(?i:now)"),
             _rule("mid_word", r"now"), _rule("ok", r"(?<![\w])now"),
             _rule("after_space", r"(?<=\bin\s)now"))
    index = build_index(rules)
    assert index.unindexed == (0, 1, 2)
    lang = replace(LANG, rules=rules, index=index)
    text = "Now, knownow in now? (now) in\u00a0now ignoreNOW"
    assert _found(text, lang) == _scan_all(text, lang)


def test_start_after_non_word():
    def parse(p):
        return _sre_parse.parse(p)
    assert starts_after_non_word(parse(r"(?=[a])(?:(?<![\w$])a)")) is True
    assert starts_after_non_word(parse(r"(?:(?<=\bon\s)|(?<=\bby\s))a")) is True
    assert starts_after_non_word(parse(r"(?<=\d[-–])\d")) is True
    assert starts_after_non_word(parse(r"(?:(?<=\bon\s)|(?<=x))a")) is False
    assert starts_after_non_word(parse(r"(?<![^\w])a")) is False
    assert starts_after_non_word(parse(r"a(?<![\w])")) is False
