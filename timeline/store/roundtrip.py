"""Apply a merged events document to the person's file without disturbing what didn't change.

ruamel.yaml round-trip keeps comments, key order, quoting and layout; we only assign the
keys whose value actually changed, so untouched events come back byte for byte.
"""
from __future__ import annotations

import io
import re
from datetime import date, datetime
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString, SingleQuotedScalarString

from timeline.errors import StoreError

_RESOLVER = pyyaml.resolver.Resolver()


_FIRST_ITEM = re.compile(r"^([ \t]*)[^\s#][^\n]*:[ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*([ \t]*)- ",
                         re.MULTILINE)


def _yaml(offset: int = 2) -> YAML:
    """A fresh round-trip loader/dumper (ruamel instances are not safe to share).

    ``offset`` is how far list dashes sit inside their key: 2 (our style) or 0 (PyYAML's).
    """
    handler = YAML(typ="rt")
    handler.width = 1 << 20  # never fold a long text: the fast writer keeps each on one line
    handler.preserve_quotes = True
    handler.indent(mapping=2, sequence=offset + 2, offset=offset)
    return handler


def sequence_offset(text: str) -> int:
    """The dash indentation the file already uses, so a merge does not re-indent it."""
    match = _FIRST_ITEM.search(text)
    if match is None:
        return 2
    return 0 if len(match.group(2)) <= len(match.group(1)) else 2


def load_roundtrip(text: str, path: str) -> Any:
    """The person's file as ruamel objects; a syntax error becomes a StoreError with its line."""
    try:
        return _yaml().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise StoreError(f"not valid YAML: {getattr(exc, 'problem', None) or exc}", path=path,
                         line=mark.line + 1 if mark else None,
                         column=mark.column + 1 if mark else None,
                         hint="fix it (see `timeline check`) before extracting again") from None


def plain(value: Any) -> Any:
    """ruamel/PyYAML data as plain dicts, lists and strings (dates as ISO text) for merging."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)
    return value


def apply_merged(doc: Any, merged: dict) -> CommentedMap:
    """Make the ruamel document ``doc`` equal to ``merged``, changing only what differs."""
    if not isinstance(doc, CommentedMap):
        doc = CommentedMap()
    doc["articles"] = _update_map(doc.get("articles"), merged["articles"])
    old = doc.get("events")
    old_by_id = {e.get("id"): e for e in old if isinstance(e, CommentedMap)} if isinstance(old, list) else {}
    events = old if isinstance(old, CommentedSeq) else CommentedSeq()
    items = [_update_map(old_by_id.get(e["id"]), e) for e in merged["events"]]
    comments = {id(e): events.ca.items.get(i) for i, e in enumerate(events)} if events else {}
    events.clear()
    events.ca.items.clear()
    for index, item in enumerate(items):
        events.append(item)
        if comments.get(id(item)):
            events.ca.items[index] = comments[id(item)]
    doc["events"] = events
    return doc


def _update_map(target: Any, wanted: dict) -> Any:
    if not isinstance(target, CommentedMap) or not isinstance(wanted, dict):
        return _fresh(wanted)
    for key in [k for k in target if str(k) not in wanted]:
        del target[key]
    for position, (key, value) in enumerate(wanted.items()):
        if key in target:
            if plain(target[key]) != value:
                target[key] = _update_map(target[key], value) if isinstance(value, dict) else _fresh(value)
        else:
            target.insert(min(position, len(target)), key, _fresh(value))
    return target


def _fresh(value: Any) -> Any:
    """New data in the generator's style: quoted when PyYAML would read it as a non-string."""
    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = _fresh(item)
        return out
    if isinstance(value, list):
        return CommentedSeq(_fresh(v) for v in value)
    if isinstance(value, str):
        if "\n" in value:
            return LiteralScalarString(value)
        if _RESOLVER.resolve(pyyaml.ScalarNode, value, (True, False)) != "tag:yaml.org,2002:str":
            return SingleQuotedScalarString(value)
    return value


def dump_roundtrip(doc: Any, offset: int = 2) -> str:
    """The document as YAML text, list dashes ``offset`` spaces inside their key."""
    stream = io.StringIO()
    _yaml(offset).dump(doc, stream)
    return stream.getvalue()
