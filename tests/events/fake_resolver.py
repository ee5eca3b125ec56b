"""A table-driven stand-in for the resolver: events tests must not depend on its quality."""
from __future__ import annotations

import re
from datetime import date

from timeline.resolver.timex import Timex


class FakeResolver:
    """Finds each listed expression in the text and gives it the listed value.

    ``table`` maps expression text -> ``(type, value)`` or ``(type, value, reference)``;
    a value may be a function of the anchor, for anchor-dependent expressions.
    """

    def __init__(self, table: dict) -> None:
        self.table = table

    def __call__(self, text: str, anchor: date, lang: str = "en") -> list[Timex]:
        found: list[Timex] = []
        for expression, spec in self.table.items():
            kind, value, *rest = spec
            reference = rest[0] if rest else None
            for match in re.finditer(rf"(?<!\w){re.escape(expression)}(?!\w)", text):
                resolved = value(anchor) if callable(value) else value
                found.append(Timex(match.start(), match.end(), expression, kind, resolved, None,
                                   reference if reference != "anchor" else anchor.isoformat()))
        return sorted(found, key=lambda t: t.start)
