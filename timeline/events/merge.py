"""The same event reported by several articles: merge it, or flag it when dates disagree.

Two events from different articles with the same date value and similar wording
(``similarity`` at least ``SAME_EVENT_SIMILARITY``) become one event with all sources.
Two with disagreeing dates of the same granularity and very similar wording (at least
``CONFLICT_SIMILARITY``, sharing ``MIN_SHARED_WORDS``, of which ``MIN_SHARED_ACTION``
lie outside multi-word names) are both kept, each listing the other under ``conflict``.
The bar for a conflict is higher because the date gives no support, and sharing a name
("the Alder Street Bridge") is not sharing an event: what happened must match too. The
thresholds are tuned on tests/data/event_pairs.yaml (figures in tests/events/test_merge.py).

The result does not depend on the order events arrive in (parallel extraction must give
byte-identical output): events are first put in a canonical order.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Callable, Mapping, Sequence

from timeline.events.model import Event
from timeline.events.titles import strip_attribution

#: Same-date pairs in tests/data/event_pairs.yaml: precision 0.94, recall 1.0 at 0.2.
SAME_EVENT_SIMILARITY = 0.2
#: Different-date pairs there: the real conflicts score >= 0.75; pairs that share only a name
#: score up to 0.86 (the name rule below rejects them); templated sentences on different
#: topics ("Work on X is expected to begin in October") score 0.6.
CONFLICT_SIMILARITY = 0.7
#: A conflict needs this many shared words: "The closure begins on Monday" is too little.
MIN_SHARED_WORDS = 3
#: ... and this many of them outside multi-word names: "The Alder Street Bridge reopened"
#: and "Inspectors found cracks in the Alder Street Bridge" share three words, all of the name.
MIN_SHARED_ACTION = 2
#: A word in more than this share of the events (and at least COMMON_MIN_EVENTS of them)
#: is common in this timeline: it does not count as the shared action of a conflict.
COMMON_SHARE = 0.02
COMMON_MIN_EVENTS = 50
_NAME_RUN = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*)+")
_WORD = re.compile(r"[^\W\d_]+")
_MIN_WORD = 3
#: An event lists at most this many conflicting reports (the most similar ones): a
#: boiler-plate sentence repeated with a different figure in hundreds of articles would
#: otherwise list every other copy in each copy, quadratic in size.
MAX_CONFLICTS = 5
#: Reports of one happening that disagree on its date disagree by a little ("Tuesday" or
#: "Wednesday", October or November); the same wording months apart is a recurring thing
#: ("A public hearing on the library is scheduled for ..."), not a conflict. Days between
#: the two periods, by granularity.
MAX_CONFLICT_GAP_DAYS = {"day": 31, "weekend": 35, "week": 35, "month": 62, "season": 92,
                         "quarter": 92, "half": 183, "year": 366}


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    text = resources.files("timeline.events").joinpath("data/stopwords.txt").read_text("utf-8")
    return frozenset(w for ln in text.splitlines() if not ln.startswith("#") for w in ln.split())


def content_words(text: str) -> frozenset[str]:
    """Lower-case content words, crudely stemmed so "closes"/"closed"/"closure" meet."""
    known = _CONTENT
    found = set()
    for token in _WORD.findall(text):
        word = known.get(token)
        if word is None:
            word = known[token] = _content_word(token)
        if word:
            found.add(word)
    return frozenset(found)


#: token as written -> its content word, or "" for a stop word or a short one. News
#: vocabularies are small next to their texts; the map is capped to bound memory.
_CONTENT: dict[str, str] = {}


def _content_word(token: str) -> str:
    if len(_CONTENT) > 1 << 18:
        _CONTENT.clear()
    word = token.lower()
    return _stem(word) if len(word) >= _MIN_WORD and word not in _stopwords() else ""


@lru_cache(maxsize=1 << 16)  # a news vocabulary repeats: stem each word once
def _stem(word: str) -> str:
    for suffix in ("ings", "ing", "ures", "ure", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word


def wording(event: Event) -> frozenset[str]:
    """The event's content words without attribution ("X said") or the date expressions."""
    return _wording(event.text, tuple(source.expression for source in event.sources))


@lru_cache(maxsize=1 << 14)  # wire copies repeat sentences word for word across articles
def _wording(text: str, expressions: tuple[str, ...]) -> frozenset[str]:
    text = strip_attribution(text)
    for expression in expressions:
        text = text.replace(expression, " ")
    return content_words(text)


def name_words(event: Event) -> frozenset[str]:
    """Content words that sit in multi-word capitalised names ("Alder Street Bridge")."""
    return _name_words(event.text)


