"""Events and their sources, as the generator proposes them and the YAML stores them."""
from __future__ import annotations

from dataclasses import dataclass, field

from timeline.periods import Period, parse_period


@dataclass
class Source:
    """Where an event's date came from: the article, the sentence, the expression, the anchor."""

    article: str
    quote: str
    expression: str
    anchor: str
    value: str | None = None

    def as_dict(self) -> dict:
        out = {"article": self.article, "quote": self.quote,
               "expression": self.expression, "anchor": self.anchor}
        if self.value is not None:
            out["value"] = self.value
        return out


@dataclass
class Event:
    """One dated happening. ``date`` (and ``end`` for ranges) are TIMEX3 calendar values."""

    id: str
    date: str
    title: str
    text: str
    sources: list[Source] = field(default_factory=list)
    end: str | None = None
    status: str | None = None

    @property
    def period(self) -> Period:
        period = parse_period(self.date)
        if period is None:
            raise ValueError(f"event {self.id} has no calendar date: {self.date!r}")
        return period

    def sort_key(self) -> tuple:
        """Chronological: by first day, then the more precise first, then id for stability."""
        period = self.period
        return (period.start, period.specificity, self.id)

    def as_dict(self) -> dict:
        out: dict = {"id": self.id, "date": self.date}
        if self.end:
            out["end"] = self.end
        out["title"] = self.title
        out["text"] = self.text
        if self.status:
            out["status"] = self.status
        out["sources"] = [s.as_dict() for s in self.sources]
        return out
