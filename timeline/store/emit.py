"""Write plain data as block YAML in the events file's style, fast.

Why: ruamel.yaml's emitter costs ~4 ms per event, minutes for a large timeline, and a
fresh run or a new event has no comments or hand formatting for it to keep. This writer
handles exactly the shapes the generator produces (mappings with text keys, lists, text,
numbers, booleans, null) and quotes every string that a YAML 1.1 reader (PyYAML, the
site) or a YAML 1.2 reader (ruamel, editors) could read as anything but that string.
Anything else raises ``TypeError``; callers fall back to ruamel.
"""
from __future__ import annotations

import math
import re
from typing import Any, Iterable

import yaml
from ruamel.yaml.nodes import ScalarNode as _RuamelScalar
from ruamel.yaml.resolver import VersionedResolver

_STR = "tag:yaml.org,2002:str"
_RESOLVER_11 = yaml.resolver.Resolver()
_RESOLVER_12 = VersionedResolver(version=(1, 2))
#: Characters that may not start a plain scalar, or make one ambiguous anywhere in it.
_BAD_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@`= \t")
_BAD_INSIDE = re.compile(r": |:$| #|[\t\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]|[\ud800-\udfff]|\s$")
#: Words some YAML 1.1 readers take as booleans or null although PyYAML does not.
_LOOSE_WORDS = frozenset({"y", "n", "~", "null", "yes", "no", "on", "off", "true", "false"})
#: Printable for a single-quoted scalar: everything but controls, line breaks and surrogates.
_NOT_PRINTABLE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0",
            "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def scalar(value: Any) -> str:
    """One scalar as YAML text that every reader reads back as ``value``."""
    if type(value) is str:  # the common case first
        return _text(value)
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    if isinstance(value, str):
        return _text(value)
    raise TypeError(f"cannot write {type(value).__name__} values")


def _text(value: str) -> str:
    """``value`` as YAML text, from the table when it was written (or handed over) before."""
    known = _TEXTS.get(value)
    if known is None:
        known = _render(value)
        if len(_TEXTS) >= _texts_limit:
            _TEXTS.clear()
        _TEXTS[value] = known
    return known


#: value -> its YAML text: ids, dates, article keys and expressions repeat a lot, and
#: processes that extracted the values hand their texts over (``remember``).
_TEXTS: dict[str, str] = {}
_TEXTS_LIMIT = 1 << 16
_texts_limit = _TEXTS_LIMIT


def texts_of(values: Iterable[str]) -> list[tuple[str, str]]:
    """``(value, its YAML text)`` for each value, for ``remember`` in another process.

    Why: working out how to write a text (plain, or which quotes) is most of the cost of
    writing an events file; the processes that extract the events do it for their share,
    in parallel, and the one that writes the file only looks the answers up.
    """
    return [(value, _text(value)) for value in values]


def remember(pairs: Iterable[tuple[str, str]]) -> None:
    """Take texts worked out by ``texts_of`` (anywhere: the answer depends on the value only).

    The table grows to hold them all until ``forget``; the values are those of the file
    about to be written, so this costs a dict entry each, not another copy of the text.
    """
    global _texts_limit
    _TEXTS.update(pairs)
    _texts_limit = max(_texts_limit, 2 * len(_TEXTS))


def forget() -> None:
    """Empty the table of texts and bring its limit back (after a large file is written)."""
    global _texts_limit
    _TEXTS.clear()
    _texts_limit = _TEXTS_LIMIT


def _render(value: str) -> str:
    if _plain_ok(value):
        return value
    if not _NOT_PRINTABLE.search(value):
        if "'" in value and '"' not in value:  # "Engineers' report" reads better than ''
            return '"' + value.replace("\\", "\\\\") + '"'
        return "'" + value.replace("'", "''") + "'"
    return '"' + "".join(_escape(c) for c in value) + '"'


def _plain_ok(value: str) -> bool:
    """Plain (unquoted) only when nothing in YAML 1.1 or 1.2 reads it differently."""
    if not value or value[0] in _BAD_FIRST or _BAD_INSIDE.search(value):
        return False
    if value.lower() in _LOOSE_WORDS or value.startswith(("<<", "...")):
        return False
    if len(value) > 64 and " " in value:
        return True  # no implicit type (number, date, bool...) is that long with a space
    if _FIRST_CHARS_DECIDE:  # what both resolvers do, without their per-call overhead
        patterns = _IMPLICIT_BY_FIRST.get(value[0])
        return patterns is None or not any(pattern.match(value) for pattern in patterns)
    if _RESOLVER_11.resolve(yaml.ScalarNode, value, (True, False)) != _STR:
        return False
    return _RESOLVER_12.resolve(_RuamelScalar, value, (True, False)) == _STR


def _implicit_by_first() -> dict[str, tuple]:
    """First character -> the implicit-type patterns both resolvers try on such a scalar."""
    table: dict[str, list] = {}
    for resolvers in (_RESOLVER_11.yaml_implicit_resolvers, _RESOLVER_12.versioned_resolver):
        for first, pairs in resolvers.items():
            table.setdefault(first, []).extend(pattern for _tag, pattern in pairs)
    return {first: tuple(patterns) for first, patterns in table.items() if first}


#: Both resolvers pick the implicit types to try by a scalar's first character (no type
#: applies to every scalar, none is a string type, and there are no path resolvers): a
#: plain-safe string that none of its first character's patterns match is a string to both.
_IMPLICIT_BY_FIRST = _implicit_by_first()
_FIRST_CHARS_DECIDE = (None not in _RESOLVER_11.yaml_implicit_resolvers
                       and None not in _RESOLVER_12.versioned_resolver
                       and not _RESOLVER_11.yaml_path_resolvers
                       and not _RESOLVER_12.yaml_path_resolvers
                       and all(tag != _STR for resolvers in (_RESOLVER_11.yaml_implicit_resolvers,
                                                            _RESOLVER_12.versioned_resolver)
                               for pairs in resolvers.values() for tag, _ in pairs))


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or code in (0xFEFF, 0xFFFE,
                                                                                    0xFFFF):
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
    return char


def emit_mapping(data: dict, indent: int = 0, offset: int = 2) -> str:
    """A block mapping at ``indent`` spaces; lists put their dashes ``offset`` spaces in."""
    out: list[str] = []
    _mapping(data, indent, offset, out, first_prefix=" " * indent)
    return "".join(out)


def emit_item(data: Any, indent: int, offset: int = 2) -> str:
    """One list item whose dash sits at ``indent`` spaces."""
    out: list[str] = []
    _item(data, indent, offset, out)
    return "".join(out)


def _mapping(data: dict, indent: int, offset: int, out: list[str], first_prefix: str) -> None:
    prefix = first_prefix
    pad = " " * indent
    texts = _TEXTS  # looked up inline: a call per key and value was most of the time
    for key, value in data.items():
        if not isinstance(key, str):
            raise TypeError("mapping keys must be text")
        name = texts.get(key) or _text(key)
        kind = type(value)
        if kind is str:  # most values: text, written on the key's line
            out.append(f"{prefix}{name}: {texts.get(value) or _text(value)}\n")
        elif isinstance(value, dict) and value:
            out.append(f"{prefix}{name}:\n")
            _mapping(value, indent + 2, offset, out, " " * (indent + 2))
        elif isinstance(value, list) and value:
            out.append(f"{prefix}{name}:\n")
            inner = indent + offset
            dash = " " * inner + "- "
            for item in value:
                kind = type(item)
                if kind is dict and item:  # a list of mappings (sources): no call
                    _mapping(item, inner + 2, offset, out, dash)
                elif kind is str:  # a list of texts (tags)
                    out.append(f"{dash}{texts.get(item) or _text(item)}\n")
                else:
                    _item(item, inner, offset, out)
        elif isinstance(value, dict):
            out.append(f"{prefix}{name}: {{}}\n")
        elif isinstance(value, list):
            out.append(f"{prefix}{name}: []\n")
        else:
            out.append(f"{prefix}{name}: {scalar(value)}\n")
        prefix = pad


def _item(value: Any, indent: int, offset: int, out: list[str]) -> None:
    dash = " " * indent + "- "
    if isinstance(value, dict) and value:
        _mapping(value, indent + 2, offset, out, dash)
    elif isinstance(value, list) and value:
        out.append(dash.rstrip() + "\n")
        for item in value:
            _item(item, indent + 2 + offset, offset, out)
    elif isinstance(value, dict):
        out.append(dash + "{}\n")
    elif isinstance(value, list):
        out.append(dash + "[]\n")
    else:
        out.append(dash + scalar(value) + "\n")
