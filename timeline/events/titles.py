"""Short readable titles and stable ids for events made from sentences.

A title is the sentence without its attribution ("According to X," / ", X said"), cut at
a clause or word boundary near 90 characters, never mid-word.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

MAX_TITLE = 90
_WORD = re.compile(r"[A-Za-z0-9]+")
#: Titles shorter than this after stripping attribution are not worth the loss of context.
_MIN_STRIPPED = 20


@dataclass(frozen=True)
class _Attribution:
    lead_in: re.Pattern[str]
    trailing: re.Pattern[str]
    speaker_said: re.Pattern[str]


@lru_cache(maxsize=1)
def _attribution() -> _Attribution:
    raw = yaml.safe_load(resources.files("timeline.events").joinpath(
        "data/attribution.yaml").read_text("utf-8"))
    verbs = "|".join(map(re.escape, raw["verbs"]))
    clause_verbs = "|".join(map(re.escape, raw["clause_verbs"]))
    lead_ins = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in raw["lead_ins"])
    speaker = rf"(?:[\w.'’/-]+\s+){{0,{int(raw['max_speaker_words']) - 1}}}[\w.'’/-]+"
    return _Attribution(
        lead_in=re.compile(rf"^(?:{lead_ins})\s+[^,]{{1,60}},\s+", re.IGNORECASE),
        trailing=re.compile(rf",\s+(?:(?:{lead_ins})\s+[^,]{{1,60}}|{speaker}\s+(?:{verbs})"
                            rf"|(?:{verbs})\s+{speaker})\s*[.!?]?$", re.IGNORECASE),
        speaker_said=re.compile(
            rf"^(?P<who>{speaker})\s+(?:(?:{clause_verbs})\s+(?:that\s+)?|(?:{verbs})\s+that\s+)"
            r"(?=[a-z])", re.IGNORECASE))


def strip_attribution(sentence: str) -> str:
    """The sentence without "According to X," / ", X said" / "X said that" around it."""
    rules = _attribution()
    text = " ".join(sentence.split())
    for pattern in (rules.lead_in, rules.trailing):
        stripped = pattern.sub("", text, count=1)
        if len(stripped) >= _MIN_STRIPPED:
            text = stripped
    match = rules.speaker_said.match(text)
    if match and match["who"][:1].isupper() and len(text) - match.end() >= _MIN_STRIPPED:
        text = text[match.end():]
    return text[:1].upper() + text[1:]


def make_title(sentence: str, limit: int = MAX_TITLE) -> str:
    """A short title from a sentence: attribution stripped, cut at a clause or word boundary."""
    text = strip_attribution(sentence).strip().rstrip(" .;:")
    if len(text) <= limit:
        return text
    head = text[:limit + 1]
    clause = max(head.rfind(", "), head.rfind("; "), head.rfind(" – "), head.rfind(" — "))
    if clause >= limit // 2:
        return head[:clause].rstrip(" ,;:-–—") + "…"
    return head.rsplit(" ", 1)[0].rstrip(" ,;:-–—") + "…"


def make_event_id(value: str, title: str, article_id: str, quote: str) -> str:
    """``2023-09-13-putin-and-kim-3fa2c1``: readable, and stable while its input is unchanged."""
    words = [w.lower() for w in _WORD.findall(title)][:5]
    digest = hashlib.sha1(f"{article_id}\x00{quote}".encode("utf-8")).hexdigest()[:6]
    return "-".join([value.replace(":", ""), *words, digest])
