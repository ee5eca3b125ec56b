"""Short readable titles and stable ids for events made from sentences."""
from __future__ import annotations

import hashlib
import re

_MAX_TITLE = 90
_WORD = re.compile(r"[A-Za-z0-9]+")


def make_title(sentence: str, limit: int = _MAX_TITLE) -> str:
    """The sentence, cut at a word boundary near ``limit`` characters, never mid-word."""
    text = " ".join(sentence.split()).rstrip(" .;:")
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return cut + "…"


def make_event_id(value: str, title: str, article_id: str, quote: str) -> str:
    """``2023-09-13-putin-and-kim-3fa2c1``: readable, and stable while its input is unchanged."""
    words = [w.lower() for w in _WORD.findall(title)][:5]
    digest = hashlib.sha1(f"{article_id}\x00{quote}".encode("utf-8")).hexdigest()[:6]
    return "-".join([value.replace(":", ""), *words, digest])
