"""Turn articles into events: every sentence with a resolved calendar date becomes one.

``events_from_article`` works on one article and is a top-level function, so the CLI can
run it in worker processes (``--jobs``); ``assemble_events`` then merges, tags and sorts
the per-article lists in a canonical order, so the output is the same however the work
was split.
"""
from __future__ import annotations

from datetime import date
from typing import Callable, Iterable, Sequence

from timeline.articles import Article
from timeline.events.dating import date_sentence, period_of
from timeline.events.merge import merge_same_events
from timeline.events.model import Event, Source
from timeline.events.sentences import split_sentences
from timeline.events.tags import NameFinder, canonical_names, recurring_in, recurring_names, tags_for
from timeline.events.titles import make_event_id, make_title
from timeline.resolver.timex import Timex

Resolver = Callable[..., list[Timex]]


def is_eventable(timex: Timex) -> bool:
    """Points and periods on the calendar make events; durations, sets and vague refs don't."""
    return period_of(timex) is not None


def _default_resolver() -> Resolver:
    """The resolver, imported on first use so the events model loads without it."""
    from timeline.resolver import resolve

    return resolve


def events_from_article(article: Article, resolver: Resolver | None = None) -> list[Event]:
    """One event per sentence that holds a calendar date; the most precise date wins."""
    resolve = resolver or _default_resolver()
    timexes = sorted((t for t in resolve(article.text, article.anchor) if is_eventable(t)),
                     key=lambda t: (t.start, t.end))
    inferred = article.anchor_source == "inferred"
    events: list[Event] = []
    seen: dict[str, int] = {}
    index = 0
    for sentence in split_sentences(article.text):
        inside = []
        while index < len(timexes) and timexes[index].start < sentence.end:
            if timexes[index].start >= sentence.start:
                inside.append(timexes[index])
            index += 1
        if not inside:
            continue
        dating = date_sentence(sentence.text, sentence.start, inside, article.anchor, inferred)
        title = make_title(sentence.text)
        event_id = make_event_id(dating.date, title, article.id, sentence.text)
        seen[event_id] = seen.get(event_id, 0) + 1
        if seen[event_id] > 1:  # the same sentence twice in one article
            event_id = f"{event_id}-{seen[event_id]}"
        events.append(Event(
            id=event_id, date=dating.date,
            end=dating.end, title=title, text=sentence.text, status=dating.status,
            confidence=dating.confidence,
            sources=[Source(article.id, sentence.text, dating.timex.text,
                            article.anchor.isoformat())]))
    return events


def build_events(articles: Iterable[Article], resolver: Resolver | None = None) -> list[Event]:
    """Events from all articles, the same event from several articles merged, in date order."""
    articles = list(articles)
    return assemble_events(articles, [events_from_article(a, resolver) for a in articles])


def assemble_events(articles: Sequence[Article], per_article: Sequence[list[Event]],
                    names: Sequence[set[str]] | None = None,
                    words: Sequence[Sequence[frozenset[str]]] | None = None) -> list[Event]:
    """Merge, tag and sort per-article events; the result is independent of input order.

    ``names``: ``names_in`` of each article's text, and ``words``: ``wording`` of each
    event, per article like ``per_article``, when workers already found them.
    """
    order = {a.id: (a.published, a.id) for a in articles}
    events = [e for batch in per_article for e in batch]
    flat_words = None if words is None else [w for batch in words for w in batch]
    # Earliest publication first: its report keeps the id when later articles join it.
    merged = merge_same_events(events, rank=lambda e: (
        *order.get(e.sources[0].article, (date.max, e.sources[0].article)), e.id), words=flat_words)
    if names is None:
        vocabulary = recurring_names(a.text for a in articles)
    else:
        vocabulary = recurring_in(names)
    canonical = canonical_names(vocabulary)
    finder = NameFinder(vocabulary)
    for event in merged:
        event.tags = tags_for(" ".join(s.quote for s in event.sources), vocabulary, canonical, finder)
    return sorted(merged, key=Event.sort_key)