@lru_cache(maxsize=1 << 14)
def _name_words(text: str) -> frozenset[str]:
    return frozenset().union(*(content_words(m.group()) for m in _NAME_RUN.finditer(text)))


def conflict_wording(a: frozenset[str], b: frozenset[str], names_a: frozenset[str],
                     names_b: frozenset[str], threshold: float = CONFLICT_SIMILARITY,
                     common: frozenset[str] = frozenset()) -> bool:
    """Whether two reports with disagreeing dates read as the same event.

    ``common``: words so frequent in this timeline ("plan", "million") that sharing them
    says nothing about sharing an event; they count for similarity, not as the action.
    """
    shared = a & b
    return (len(shared) >= MIN_SHARED_WORDS and similarity(a, b) >= threshold
            and len(shared - names_a - names_b - common) >= MIN_SHARED_ACTION)


def common_words(counts: Mapping[str, int], total: int) -> frozenset[str]:
    """Words in more than ``COMMON_SHARE`` of a large timeline's events (none in a small
    one), from the number of events each word is in."""
    limit = max(COMMON_MIN_EVENTS, COMMON_SHARE * total)
    return frozenset(word for word, count in counts.items() if count > limit)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient of two word sets: shared words over the smaller set.

    Reports of one event differ in length (a headline-like sentence vs one with a long
    quote), which Jaccard punishes; the overlap coefficient does not.
    """
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def same_date(a: Event, b: Event) -> bool:
    return a.date == b.date and a.end == b.end


def dates_disagree(a: Event, b: Event) -> bool:
    """Same granularity, non-overlapping, near periods: "March 1" vs "March 2", not "March" vs
    "March 1", nor "March 1" vs "July 9"."""
    return _disagree(a.period, b.period)


def merge_same_events(events: list[Event], rank: Callable[[Event], tuple] | None = None,
                      threshold: float = SAME_EVENT_SIMILARITY,
                      words: Sequence[frozenset[str]] | None = None) -> list[Event]:
    """Fold reports of one event together; flag same-wording, different-date reports.

    ``rank`` orders events canonically (default: by article id, then id); the first
    report of an event keeps its id, so ids stay put as later articles arrive when
    ``rank`` puts earlier publications first. ``words``: ``wording`` of each event, in
    the order of ``events``, when the extracting processes already worked them out.
    """
    key = rank or (lambda e: (e.sources[0].article, e.id))
    if words is None:
        words = [wording(event) for event in events]
    elif len(words) != len(events):
        raise ValueError("one word set per event is needed")
    ordered = sorted(zip(events, words), key=lambda pair: key(pair[0]))
    merged: list[Event] = []
    kept_words: dict[str, frozenset[str]] = {}
    # date -> article -> events kept so far: reports are only compared across articles, so
    # one long article with thousands of same-date sentences costs no pairwise work.
    by_date: dict[tuple, dict[str, list[tuple[int, Event]]]] = {}
    reported_by: dict[str, set[str]] = {}  # kept event id -> its articles, kept up to date
    for event, mine in ordered:
        sources = event.sources
        mine_articles = {sources[0].article} if len(sources) == 1 else set(event.articles)
        match = None  # the earliest kept report that matches, as (position, event)
        bucket = by_date.get((event.date, event.end))
        if bucket:
            for article, kept_events in bucket.items():
                if article in mine_articles:
                    continue
                for position, kept in kept_events:
                    if match is not None and position > match[0]:
                        break
                    if mine_articles.isdisjoint(reported_by[kept.id]) and \
                            similarity(mine, kept_words[kept.id]) >= threshold:
                        match = (position, kept)
                        break
        if match is None:
            merged.append(event)
            bucket = by_date.setdefault((event.date, event.end), {})
            for article in mine_articles if len(sources) == 1 else event.articles:
                bucket.setdefault(article, []).append((len(merged), event))
            kept_words[event.id] = mine
            reported_by[event.id] = mine_articles
        else:
            match = match[1]
            match.sources.extend(sources)
            reported_by[match.id] |= mine_articles
            if match.status != event.status:  # one report says it happened: it is no plan
                match.status = None
            if match.tags or event.tags:
                match.tags = sorted(set(match.tags) | set(event.tags))
            match.confidence = _combined(match.confidence, event.confidence)
            kept_words[match.id] = kept_words[match.id] | mine
    flag_conflicts(merged, kept_words)
    return merged


def _combined(a: float | None, b: float | None) -> float | None:
    """Independent reports of one date make it a little more certain."""
    if a is None or b is None:
        return a if b is None else b
    return round(min(1.0, max(a, b) + 0.05), 2)


def flag_conflicts(events: list[Event], words: dict[str, frozenset[str]],
                   threshold: float = CONFLICT_SIMILARITY) -> None:
    """Mark pairs from different articles with similar wording and disagreeing dates.

    Each event lists its ``MAX_CONFLICTS`` closest conflicting reports (by similarity, then
    date and id), sorted by date and id; the pairs come from ``conflict_pairs``.
    """
    found: dict[int, list[tuple[float, int]]] = {}
    for i, j, score in conflict_pairs(events, words, threshold):
        found.setdefault(i, []).append((score, j))
        found.setdefault(j, []).append((score, i))
    for i, pairs in found.items():
        closest = sorted(pairs, key=lambda p: (-p[0], events[p[1]].date, events[p[1]].id))
        entries = [_conflict_entry(events[j]) for _, j in closest[:MAX_CONFLICTS]]
        events[i].conflict.extend(entries)
        events[i].conflict.sort(key=lambda c: (c["date"], c["event"]))


def conflict_pairs(events: list[Event], words: dict[str, frozenset[str]],
                   threshold: float = CONFLICT_SIMILARITY) -> list[tuple[int, int, float]]:
    """Every pair ``(i, j, similarity)``, ``i < j``, of events from different articles whose
    wording says they are one event (``conflict_wording``) and whose dates disagree.

    Exactly the pairs a test of every pair against every other finds, without testing them
    all. A conflict needs ``MIN_SHARED_ACTION`` shared words that are neither common nor in
    either event's names ("action words"), and its dates are of one granularity and at most
    ``MAX_CONFLICT_GAP_DAYS`` apart. So each event looks up only its own action words, in
    an index of action words by granularity sorted by first day, and only in the window of
    days after its own period where a disagreeing report can start: each pair is met once,
    from its earlier event, and counted shared action words are exact, not a bound.
    """
    if MIN_SHARED_ACTION < 1:  # the index finds pairs by a shared action word
        raise ValueError("conflict_pairs needs MIN_SHARED_ACTION >= 1")
    document_frequency: Counter[str] = Counter()
    for event in events:
        document_frequency.update(words[event.id])
    common = common_words(document_frequency, len(events))
    periods = [e.period for e in events]
    names = [name_words(e) for e in events]
    actions = [words[e.id] - names[i] - common for i, e in enumerate(events)]
    # (granularity, word) -> first days (as ordinals) and event indices, by first day
    index: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for i, action in enumerate(actions):
        if len(action) < MIN_SHARED_ACTION:
            continue
        start = periods[i].start.toordinal()
        granularity = periods[i].granularity
        for word in action:
            index.setdefault((granularity, word), []).append((start, i))
    starts: dict[tuple[str, str], list[int]] = {}
    members: dict[tuple[str, str], list[int]] = {}
    for key, posting in index.items():
        posting.sort()
        starts[key] = [s for s, _ in posting]
        members[key] = [i for _, i in posting]
    articles: list[frozenset[str] | None] = [None] * len(events)
    pairs: list[tuple[int, int, float]] = []
    for i, action in enumerate(actions):
        if len(action) < MIN_SHARED_ACTION:
            continue
        period = periods[i]
        granularity = period.granularity
        first = period.end.toordinal() + 1  # a disagreeing report starts after this one ends ...
        last = period.end.toordinal() + MAX_CONFLICT_GAP_DAYS.get(granularity, 366)  # ... soon
        counts: Counter[int] = Counter()
        for word in action:
            key = (granularity, word)
            found = starts[key]
            low = bisect.bisect_left(found, first)
            high = bisect.bisect_right(found, last, low)
            if high > low:
                counts.update(members[key][low:high])
        if not counts:
            continue
        mine = words[events[i].id]
        for j, shared_actions in counts.items():
            if shared_actions < MIN_SHARED_ACTION or not _disagree(period, periods[j]):
                continue
            if articles[i] is None:
                articles[i] = frozenset(events[i].articles)
            if articles[j] is None:
                articles[j] = frozenset(events[j].articles)
            if not articles[i].isdisjoint(articles[j]):
                continue
            theirs = words[events[j].id]
            if conflict_wording(mine, theirs, names[i], names[j], threshold, common):
                pairs.append((min(i, j), max(i, j), similarity(mine, theirs)))
    pairs.sort()
    return pairs


def _disagree(pa, pb) -> bool:
    """Same granularity, apart, but near enough to be one happening misdated."""
    if pa.granularity != pb.granularity:
        return False
    gap = (pb.start - pa.end).days if pa.end < pb.start else (pa.start - pb.end).days
    return 0 < gap <= MAX_CONFLICT_GAP_DAYS.get(pa.granularity, 366)


def _conflict_entry(other: Event) -> dict:
    return {"event": other.id, "date": other.date, "articles": other.articles}
