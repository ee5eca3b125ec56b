"""Build the events data from the same event stream the safety guard already reads.

Why: the located loader composes a node per value (with two position marks each) and then
walks them again for line numbers, which costs about five times the libyaml parse on a
large file. Positions are only needed to report a problem, so the common case is built here
in the guard's single pass, and anything this builder is not sure it reads exactly as the
safe loader would (tags, anchors, aliases, merge keys, repeated keys, several documents)
makes it give up: the caller then takes the located path, whose result and messages are the
reference.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor

from timeline.safety import MAX_YAML_CHARS, _YamlBudget, guard_yaml_text
from timeline.store.located import _Loader, _timestamp_or_text

#: Returned when the builder cannot vouch for its result; the caller uses the located loader.
UNSURE = object()

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_IMPLICIT = _Loader.yaml_implicit_resolvers
_CONSTRUCTOR = SafeConstructor()  # scalar constructors only; they keep no state between calls


class _GiveUp(Exception):
    """Raised inside the builder to stop building (the guard itself keeps scanning)."""


def _plain_tag(value: str) -> str:
    """The tag the safe resolver gives an unquoted scalar (PyYAML's rules, first char first)."""
    for tag, regexp in _IMPLICIT.get(value[0] if value else "", ()):
        if regexp.match(value):
            return tag
    if None in _IMPLICIT:  # no wildcard resolvers in the safe loader; stay exact if one appears
        for tag, regexp in _IMPLICIT[None]:
            if regexp.match(value):
                return tag
    return _STR


def _scalar(event: yaml.ScalarEvent) -> object:
    """The value the safe loader (with the store's timestamp rule) builds for ``event``."""
    if event.anchor is not None or event.tag is not None:
        raise _GiveUp
    value = event.value
    if not event.implicit[0]:
        return value  # quoted or block scalar: always text
    tag = _plain_tag(value)
    if tag == _STR:
        return value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return SafeConstructor.bool_values[value.lower()]
    node = yaml.ScalarNode(tag, value)
    if tag == _INT:
        return _CONSTRUCTOR.construct_yaml_int(node)
    if tag == _FLOAT:
        return _CONSTRUCTOR.construct_yaml_float(node)
    if tag == _TIMESTAMP:
        return _timestamp_or_text(_CONSTRUCTOR, node)
    raise _GiveUp  # merge keys, '=' values: rare, leave them to the reference loader


class _Builder:
    """Plain dicts and lists from parser events; ``result`` is UNSURE once it gave up."""

    def __init__(self) -> None:
        self.result: object = None
        self.documents = 0
        #: per open collection: [container, pending key or _NO_KEY, raw keys seen]
        self.stack: list[list] = []
        self.gave_up = False

    def feed(self, event: yaml.Event) -> None:
        if self.gave_up:
            return
        try:
            self._feed(event)
        except _GiveUp:
            self.gave_up = True
            self.result = UNSURE
            self.stack = []

    def _feed(self, event: yaml.Event) -> None:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            top = self.stack[-1] if self.stack else None
            if top is not None and type(top[0]) is dict and top[1] is _NO_KEY:
                if event.value in top[2]:
                    raise _GiveUp  # a repeated key: the located loader reports it
                top[2].add(event.value)
                top[1] = _scalar(event)
                return
            self._add(_scalar(event))
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                raise _GiveUp
            top = self.stack[-1] if self.stack else None
            if top is not None and type(top[0]) is dict and top[1] is _NO_KEY:
                raise _GiveUp  # a collection as a key
            container = {} if kind is yaml.MappingStartEvent else []
            self.stack.append([container, _NO_KEY, set()])
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self._add(self.stack.pop()[0])
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise _GiveUp  # the located loader says "expected a single document"
        elif kind is yaml.AliasEvent:
            raise _GiveUp

    def _add(self, value: object) -> None:
        if not self.stack:
            self.result = value
            return
        top = self.stack[-1]
        container = top[0]
        if type(container) is list:
            container.append(value)
        else:
            container[top[1]] = value
            top[1] = _NO_KEY


_NO_KEY = object()


class _BuildingBudget(_YamlBudget):
    """The safety guard's scan, feeding each parser event to a builder as well."""

    def __init__(self, path: str | Path | None) -> None:
        super().__init__(path)
        self.builder = _Builder()

    def _event(self, event: yaml.Event) -> None:
        super()._event(event)
        self.builder.feed(event)


def guard_and_load(text: str, path: str | Path | None = None) -> object:
    """Guard ``text`` like ``guard_yaml_text`` (same errors) and return its data, or UNSURE."""
    if len(text) > MAX_YAML_CHARS:
        guard_yaml_text(text, path)  # raises the size error
    scan = _BuildingBudget(path)
    scan.scan(text)
    return scan.builder.result
