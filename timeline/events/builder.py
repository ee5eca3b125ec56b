"""Turn articles into events: every sentence with a resolved calendar date becomes one."""
from __future__ import annotations

import re
from typing import Callable, Iterable

from timeline.articles import Article
from timeline.events.model import Event, Source
from timeline.events.sentences import split_sentences
from timeline.events.titles import make_event_id, make_title
from timeline.periods import date_part, parse_period
from timeline.resolver import Timex, resolve

Resolver = Callable[..., list[Timex]]
#: Content words shorter than this are ignored when comparing wording.
_MIN_WORD = 4
_WORD = re.compile(r"[^\W\d_]+")
#: Two reports of one event share at least this share of their content words.
SAME_EVENT_SIMILARITY = 0.3


def is_eventable(timex: Timex) -> bool:
    """Points and periods on the calendar make events; durations, sets and vague refs don't."""
    return timex.type in ("DATE", "TIME") and parse_period(date_part(timex.value)) is not None


def events_from_article(article: Article, resolver: Resolver = resolve) -> list[Event]:
    """One event per sentence that holds a calendar date; the most precise date wins."""
    timexes = [t for t in resolver(article.text, article.anchor) if is_eventable(t)]
    events: list[Event] = []
    index = 0
    for sentence in split_sentences(article.text):
        inside = []
        while index < len(timexes) and timexes[index].start < sentence.end:
            if timexes[index].start >= sentence.start:
                inside.append(timexes[index])
            index += 1
        if not inside:
            continue
        best = min(inside, key=lambda t: parse_period(date_part(t.value)).specificity)
        value = date_part(best.value)
        title = make_title(sentence.text)
        events.append(Event(
            id=make_event_id(value, title, article.id, sentence.text), date=value, title=title,
            text=sentence.text,
            sources=[Source(article.id, sentence.text, best.text, article.anchor.isoformat())]))
    return events


def build_events(articles: Iterable[Article], resolver: Resolver = resolve) -> list[Event]:
    """Events from all articles, the same event from several articles merged, in date order."""
    events: list[Event] = []
    for article in articles:
        events.extend(events_from_article(article, resolver))
    return sorted(merge_same_events(events), key=Event.sort_key)


def merge_same_events(events: list[Event]) -> list[Event]:
    """Fold reports of one event (same date value, similar wording, other article) together."""
    merged: list[Event] = []
    by_date: dict[str, list[Event]] = {}
    for event in events:
        words = _content_words(event.text)
        match = next((kept for kept in by_date.get(event.date, [])
                      if {s.article for s in kept.sources}.isdisjoint(s.article for s in event.sources)
                      and similarity(words, _content_words(kept.text)) >= SAME_EVENT_SIMILARITY), None)
        if match is None:
            by_date.setdefault(event.date, []).append(event)
            merged.append(event)
        else:
            match.sources.extend(event.sources)
    return merged


def similarity(a: set[str], b: set[str]) -> float:
    """Jaccard overlap of two content-word sets."""
    return len(a & b) / len(a | b) if a and b else 0.0


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) >= _MIN_WORD}
