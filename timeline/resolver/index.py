"""Which rules can match where: an index from the first characters of a match to the rules.

Running every rule's regex over the whole text was most of the resolver's time: Python's regex
engine tries each pattern at every position. Nearly every match starts at a word, and its
first few characters are one of a small known set ("the ", "last", "0 ye"...). The index reads
those sets off the compiled patterns, so the engine tries a rule only at the word starts whose
first characters one of its matches could begin with, and gets exactly the matches that
``finditer`` would have given (see ``engine._candidates``). A rule whose start cannot be worked
out (a wildcard first, a case-insensitive group...) is left out and scanned as before.

Characters are compared by class (``char_classes``): every digit (``\\d``) as ``0``, every
white space (``\\s``) as a space, ASCII letters in lower case, other ASCII as it is, the rest
as ``\\x80``; the same map is applied to the text and to the patterns' characters, so a
match's classes are always in the rule's set.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

try:
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # Python < 3.11
    import sre_constants as _sre
    import sre_parse as _sre_parse

#: How many characters of a match (by class) the index looks at.
KEY_LEN = 6
#: Above this many prefixes for one rule, shorter ones are used (keeps building fast).
MAX_PREFIXES = 1000

_WORD = re.compile(r"\w")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_CLASS = "\x80"


def _class_of(c: str) -> str:
    if c.isdecimal():  # what \d matches
        return "0"
    if c.isspace():  # what \s matches
        return " "
    return c.lower() if c.isascii() else _NON_ASCII_CLASS


_TABLE = str.maketrans({chr(i): _class_of(chr(i)) for i in range(128)})
_NON_ASCII_DIGIT = re.compile(r"(?![\x00-\x7f])\d")
_NON_ASCII_SPACE = re.compile(r"(?![\x00-\x7f])\s")


def char_classes(text: str) -> str:
    """`text` with each character replaced by its class (same length, same positions)."""
    out = text.translate(_TABLE)
    if text.isascii():
        return out
    out = _NON_ASCII_SPACE.sub(" ", _NON_ASCII_DIGIT.sub("0", out))
    return _NON_ASCII.sub(_NON_ASCII_CLASS, out)


class _Unknown(Exception):
    """A part of a pattern whose characters are not followed: any text may come from there."""


class _TooMany(Exception):
    """The prefixes of a pattern outgrew ``MAX_PREFIXES``: a shorter length is tried."""


def _classes(op, av) -> set[str]:
    """The classes of the characters one LITERAL or IN item matches."""
    if op is _sre.LITERAL:
        return {_class_of(chr(av))}
    if op is not _sre.IN:
        raise _Unknown
    out: set[str] = set()
    for o, a in av:
        if o is _sre.LITERAL:
            out.add(_class_of(chr(a)))
        elif o is _sre.RANGE:
            if a[1] - a[0] > 1024:
                raise _Unknown
            out.update(_class_of(chr(c)) for c in range(a[0], a[1] + 1))
        elif o is _sre.CATEGORY and a is _sre.CATEGORY_DIGIT:
            out.add("0")
        elif o is _sre.CATEGORY and a is _sre.CATEGORY_SPACE:
            out.add(" ")
        else:  # NEGATE, \w, other categories
            raise _Unknown
    return out


def _extend(active: set[str], items, done: set[str], length: int) -> set[str]:
    """Extend the prefixes in `active` by `items`; those that are complete go to `done`.

    A prefix is complete when it has `length` classes or when what follows is not followed
    (end of the pattern, an unknown part): it then stands for any text starting with it.
    """
    for op, av in items:
        if not active:
            break
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero-width: leaving a condition out only widens the set
        try:
            if op is _sre.LITERAL or op is _sre.IN:
                chars = _classes(op, av)
                grown: set[str] = set()
                for p in active:
                    for c in chars:
                        q = p + c
                        (done if len(q) >= length else grown).add(q)
                active = grown
            elif op is _sre.SUBPATTERN:
                if av[1] & _sre.SRE_FLAG_IGNORECASE:
                    raise _Unknown
                active = _extend(active, av[3], done, length)
            elif op is _sre.BRANCH:
                grown = set()
                for alt in av[1]:
                    grown |= _extend(active, alt, done, length)
                active = grown
            elif op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT:
                low, high, sub = av
                for _ in range(low):
                    active = _extend(active, sub, done, length)
                seen, front, n = set(active), active, low
                while front and n < high:  # every count of repeats from `low` on
                    front = _extend(front, sub, done, length) - seen
                    seen |= front
                    n += 1
                active = seen
            else:
                raise _Unknown
        except _Unknown:
            done |= active
            active = set()
        if len(active) + len(done) > MAX_PREFIXES:
            raise _TooMany
    return active


def prefixes(parsed) -> frozenset[str] | None:
    """The first classes of every match of a parsed pattern, the longest within the limits.

    Each string stands for the matches that start with it; None when a match could be empty
    or start with anything (the pattern then cannot be indexed).
    """
    state = getattr(parsed, "state", None) or parsed.pattern  # named .pattern before 3.11
    if state.flags & _sre.SRE_FLAG_IGNORECASE:
        return None
    for length in range(KEY_LEN, 0, -1):
        done: set[str] = set()
        try:
            done |= _extend({""}, parsed, done, length)
        except (_TooMany, RecursionError):
            continue
        return None if "" in done else frozenset(done)
    return None


def _non_word_before(op, av) -> bool:
    """Whether a lookbehind's last item only matches characters that are not word characters."""
    if op is _sre.LITERAL:
        return not _WORD.match(chr(av))
    if op is _sre.IN:
        return all((o is _sre.LITERAL and not _WORD.match(chr(a))) or
                   (o is _sre.CATEGORY and a in (_sre.CATEGORY_SPACE, _sre.CATEGORY_NOT_WORD))
                   for o, a in av)
    return False


