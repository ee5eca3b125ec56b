"""The provenance view: an article's text with every cited temporal expression marked.

The site never resolves dates. The events file already says, for each source, which
sentence (``quote``) and which words (``expression``) gave the date, the anchor they were
read against and (for the event's own source) the value. Here we find the quote in the
article's text, then the expression inside the quote, and attach that record to the words.
The article file is read with the same readers ``timeline extract`` used, so the text is
the one the quotes were taken from, and only from inside the project folder.
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from timeline.errors import TimelineError
from timeline.site.labels import DateLabels
from timeline.site.model import EventView

log = logging.getLogger("mkdocs.plugins.timeline")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Citation:
    """One source of one event, as the events file records it."""

    view: EventView
    quote: str
    expression: str
    anchor: str
    value: str
    value_label: str
    anchor_label: str


@dataclass
class Mark:
    """A marked stretch of the article, with every citation that points at it."""

    start: int
    end: int
    citations: list[Citation] = field(default_factory=list)
    #: Fragment ids (``cite-<event id>``) that land here: each event's first citation.
    anchors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Segment:
    text: str
    mark: Mark | None = None


@dataclass
class Provenance:
    """The article as paragraphs of segments; citations not found in it are listed apart."""

    paragraphs: list[list[Segment]]
    unplaced: list[Mark]
    note: str | None = None

    @property
    def marks(self) -> int:
        return sum(1 for p in self.paragraphs for s in p if s.mark is not None)


def citations_for(article_id: str, views: list[EventView], labels: DateLabels) -> list[Citation]:
    """Each source of ``views`` that cites ``article_id``, with human labels for value and anchor."""
    out = []
    for view in views:
        for source in view.sources:
            if source.article != article_id:
                continue
            value = source.value or view.event.date
            out.append(Citation(view, source.quote, source.expression, source.anchor, value,
                                labels.value(value), labels.value(source.anchor)))
    return out


def build_provenance(text: str | None, citations: list[Citation], note: str | None = None) -> Provenance:
    """Mark each citation's expression inside its quote in ``text``."""
    if text is None:
        return Provenance([], _anchor(_one_mark_each(citations), set()), note)
    marks: dict[tuple[int, int], Mark] = {}
    unplaced = []
    for citation in citations:
        span = locate(text, citation.quote, citation.expression)
        if span is None:
            unplaced.append(citation)
            continue
        marks.setdefault(span, Mark(*span)).citations.append(citation)
    placed: list[Mark] = []
    for mark in sorted(marks.values(), key=lambda m: (m.start, -m.end)):
        if placed and mark.start < placed[-1].end:  # overlaps a mark already placed
            unplaced.extend(mark.citations)
            continue
        placed.append(mark)
    paragraphs = _paragraphs(text, placed, unplaced)
    seen: set[str] = set()
    _anchor([s.mark for p in paragraphs for s in p if s.mark is not None], seen)
    return Provenance(paragraphs, _anchor(_one_mark_each(unplaced), seen), note)


def _one_mark_each(citations: list[Citation]) -> list[Mark]:
    """Citations that could not be placed, each as a mark of its own quote."""
    return [Mark(0, 0, [c]) for c in citations]


def _anchor(marks: list[Mark], seen: set[str]) -> list[Mark]:
    for mark in marks:
        for citation in mark.citations:
            anchor = f"cite-{citation.view.id}"
            if anchor not in seen:
                seen.add(anchor)
                mark.anchors.append(anchor)
    return marks


def locate(text: str, quote: str, expression: str) -> tuple[int, int] | None:
    """Where ``expression`` is inside the first occurrence of ``quote`` in ``text``.

    Whitespace may differ (the YAML folds long lines); case may differ for the
    expression alone. Without a quote, the expression's first occurrence counts.
    """
    if not expression.strip():
        return None
    lo, hi = 0, len(text)
    if quote.strip():
        found = _flexible(quote).search(text)
        if found is None:
            return None
        lo, hi = found.span()
    found = _flexible(expression).search(text, lo, hi) or _flexible(expression, re.I).search(text, lo, hi)
    return found.span() if found else None


@lru_cache(maxsize=4096)
def _flexible(words: str, flags: int = 0) -> re.Pattern:
    return re.compile(r"\s+".join(re.escape(w) for w in words.split()), flags)


