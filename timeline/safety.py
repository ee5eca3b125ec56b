"""Guards for input we do not trust: hand-edited YAML and the paths written in it.

The events file is edited by people and passed around; front matter comes from scraped
pages. ``yaml.safe_load`` already refuses to build Python objects, but it will still
expand a "billion laughs" alias bomb into gigabytes, and recurse until the interpreter
dies on ``[[[[...]]]]``. And a path like ``../../.ssh/id_rsa`` in an article entry must
never be read or written. These checks run before the real work and fail fast, with a
``TimelineError`` naming the file and line, in memory bounded by the largest scalar.
"""
from __future__ import annotations

import os
from pathlib import Path

import yaml

from timeline.errors import StoreError, TimelineError

#: Far beyond a 100,000-event file (about 40 MB); above it the file is not an events file.
MAX_YAML_CHARS = 256 * 1024 * 1024
#: An events file nests five levels deep (events > event > sources > source > value).
MAX_DEPTH = 64
#: Aliases may add this many nodes on expansion, or as many as the document has, whichever
#: is more: honest reuse of an anchor stays far below, an alias bomb blows through at once.
MIN_ALIAS_BUDGET = 100_000
#: Tags the safe loader knows; anything else (``!!python/object``...) is refused up front.
_SAFE_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in (
    "null", "bool", "int", "float", "str", "timestamp", "binary", "seq", "map", "omap",
    "pairs", "set", "merge", "value"))

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UnsafePathError(TimelineError):
    """A path written in the events file or in front matter that leads outside the project."""


def guard_yaml_text(text: str, path: str | Path | None = None) -> None:
    """Raise ``StoreError`` if ``text`` is too large, too deep, an alias bomb or uses unsafe tags.

    It streams parser events (no document is built), so an alias bomb is refused after a
    few hundred events and a 100,000-event file costs one fast libyaml pass. A YAML syntax
    error is raised here too, as the loader would, with its line and column.
    """
    if len(text) > MAX_YAML_CHARS:
        raise StoreError(f"file is {len(text) / 2**20:.0f} MB, more than the "
                         f"{MAX_YAML_CHARS // 2**20} MB an events file may have", path=path,
                         hint="split the timeline into several events files")
    _YamlBudget(path).scan(text)


class _YamlBudget:
    """Counts depth, nodes and alias expansion while the parser streams events."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = path
        self.nodes = 0
        self.expanded = 0
        #: anchor name -> number of nodes the anchored node stands for when expanded
        self.anchors: dict[str, int] = {}
        #: per open collection: (anchor, expanded size so far)
        self.stack: list[list] = []

    def scan(self, text: str) -> None:
        try:
            for event in yaml.parse(text, Loader=_Loader):
                self._event(event)
        except yaml.YAMLError as exc:
            raise _syntax_error(exc, text, self.path) from None

    def _event(self, event: yaml.Event) -> None:
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._check_tag(event)
            if len(self.stack) >= MAX_DEPTH:
                self._fail(event, f"nested more than {MAX_DEPTH} levels deep",
                           "an events file needs only a few levels; remove the extra brackets")
            self.stack.append([event.anchor, 1])
            self.nodes += 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            anchor, size = self.stack.pop()
            self._done(anchor, size, event)
        elif isinstance(event, yaml.ScalarEvent):
            self._check_tag(event)
            self.nodes += 1
            self._done(event.anchor, 1, event)
        elif isinstance(event, yaml.AliasEvent):
            size = self.anchors.get(event.anchor, 1)
            self.expanded += size
            budget = max(MIN_ALIAS_BUDGET, self.nodes)
            if self.expanded > budget:
                self._fail(event, f"aliases expand to more than {budget:,} values "
                           "(an alias bomb?)", "write the values out instead of using '*' aliases")
            self._add(size)

    def _done(self, anchor: str | None, size: int, event: yaml.Event) -> None:
        if anchor is not None:
            self.anchors[anchor] = size
        self._add(size)

    def _add(self, size: int) -> None:
        if self.stack:
            self.stack[-1][1] += size

    def _check_tag(self, event: yaml.NodeEvent) -> None:
        tag = getattr(event, "tag", None)
        if tag and tag != "!" and tag not in _SAFE_TAGS:
            self._fail(event, f"tag {tag!r} is not allowed",
                       "remove the '!' tag; the events file holds plain text, numbers and dates")

    def _fail(self, event: yaml.Event, message: str, hint: str) -> None:
        mark = event.start_mark
        raise StoreError(message, path=self.path, line=mark.line + 1 if mark else None,
                         column=mark.column + 1 if mark else None, hint=hint)


def _syntax_error(exc: yaml.YAMLError, text: str, path: str | Path | None) -> StoreError:
    """The same message the loader gives, plus a word on tabs, the commonest cause."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    hint = "fix the syntax at that spot (indentation, a missing ':' or quote)"
    if mark is not None and "\t" in _line(text, mark.line):
        hint = "indent with spaces: YAML does not allow tabs for indentation"
    return StoreError(f"not valid YAML: {problem}", path=path,
                      line=mark.line + 1 if mark else None,
                      column=mark.column + 1 if mark else None, hint=hint)


def _line(text: str, index: int) -> str:
    """Line ``index`` (0-based) of ``text``, without splitting the whole document."""
    start = 0
    for _ in range(index):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)]


def confine_path(path: str | Path, root: str | Path, *, source: str | Path | None = None,
                 line: int | None = None, field: str = "path") -> Path:
    """``path`` resolved against ``root``; ``UnsafePathError`` if it leads outside ``root``.

    Relative paths are taken from ``root``. ``..``, absolute paths and symlinks are all
    allowed only if where they finally point is inside ``root`` (an absolute path inside
    the project is what ``timeline extract /abs/folder`` writes). ``source``/``line`` say
    where the path was written, for the message.
    """
    text = os.fspath(path)
    if not text or "\x00" in text:
        raise UnsafePathError(f"{field} {text!r} is not a usable path", path=source, line=line,
                              hint="write a path relative to the project folder")
    base = Path(root).resolve()
    candidate = Path(os.path.expanduser(text)) if text.startswith("~") else Path(text)
    resolved = (base / candidate).resolve()  # base / absolute == absolute
    try:
        resolved.relative_to(base)
    except ValueError:
        raise UnsafePathError(f"{field} {text!r} leads outside the project folder {base}",
                              path=source, line=line,
                              hint="keep articles inside the project; write a relative path "
                                   "without '..'") from None
    return resolved
