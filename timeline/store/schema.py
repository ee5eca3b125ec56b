"""Validate an events file against the JSON Schema shipped in the package.

The schema is what editors use (``# yaml-language-server: $schema=...``); running the same
schema in ``timeline check`` keeps the two from drifting apart.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.store.located import Located
from timeline.store.roundtrip import plain
from timeline.store.sync import package_schema_text
from timeline.store.validate import Problem

# The semantic checks say these better (did-you-mean, real calendar dates, which key is missing).
_SAID_BETTER = {"additionalProperties", "required"}

if TYPE_CHECKING:
    import jsonschema


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    # Imported here: only a file the quick checks doubt gets here, and the import costs
    # ~0.1 s in every process (each extract worker) that never needs it.
    import jsonschema

    return jsonschema.Draft202012Validator(json.loads(package_schema_text()))


def schema_problems(located: Located, already: list[Problem]) -> list[Problem]:
    """Schema violations the semantic checks did not already report at the same spot."""
    taken = {(p.line, p.column) for p in already}
    found: list[Problem] = []
    for error in sorted(_validator().iter_errors(plain(located.data) or {}),
                        key=lambda e: [str(p) for p in e.absolute_path]):
        if error.validator in _SAID_BETTER:
            continue
        path = tuple(error.absolute_path)
        line, column = located.where(path)
        if (line, column) in taken:
            continue
        taken.add((line, column))
        where = ".".join(str(p) for p in path) or "file"
        found.append(Problem(line, column, f"{where}: {_message(error)} (schema)"))
    return found


def _message(error: jsonschema.ValidationError) -> str:
    if error.validator == "pattern":
        description = error.schema.get("description")
        return f"{error.instance!r} is not in the right form" + (f"; write {description}" if description else "")
    if error.validator == "type":
        return f"{error.instance!r} is not of type {error.validator_value}"
    return error.message
