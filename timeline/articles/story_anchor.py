"""Infer the story date of a republished or rewritten article from evidence in its text.

A story about Wednesday, September 13 republished on October 4 still says "on Tuesday"
and "the Wednesday summit". Read against the publication date those weekdays land in
October; read against the story date they land on September 12 and 13, as they happened.

We fire only on strong, consistent evidence, because ordinary news must keep its
publication date (TempEval value F1 must not drop):

* exactly one explicit calendar day ("September 13") lies 7 to 60 days before
  publication, and no explicit day lies after it;
* at least three bare weekdays ("on Tuesday", "the Wednesday summit") in past-tense
  sentences, two of them naming the story day's own weekday, all within three days
  before the story day;
* no weekday in a future-tense sentence, and no word that puts the writer on the
  publication day ("today", "yesterday", "this week"...).

Only regular expressions over the text are needed, no resolver: the resolver then reads
the article against the inferred anchor like any other.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml


#: A story date closer than this to publication needs no inference: weekdays still fit.
MIN_GAP_DAYS = 7
#: Republished stories further back than this are too rare to risk ordinary news on.
MAX_GAP_DAYS = 60
#: Past-tense weekdays may name the story day or at most this many days before it.
MAX_WEEKDAY_LEAD = 3
#: Enough weekday evidence that chance cannot produce it in ordinary news: on the
#: TempEval dev corpus 4 articles pass with 2 mentions (story weekday once), none with these.
MIN_WEEKDAY_MENTIONS = 3
MIN_STORY_WEEKDAY_MENTIONS = 2

_MONTHS = {name.lower(): i for i in range(1, 13)
           for name in (calendar.month_name[i], calendar.month_abbr[i])}
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EXPLICIT_DAY = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_RE})\b\.?(?:,?\s+(?P<y2>\d{{4}}))?)",
    re.IGNORECASE)
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WEEKDAY = re.compile(r"\b(?:(?P<mod>\w+)\s+)?(?P<day>" + "|".join(calendar.day_name) + r")\b"
                      r"(?:\s+(?P<noun>[a-z]+))?", re.IGNORECASE)
_PAST_VERB = re.compile(r"\b[a-z]{3,}ed\b")
#: Rough sentence ends: tense is judged per sentence, exact boundaries do not matter here.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class StoryAnchor:
    """The inferred anchor and a sentence a person can check it by."""

    anchor: date
    reason: str


@dataclass(frozen=True)
class _Vocabulary:
    past: re.Pattern[str]
    future: re.Pattern[str]
    writer_now: re.Pattern[str]
    modifiers: frozenset[str]


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    raw = yaml.safe_load(resources.files("timeline.articles").joinpath(
        "data/story_anchor.yaml").read_text("utf-8"))

    def words(key: str) -> re.Pattern[str]:
        alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in raw[key])
        return re.compile(rf"(?<![\w']){'(?:' + alternatives + ')'}\b", re.IGNORECASE)

    return _Vocabulary(words("past_cues"), words("future_cues"), words("writer_now_cues"),
                       frozenset(w.lower() for w in raw["weekday_modifiers"]))


def infer_story_anchor(text: str, published: date) -> StoryAnchor | None:
    """The story date when the text shows it was written for an earlier day, else None."""
    vocab = _vocabulary()
    if vocab.writer_now.search(text):
        return None
    days = explicit_days(text, published)
    recent = {d for d, _ in days
              if MIN_GAP_DAYS <= (published - d).days <= MAX_GAP_DAYS}
    if len(recent) != 1:
        return None
    story = recent.pop()
    if any(d > story for d, _ in days):
        return None
    mentions = _weekday_mentions(text, vocab)
    if mentions is None or len(mentions) < MIN_WEEKDAY_MENTIONS:
        return None
    leads = [(story.weekday() - weekday) % 7 for weekday, _ in mentions]
    if leads.count(0) < MIN_STORY_WEEKDAY_MENTIONS or max(leads) > MAX_WEEKDAY_LEAD:
        return None
    quoted = next(phrase for d, phrase in days if d == story)
    weekdays = ", ".join(dict.fromkeys(f"'{phrase}'" for _, phrase in mentions))
    return StoryAnchor(story, (
        f"the text dates its story '{quoted}' ({story:%A} {story.isoformat()}, "
        f"{(published - story).days} days before publication) and tells in the past tense of "
        f"{weekdays}, which fit the days up to {story:%A} {story.day} {story:%B} but would "
        f"fall on or just before the publication date {published.isoformat()}; "
        "set 'anchor' to override"))


def explicit_days(text: str, published: date) -> list[tuple[date, str]]:
    """Calendar days written out in the text; a missing year is the latest not after publication."""
    found: list[tuple[date, str]] = []
    for match in _EXPLICIT_DAY.finditer(text):
        month = _MONTHS[(match["m1"] or match["m2"]).lower().rstrip(".")]
        day = int(match["d1"] or match["d2"])
        year = match["y1"] or match["y2"]
        try:
            if year:
                found.append((date(int(year), month, day), match.group().strip()))
                continue
            candidate = date(published.year, month, day)
            if candidate > published:
                candidate = date(published.year - 1, month, day)
        except ValueError:  # "February 30", "May 2023" read as a day
            continue
        found.append((candidate, match.group().strip()))
    return found


def _weekday_mentions(text: str, vocab: _Vocabulary) -> list[tuple[int, str]] | None:
    """Bare weekdays in past-tense sentences, or None when one is in a future-tense sentence."""
    mentions: list[tuple[int, str]] = []
    for sentence in filter(None, _SENTENCE_END.split(text)):
        for match in _WEEKDAY.finditer(sentence):
            if (match["mod"] or "").lower() in vocab.modifiers:
                continue
            if vocab.future.search(sentence):
                return None
            if vocab.past.search(sentence) or _PAST_VERB.search(sentence):
                phrase = match.group() if (match["mod"] or "").lower() == "the" else (
                    match.group()[:match.end("day") - match.start()])
                mentions.append((_WEEKDAYS[match["day"].lower()], phrase.strip()))
    return mentions

