"""Sentence boundaries with character offsets, so quotes map back to the article text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Sentence:
    """``text[start:end]`` of the article, stripped of surrounding white space."""

    start: int
    end: int
    text: str


# A candidate boundary: terminal punctuation (plus closing quotes/brackets) then white space,
# or a blank line / line break between paragraphs and headlines.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n\s*\n|\n(?=\s*\S)")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    text = resources.files("timeline.events").joinpath("data/abbreviations.txt").read_text("utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; abbreviations such as "Sept." or "U.S." do not end one."""
    abbreviations = _abbreviations()
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        token = match.group()
        if token.startswith(".") and _is_abbreviation(text, match.start(), abbreviations):
            continue
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    word = _WORD_BEFORE.search(text[max(0, dot - 12):dot + 1])
    if not word:
        return False
    token = word.group(1).lower()
    following = text[dot + 1:dot + 3].lstrip()
    # "U.S. officials" continues; "in the U.S. The ..." is ambiguous, we keep it together.
    return token in abbreviations or (len(token) == 1 and token.isalpha()
                                      and not following[:1].isupper())


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        sentences.append(Sentence(start + lead, start + lead + len(stripped), stripped))
