"""Events and their sources, as the generator proposes them and the YAML stores them."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from timeline.periods import Period, parse_period

#: Periods are immutable and a timeline repeats its dates: parse each value once.
_period = lru_cache(maxsize=1 << 16)(parse_period)

#: ``as_dict`` key order: the YAML shape the store writes and reads back.
EVENT_KEYS = ("id", "date", "end", "title", "text", "status", "tags", "confidence", "conflict",
              "sources")


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
    """One dated happening. ``date`` (and ``end`` for ranges) are TIMEX3 calendar values.

    ``status`` is ``"planned"`` for events in the future of their article, else None.
    ``confidence`` (0..1) says how directly the text gives the date; ``conflict`` lists
    other events whose wording says they are this one but whose date differs, so a
    person decides instead of the generator.
    """

    id: str
    date: str
    title: str
    text: str
    sources: list[Source] = field(default_factory=list)
    end: str | None = None
    status: str | None = None
    tags: list[str] = field(default_factory=list)
    confidence: float | None = None
    conflict: list[dict] = field(default_factory=list)

    @property
    def period(self) -> Period:
        period = _period(self.date)
        if period is None:
            raise ValueError(f"event {self.id} has no calendar date: {self.date!r}")
        return period

    @property
    def articles(self) -> list[str]:
        """Ids of the articles that report this event, in source order, without repeats."""
        return list(dict.fromkeys(s.article for s in self.sources))

    def sort_key(self) -> tuple:
        """Chronological: by first day, then the more precise first, then id for stability."""
        period = self.period
        return (period.start, period.specificity, self.id)

    def as_dict(self) -> dict:
        """The YAML shape, keys in ``EVENT_KEYS`` order; empty optional keys are left out."""
        out: dict = {"id": self.id, "date": self.date}
        if self.end:
            out["end"] = self.end
        out["title"] = self.title
        out["text"] = self.text
        if self.status:
            out["status"] = self.status
        if self.tags:
            out["tags"] = list(self.tags)
        if self.confidence is not None:
            out["confidence"] = self.confidence
        if self.conflict:
            out["conflict"] = [dict(c) for c in self.conflict]
        out["sources"] = [s.as_dict() for s in self.sources]
        return out
