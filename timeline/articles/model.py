"""The article as every later stage sees it, whatever file format it came from."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One source article.

    ``text`` is the body the resolver reads (title and body, without front matter or
    date line). ``anchor`` is the date relative expressions are resolved against;
    ``anchor_source`` says where it came from ("published", "front matter", "events
    file", "inferred") and ``anchor_reason`` why, so a person can check and override it.
    """

    id: str
    path: str
    title: str
    text: str
    published: date
    anchor: date
    published_inferred: bool = False
    published_reason: str | None = None
    anchor_source: str = "published"
    anchor_reason: str | None = None
    url: str | None = None
    outlet: str | None = None
    extra: dict = field(default_factory=dict, compare=False)


@dataclass
class RawArticle:
    """What a reader found: metadata as given, the body, and where the date came from."""

    id: str
    path: str
    title: str | None
    text: str
    published: object
    published_line: int | None = None
    meta: dict = field(default_factory=dict)
