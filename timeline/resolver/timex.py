"""The resolver's output type: one temporal expression found in a text.

Kept free of YAML, MkDocs and file handling so every layer above can depend on it.
"""
from __future__ import annotations

from dataclasses import dataclass

#: TIMEX3 types, as used by TempEval-3 and the scorer.
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    """A temporal expression at ``text[start:end]`` with its resolved TIMEX3 value.

    ``value`` follows TIMEX3 conventions (``2023-09-12``, ``2023-11``, ``2023-W37``,
    ``2023-Q3``, ``2023-SU``, ``P3D``, ``PRESENT_REF``, ``2023-09-12T14:30``...).
    ``mod`` is the TIMEX3 modifier (``START``, ``MID``, ``END``, ``APPROX``, ``MORE_THAN``...)
    or ``None``. ``reference`` is the ISO date the value was computed from: the anchor,
    or the last date mentioned for expressions like "two days later"; ``None`` for
    absolute expressions that needed no reference.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    reference: str | None = None

    def as_dict(self) -> dict:
        """The JSON shape used by `timeline tag` and the TempEval scorer."""
        out = {"start": self.start, "end": self.end, "text": self.text,
               "type": self.type, "value": self.value}
        if self.mod:
            out["mod"] = self.mod
        return out
