"""Load YAML safely while remembering where each value sits, for FILE:LINE:COL messages."""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from timeline.errors import StoreError

Path_ = tuple  # a key path such as ("events", 3, "date")


@dataclass
class Located:
    """The loaded data and a map from key paths to 1-based (line, column)."""

    data: object
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path_, tuple[int, int]]] = field(default_factory=list)

    def where(self, path: Path_) -> tuple[int, int]:
        """The position of ``path``, or of its nearest parent that has one."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))


def load_located(text: str, filename: str) -> Located:
    """Parse ``text`` with the safe loader; a syntax error becomes a StoreError with its line."""
    try:
        loader = _Loader(text)  # parse once (libyaml when present), build data from the same nodes
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise StoreError(f"not valid YAML: {problem}", path=filename,
                         line=mark.line + 1 if mark else None,
                         column=mark.column + 1 if mark else None,
                         hint="fix the syntax at that spot (indentation, a missing ':' or quote)") from None
    located = Located(data)
    if node is not None:
        _walk(node, (), located)
    return located


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, but an impossible unquoted date (2023-02-30) stays text for the checks."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def _walk(node: yaml.Node, path: Path_, located: Located) -> None:
    located.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                located.duplicate_keys.append(
                    (path + (key,), (key_node.start_mark.line + 1, key_node.start_mark.column + 1)))
            seen.add(key)
            _walk(value_node, path + (key,), located)
            located.positions[path + (key,)] = (key_node.start_mark.line + 1,
                                                key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), located)
