"""A small stand-in resolver so the extract CLI tests test the store, not the resolver.

``install()`` swaps it in for the real one; worker processes (``--jobs``, fork) inherit it.
"""
from __future__ import annotations

import re
from datetime import date

from timeline.resolver.timex import Timex

_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_MONTH = re.compile(rf"\b(?:in |on )?({'|'.join(_MONTHS)})(?: (\d{{1,2}}))?(?:, (\d{{4}}))?\b")
_NEXT_MONTH = re.compile(r"\bnext month\b")


def resolve(text: str, anchor: date, lang: str = "en") -> list[Timex]:
    """Month names (with an optional day and year) and "next month", against ``anchor``."""
    found: list[Timex] = []
    for match in _MONTH.finditer(text):
        month = _MONTHS.index(match.group(1)) + 1
        year = int(match.group(3) or anchor.year)
        value = f"{year}-{month:02d}" + (f"-{int(match.group(2)):02d}" if match.group(2) else "")
        found.append(Timex(match.start(), match.end(), match.group(0), "DATE", value))
    for match in _NEXT_MONTH.finditer(text):
        month = anchor.month % 12 + 1
        year = anchor.year + (anchor.month == 12)
        found.append(Timex(match.start(), match.end(), match.group(0), "DATE", f"{year}-{month:02d}",
                           None, anchor.isoformat()))
    return sorted(found, key=lambda t: t.start)


def install() -> None:
    """Make ``events_from_article`` use the stand-in by default."""
    from timeline.events import builder

    builder._default_resolver = lambda: resolve