def starts_after_non_word(items) -> bool | None:
    """Whether the pattern only matches where no word character comes right before.

    Read from the lookbehinds before the first character: ``(?<![\\w...])`` or one that ends
    on a space or punctuation (``(?<=\\bin\\s)``). None when the items are all zero-width
    and say nothing (the caller reads on), False when it cannot be told.
    """
    for op, av in items:
        if op is _sre.ASSERT_NOT:
            direction, sub = av
            sub = list(sub)
            if direction < 0 and len(sub) == 1 and sub[0][0] is _sre.IN and \
                    (_sre.CATEGORY, _sre.CATEGORY_WORD) in sub[0][1] and \
                    all(o is not _sre.NEGATE for o, _ in sub[0][1]):
                return True
        elif op is _sre.ASSERT:
            direction, sub = av
            sub = list(sub)
            if direction < 0 and sub and _non_word_before(*sub[-1]):
                return True
        elif op is _sre.AT:
            pass
        elif op is _sre.SUBPATTERN:
            found = starts_after_non_word(av[3])
            if found is not None:
                return found
        elif op is _sre.BRANCH:
            return all(starts_after_non_word(alt) is True for alt in av[1])
        else:
            return False
    return None


@dataclass(frozen=True)
class RuleIndex:
    """Where each rule of a language may start (built once per language, read-only)."""

    #: Finds, in the text's classes (``char_classes``), the word starts where some indexed
    #: rule may begin (zero-width matches; a few more than in the text itself, never fewer);
    #: group 1 is the longest key of ``by_prefix`` there, the one that gives the rules.
    starts: re.Pattern
    #: Prefix (by class, up to ``KEY_LEN``) -> indices of the rules a match there may be of:
    #: those with a prefix that begins the key. Prefix-closed.
    by_prefix: dict
    #: Rules left out of the index: scanned over the whole text.
    unindexed: tuple


def _key_regex(children: dict, by_prefix: dict, prefix: str = "") -> str:
    """A regex matching the longest key of `by_prefix` with rules that begins the text.

    A trie: at each key the longer keys are tried first (they begin with distinct characters,
    so at most one can go on), the key itself last and only if it has rules.
    """
    alternatives = [re.escape(c) + _key_regex(children, by_prefix, prefix + c)
                    for c in sorted(children.get(prefix, ()))]
    if prefix and by_prefix[prefix]:
        alternatives.append("")
    if not alternatives:
        return "(?!)"
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def build_index(rules) -> RuleIndex:
    """The index of `rules` (a language's compiled rules, in order)."""
    own: dict[str, set[int]] = {}
    unindexed = []
    for i, rule in enumerate(rules):
        parsed = _sre_parse.parse(rule.regex.pattern, rule.regex.flags)
        found = prefixes(parsed)
        if found is None or starts_after_non_word(parsed) is not True:
            unindexed.append(i)
            continue
        for p in found:
            own.setdefault(p, set()).add(i)
    # every prefix of a rule's prefix is a key, with the rules of all its prefixes that are
    # some rule's: the longest key that begins the text at a position gives all its rules
    closure = {p[:j] for p in own for j in range(1, len(p) + 1)}
    by_prefix: dict[str, tuple] = {}
    for p in sorted(closure, key=len):
        above = by_prefix.get(p[:-1], ())
        by_prefix[p] = tuple(sorted(own[p].union(above))) if p in own else above
    children: dict[str, set[str]] = {}
    for p in by_prefix:
        children.setdefault(p[:-1], set()).add(p[-1])
    starts = re.compile(r"(?<!\w)(?=(" + _key_regex(children, by_prefix) + "))")
    return RuleIndex(starts, by_prefix, tuple(unindexed))
