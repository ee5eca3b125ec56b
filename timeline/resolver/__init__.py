"""The date resolver: a TIMEX3 tagger and normalizer driven by per-language data files.

`resolve(text, anchor)` finds temporal expressions in `text` and resolves them against
`anchor` (the article's date); there is no clock and no global mutable state. Rules and
vocabularies live in `data/<lang>/`; each language is compiled once, on first use.
"""
from __future__ import annotations

import datetime as dt

from timeline.resolver.data_loader import ResolverDataError, load_language
from timeline.resolver.engine import run
from timeline.resolver.timex import Timex

__all__ = ["resolve", "Timex", "ResolverDataError"]


def resolve(text: str, anchor: dt.date, lang: str = "en") -> list[Timex]:
    """Temporal expressions of `text`, sorted by start and non-overlapping.

    `anchor` is required (the document creation time); relative expressions resolve
    against it or against the last date the text mentioned.
    """
    if not isinstance(anchor, dt.date):
        raise TypeError(f"anchor must be a datetime.date, got {type(anchor).__name__}")
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    return run(text, anchor, load_language(lang))