def _paragraphs(text: str, marks: list[Mark], unplaced: list[Citation]) -> list[list[Segment]]:
    """Split into paragraphs at blank lines, cutting each around the marks inside it."""
    paragraphs: list[list[Segment]] = []
    bounds = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        bounds.append((start, brk.start()))
        start = brk.end()
    bounds.append((start, len(text)))
    i = 0
    for lo, hi in bounds:
        segments: list[Segment] = []
        pos = lo
        while i < len(marks) and marks[i].start < hi:
            mark = marks[i]
            i += 1
            if mark.start < lo or mark.end > hi:  # crosses a paragraph break
                unplaced.extend(mark.citations)
                continue
            if mark.start > pos:
                segments.append(Segment(text[pos:mark.start]))
            segments.append(Segment(text[mark.start:mark.end], mark))
            pos = mark.end
        if pos < hi:
            segments.append(Segment(text[pos:hi]))
        if any(s.text.strip() for s in segments):
            paragraphs.append(segments)
    return paragraphs


def read_article_text(article_id: str, entry: dict, root: Path, articles_dir: Path | None, *,
                      base: str | None = None,
                      heads: dict[str, str] | None = None) -> tuple[str | None, str | None]:
    """``(text, None)``, or ``(None, why not)``: the body of the article as extract read it.

    ``path`` from the events file is confined to ``root`` (the project folder); without
    one, ``articles_dir/<id>.*`` is tried. ``base``: ``root`` already resolved, when the
    caller reads many articles (see ``_confined``); ``heads``: folders' real paths found so
    far, kept by that caller for the build.
    """
    from timeline.articles.formats import READERS
    from timeline.safety import confine_path

    candidates: list[Path] = []
    raw = entry.get("path")
    try:
        if raw:
            candidates.append((base is not None and _confined(str(raw), base, heads))
                              or confine_path(str(raw), root, field="path"))
        elif articles_dir is not None:
            candidates.extend(articles_dir / f"{article_id}{suffix}" for suffix in READERS)
    except TimelineError as exc:
        log.warning("timeline: article %s: %s", article_id, exc)
        return None, "The article's file is outside the project folder, so it is not shown."
    for path in candidates:
        if path.is_file():
            try:
                stat = path.stat()
                return _read_cached(str(path), stat.st_mtime_ns, stat.st_size, article_id), None
            except TimelineError as exc:
                log.warning("timeline: article %s: %s", article_id, exc)
                return None, "The article's file could not be read."
    return None, "The article's text is not available here; the quotes below are from the events file."


def _confined(text: str, base: str, heads: dict[str, str] | None = None) -> Path | None:
    """``confine_path(text, root)`` when ``base`` is ``root`` resolved and the path is inside
    it (one ``realpath`` instead of two ``Path.resolve`` calls: a source page each, 2,500
    for a 10,000-event site); None for anything else, which ``confine_path`` then decides
    and words. ``heads`` (see ``_real_path``) saves resolving the same folders again."""
    if not text or "\x00" in text:
        return None
    candidate = os.path.expanduser(text) if text.startswith("~") else text
    joined = os.path.join(base, candidate)
    resolved = _real_path(joined, heads) if heads is not None else os.path.realpath(joined)
    if resolved != base and not resolved.startswith(base.rstrip(os.sep) + os.sep):
        return None
    return Path(resolved)


def _real_path(path: str, heads: dict[str, str]) -> str:
    """``os.path.realpath(path)``, its folder's real path taken from ``heads`` (filled in as
    it goes): then only the last name is looked at (one ``lstat``, not one per folder on the
    way; 100,000 events cite 25,000 articles, most in a few folders). A last name that is a
    link, or is not a plain name, gets the full ``realpath``."""
    head, tail = os.path.split(path)
    if not head or tail in ("", ".", ".."):
        return os.path.realpath(path)
    real_head = heads.get(head)
    if real_head is None:
        real_head = heads[head] = os.path.realpath(head)
    joined = os.path.join(real_head, tail)
    return os.path.realpath(path) if os.path.islink(joined) else joined


@lru_cache(maxsize=2048)
def _read_cached(path: str, mtime_ns: int, size: int, article_id: str) -> str:
    """The article body, cached by file identity so a serve rebuild rereads only changed files."""
    from timeline.articles.loader import read_article_file

    records = read_article_file(Path(path))
    chosen = next((r for r in records if r.id == article_id), records[0] if records else None)
    if chosen is None:
        raise TimelineError("no article in the file", path=path)
    return chosen.text
