"""Load a language's vocabularies and rules (YAML data) and compile them once.

`{name}` in a rule pattern expands to a named group over vocabulary `name`, `{name_words}`
to the same alternation without a group, and a fragment name to the fragment's text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

try:  # the regex parser, to read which characters a pattern can start with
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # Python < 3.11
    import sre_constants as _sre
    import sre_parse as _sre_parse
from functools import lru_cache
from pathlib import Path

import yaml

from timeline.resolver.index import RuleIndex, build_index

DATA_DIR = Path(__file__).parent / "data"


class ResolverDataError(ValueError):
    """A data file is malformed: carries the file, the rule and what was expected."""


@dataclass(frozen=True)
class Rule:
    """One named pattern with the normalizer (`kind`) that turns its match into a value."""

    name: str
    regex: re.Pattern
    kind: str
    params: dict = field(default_factory=dict)
    examples: tuple = ()
    requires: re.Pattern | None = None
    #: Lower-case substrings, one of which every match contains (checked before ``requires``).
    requires_any: tuple = ()


@dataclass(frozen=True)
class Language:
    """Compiled data for one language: vocabularies (surface form -> value) and rules."""

    code: str
    vocab: dict
    rules: tuple
    #: Text allowed between a clock time and a day that read as one point:
    #: ``time_day`` for "10 p.m. Wednesday", ``day_time`` for "Nov. 9 at 5 p.m.".
    joiners: dict = field(default_factory=dict)
    #: Tense cues: ``future`` (a regex that puts a sentence in the future), ``past_before``
    #: (a regex that, right before an expression, keeps it in the past: "said Tuesday"),
    #: ``past_verb_before`` (a past-tense verb right before it: "opened on Jan. 5"),
    #: ``future_verb_before`` (a scheduling verb right before it: "opens Saturday"),
    #: ``opening_before``/``opening_future`` (an expression that opens its sentence, and a
    #: main clause after it that speaks of the future: "On Tuesday, the league plans to"),
    #: ``possessive``/``possessive_ahead`` (a day that owns an event, "Wednesday's ruling", and
    #: the words right before it that put it ahead: "ahead of Friday's vote"), the other cues
    #: rules.yaml documents in its ``tense`` section (``onset_before``, ``embedded_past``,
    #: ``plan_undone``...), and ``before``/``after`` (how many characters around the
    #: expression are searched).
    tense: dict = field(default_factory=dict)
    #: When a bare number counts things instead of naming a year (see ``_compile_counts``).
    counts: dict = field(default_factory=dict)
    #: Examples of the ``counts`` section: [text, anchor, expected value or None].
    count_examples: tuple = ()
    #: Where each rule may start (see ``index``); None: every rule scans the whole text.
    index: RuleIndex | None = None
    #: The words read as capitalized when the text sets them in capitals, in capitals ("MARCH").
    capitals: frozenset = frozenset()
    #: Other cues the engine looks for around an expression (``cues`` in rules.yaml), by name.
    cues: dict = field(default_factory=dict)


def alternation(words) -> str:
    """A regex alternative of `words`, longest first (so "sept" is not read as "sep"), spaces
    matching any white space."""
    forms = sorted((str(w) for w in words), key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)


def _expand(pattern: str, vocab: dict, fragments: dict, where: str) -> str:
    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name in fragments:
            return _expand(fragments[name], vocab, fragments, where)
        if name.endswith("_words") and name[:-6] in vocab:
            return f"(?:{alternation(vocab[name[:-6]])})"
        if name in vocab:
            return f"(?P<{name}>{alternation(vocab[name])})"
        raise ResolverDataError(f"{where}: unknown reference {{{name}}}")
    return re.sub(r"\{([a-z_]+)\}", sub, pattern)


def _read_yaml(path: Path):
    try:
        # libyaml's safe loader when PyYAML has it: same data, ~5x faster, and every
        # process that resolves dates reads these files once
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (safe)
    except (OSError, yaml.YAMLError) as exc:
        raise ResolverDataError(f"{path}: cannot load resolver data: {exc}") from exc


def case_flexible(pattern: str) -> str:
    """`pattern` with every word-initial letter matching both cases ("the" -> "[tT]he").

    Matching lower-case and capitalized words this way is ~2.5x faster than re.IGNORECASE;
    ALL-CAPS text is not matched (news bodies are in normal case).
    """
    out, i, n, prev_letter, in_class = [], 0, len(pattern), False, False
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            prev_letter = False
            continue
        if in_class:
            out.append(c)
            if c == "]":
                in_class = False
            elif c.islower() and pattern[i - 1] != "-" and pattern[i + 1:i + 2] != "-":
                out.append(c.upper())
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
        elif pattern.startswith("(?P<", i) or pattern.startswith("(?P=", i):
            j = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i:j + 1])
            i = j + 1
            prev_letter = False
            continue
        elif c == "(" and pattern.startswith("?", i + 1):
            j = i + 2
            while j < n and pattern[j] in "<=!:aiLmsux-":
                j += 1
                if pattern[j - 1] in "=!:":
                    break
            out.append(pattern[i:j])
            i = j
            prev_letter = False
            continue
        elif c.isalpha():
            out.append(f"[{c.lower()}{c.upper()}]" if not prev_letter and c.lower() != c.upper() else c)
            prev_letter = True
            i += 1
            continue
        else:
            out.append(c)
        prev_letter = False
        i += 1
    return "".join(out)


def _first_chars(items) -> tuple[set | None, bool]:
    """The characters a parsed pattern can start with, and whether it can match empty.

    None when unknown (any character, a category other than digits, an unusual operator).
    """
    out: set = set()
    for op, av in items:
        if op is _sre.LITERAL:
            return out | {chr(av)}, False
        if op is _sre.IN:
            for o, a in av:
                if o is _sre.LITERAL:
                    out.add(chr(a))
                elif o is _sre.RANGE:
                    out.update(chr(c) for c in range(a[0], a[1] + 1))
                elif o is _sre.CATEGORY and a is _sre.CATEGORY_DIGIT:
                    out.update("0123456789")
                else:
                    return None, False
            return out, False
        if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue  # zero-width
        if op is _sre.SUBPATTERN:
            if av[1] & _sre.SRE_FLAG_IGNORECASE:
                return None, False  # (?i:...): the characters would need both cases
            alternatives, repeat_min = [list(av[-1])], 1
        elif op is _sre.BRANCH:
            alternatives, repeat_min = [list(a) for a in av[1]], 1
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            alternatives, repeat_min = [list(av[2])], av[0]
        else:
            return None, False
        nullable = repeat_min == 0
        for alt in alternatives:
            chars, empty = _first_chars(alt)
            if chars is None:
                return None, False
            out |= chars
            nullable = nullable or empty
        if not nullable:
            return out, False
    return out, True


def _with_first_char_check(pattern: str) -> str:
    """`pattern` behind a lookahead on the characters it can start with (same matches).

    Python's regex engine tries a pattern at every position; failing on the first character
    before the lookbehinds and alternations cuts the scanning time by about a quarter.
    """
    try:
        chars, nullable = _first_chars(_sre_parse.parse(pattern))
    except (RecursionError, TypeError, ValueError, IndexError):
        return pattern
    if not chars or nullable:
        return pattern
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])(?:" + pattern + ")"


def _requires_any(spec, vocab: dict, where: str) -> tuple[str, ...]:
    """A rule's ``requires_any``: a list of words, or ``{vocabulary: NAME}`` for every surface
    form of a vocabulary (so a new holiday needs no second list to be found)."""
    if isinstance(spec, dict):
        words = _vocabulary_named(vocab, spec.get("vocabulary"), f"{where}: requires_any")
        return tuple(sorted(str(w).lower() for w in words))
    return tuple(str(w).lower() for w in spec or ())


@lru_cache(maxsize=8)
def vocabulary(code: str) -> dict[str, dict]:
    """A language's vocabularies (name -> lower-case surface form -> value), without
    compiling its rules: for readers that only need words, like date lines."""
    base = DATA_DIR / code
    if not base.is_dir():
        raise ResolverDataError(f"no resolver data for language {code!r} (expected {base})")
    raw = _read_yaml(base / "vocabulary.yaml")
    return {k: {str(w).lower(): v for w, v in d.items()} for k, d in raw.items()}


@lru_cache(maxsize=None)
def calendar_table(name: str) -> dict:
    """Year -> the days ("MM-DD") of a holiday of a lunar or lunisolar calendar, from
    ``data/calendar_tables.yaml`` (read once, when a text first names such a holiday)."""
    tables = _calendar_tables()
    if name not in tables:
        raise ResolverDataError(f"{DATA_DIR / 'calendar_tables.yaml'}: no table {name!r}")
    return tables[name]


@lru_cache(maxsize=1)
def _calendar_tables() -> dict:
    raw = _read_yaml(DATA_DIR / "calendar_tables.yaml")
    return {name: {int(year): tuple(days) for year, days in table.items()} for name, table in raw.items()}


@lru_cache(maxsize=8)
def load_language(code: str) -> Language:
    """Read and compile `data/<code>/`; cached per language (immutable result)."""
    vocab = vocabulary(code)  # also where a missing language is reported
    base = DATA_DIR / code
    spec = _read_yaml(base / "rules.yaml")
    fragments = spec.get("fragments", {})
    rules = []
    for i, r in enumerate(spec["rules"]):
        where = f"{base / 'rules.yaml'} rule #{i} {r.get('name')!r}"
        for key in ("name", "pattern", "kind", "examples"):
            if key not in r:
                raise ResolverDataError(f"{where}: missing field {key!r}")
        try:
            rx = re.compile(_with_first_char_check(
                case_flexible(_expand(r["pattern"], vocab, fragments, where))))
        except re.error as exc:
            raise ResolverDataError(f"{where}: bad pattern: {exc}") from exc
        try:
            req = re.compile(case_flexible(r["requires"])) if r.get("requires") else None
        except re.error as exc:
            raise ResolverDataError(f"{where}: bad requires: {exc}") from exc
        rules.append(Rule(r["name"], rx, r["kind"], dict(r.get("params") or {}),
                          tuple(tuple(e) for e in r["examples"]), req,
                          _requires_any(r.get("requires_any"), vocab, where)))
    try:
        joiners = {k: re.compile(v) for k, v in (spec.get("joiners") or {}).items()}
    except re.error as exc:
        raise ResolverDataError(f"{base / 'rules.yaml'}: bad joiner: {exc}") from exc
    raw_tense = spec.get("tense") or {}
    try:
        # behind a check of their first character, as rules are: they are searched around
        # every expression, and under re.I the engine cannot skip an alternative on its first
        # character (the check, compiled with the same flags, matches the same characters)
        tense = {"future": re.compile(_with_first_char_check(raw_tense.get("future", "(?!)")), re.I),
                 "past_before": re.compile(_with_first_char_check(raw_tense.get("past_before", "(?!)")), re.I),
                 "past_verb_before": re.compile(_with_first_char_check(raw_tense.get("past_verb_before", "(?!)"))),
                 "future_verb_before": re.compile(_with_first_char_check(raw_tense.get("future_verb_before", "(?!)"))),
                 "future_phrase_before": re.compile(_with_first_char_check(raw_tense.get("future_phrase_before", "(?!)"))),
                 **{key: re.compile(raw_tense.get(key, "(?!)"))
                    for key in ("opening_before", "opening_future", "possessive", "possessive_ahead",
                                "embedded_past", "onset_before", "onset_past",
                                "onset_clause_past", "attributive_before", "attributive_after",
                                "event_noun_tail", "new_clause", "plan_undone", "saying_before",
                                "scheduled_event", "scheduled_event_schedule", "past_verb_after")},
                 "before": int(raw_tense.get("before", 80)), "after": int(raw_tense.get("after", 12))}
    except (re.error, TypeError, ValueError) as exc:
        raise ResolverDataError(f"{base / 'rules.yaml'}: bad tense cues: {exc}") from exc
    counts = spec.get("counts") or {}
    try:
        compiled_counts = _compile_counts(counts) if counts else {}
    except (re.error, TypeError, KeyError) as exc:
        raise ResolverDataError(f"{base / 'rules.yaml'}: bad counts section: {exc}") from exc
    capitals = frozenset(str(w).upper() for name in spec.get("capitals") or ()
                         for w in _vocabulary_named(vocab, name, f"{base / 'rules.yaml'}: capitals")
                         if str(w).isalpha() and len(str(w)) >= 3)
    try:
        cues = {k: re.compile(v) for k, v in (spec.get("cues") or {}).items()}
    except (re.error, TypeError, AttributeError) as exc:
        raise ResolverDataError(f"{base / 'rules.yaml'}: bad cue: {exc}") from exc
    return Language(code, vocab, tuple(rules), joiners, tense, compiled_counts,
                    tuple(tuple(e) for e in counts.get("examples") or ()), build_index(rules), capitals, cues)


def _vocabulary_named(vocab: dict, name: str, where: str) -> dict:
    """The vocabulary `name` of a language, or one clear error saying `where` it was named."""
    if name not in vocab:
        raise ResolverDataError(f"{where} names no vocabulary: {name!r}")
    return vocab[name]


def _compile_counts(spec: dict) -> dict:
    """The `counts` word lists as regexes over the text around a number.

    ``quantity_before``/``time_before``: a quantity word / a preposition of time right before
    it; ``plural_after``: the noun after it (one modifier allowed between), as group ``noun``;
    ``count_nouns``/``year_nouns``: sets of lower-case nouns.
    """
    before = r"\b(?:{})\s+$"
    return {
        "quantity_before": re.compile(before.format(alternation(spec["quantity_words"])), re.I),
        "time_before": re.compile(before.format(alternation(spec["prepositions_of_time"])), re.I),
        "plural_after": re.compile(r"\s+(?:(?:{})\s+)?(?P<noun>[A-Za-z]+(?<![sui])s|{})\b(?!['’-])".format(
            alternation(spec["modifiers"]), alternation(spec["count_nouns"])), re.I),
        "count_nouns": frozenset(str(w).lower() for w in spec["count_nouns"]),
        "year_nouns": frozenset(str(w).lower() for w in spec["year_nouns"]),
    }
