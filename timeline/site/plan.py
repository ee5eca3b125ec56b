"""Which pages the timeline site has and which events each one shows.

One pass over the events decides every page: the timeline (whole, or one page per year,
paged when a year is larger than ``page_size``), a page per tag, a page per source
article, their two index pages and the export files. The plugin turns the plan into
MkDocs files; the renderer turns each planned page into HTML.
"""
from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field

from timeline.site.labels import DateLabels
from timeline.site.model import EventView, Link, make_view
from timeline.store import EventsFile

EXPORT_NAMES = {"json": "timeline.json", "ics": "timeline.ics", "csv": "timeline.csv"}


@dataclass
class TimelinePage:
    """A page of events: the whole timeline, or one year (or one page of a large year)."""

    uri: str
    title: str
    views: list[EventView]
    year: int | None = None
    number: int = 1
    pages: int = 1
    prev: Link | None = None
    next: Link | None = None


@dataclass
class TagPage:
    uri: str
    name: str
    url: str
    views: list[EventView] = field(default_factory=list)


@dataclass
class SourcePage:
    """A source article's provenance page: the article with the cited expressions marked."""

    uri: str
    article_id: str
    entry: dict
    url: str
    views: list[EventView] = field(default_factory=list)


@dataclass
class YearSummary:
    year: int
    count: int
    planned: int
    url: str


@dataclass
class SitePlan:
    """Every generated page, by source URI, plus the views in reading order."""

    home: str
    split: bool
    views: list[EventView]
    timeline_pages: list[TimelinePage]
    years: list[YearSummary]
    tags: list[TagPage]
    sources: list[SourcePage]
    tags_index: str | None
    sources_index: str | None
    exports: dict[str, str]
    by_uri: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for page in [*self.timeline_pages, *self.tags, *self.sources]:
            self.by_uri[page.uri] = page


def page_url(uri: str, directory_urls: bool) -> str:
    """The URL MkDocs gives the page built from ``uri``, relative to the site root."""
    stem = uri[:-3] if uri.endswith(".md") else uri
    if uri == stem:
        return uri
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-len("index")]
    return stem + "/"


def base_of(url: str) -> str:
    """The way from a page at ``url`` back to the site root: ``years/2024/`` -> ``../../``."""
    return "../" * url.count("/")


def slugify(text: str, taken: set[str]) -> str:
    """A URL-safe, unique slug: "Elena Okafor" -> "elena-okafor"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80] or "item"
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


def plan_site(events_file: EventsFile, options, labels: DateLabels, *,
              directory_urls: bool = True) -> SitePlan:
    """Decide every page for ``events_file`` under the plugin ``options`` (a ``TimelineConfig``)."""
    home = options.page
    folder = posixpath.dirname(home)
    join = (lambda *parts: posixpath.join(folder, *parts))

    def url(uri: str) -> str:
        return page_url(uri, directory_urls)

    source_uris: dict[str, str] = {}
    if options.sources:
        taken: set[str] = {"index"}
        for article_id in events_file.articles:
            source_uris[article_id] = join("sources", slugify(article_id, taken) + ".md")
    tag_uris: dict[str, str] = {}
    tag_taken: set[str] = {"index"}

    def source_url(article_id: str) -> str | None:
        uri = source_uris.get(article_id)
        return url(uri) if uri else None

    def tag_url(name: str) -> str:
        if not options.tags:
            return ""
        uri = tag_uris.get(name)
        if uri is None:
            uri = tag_uris[name] = join("tags", slugify(name, tag_taken) + ".md")
        return url(uri)

    views = [make_view(e, labels, events_file.articles, source_url, tag_url)
             for e in events_file.events]
    if options.order == "descending":
        views.reverse()
    split = options.split == "year" or (options.split == "auto" and len(views) > options.page_size)
    pages = _year_pages(views, options.page_size, join, url) if split else [
        TimelinePage(home, "Timeline", views)]
    for page in pages:
        for view in page.views:
            view.url = f"{url(page.uri)}#{view.id}"
    return SitePlan(
        home=home, split=split, views=views, timeline_pages=pages,
        years=_summaries(views, pages, url) if split else [],
        tags=_tag_pages(views, tag_uris, url),
        sources=_source_pages(views, events_file, source_uris, url),
        tags_index=join("tags", "index.md") if options.tags and tag_uris else None,
        sources_index=join("sources", "index.md") if source_uris else None,
        exports={fmt: join(EXPORT_NAMES[fmt]) for fmt in options.exports})


def _year_pages(views: list[EventView], page_size: int, join, url) -> list[TimelinePage]:
    """One page per year; a year with more than ``page_size`` events runs over several."""
    by_year: dict[int, list[EventView]] = {}
    for view in views:
        by_year.setdefault(view.period.start.year, []).append(view)
    pages: list[TimelinePage] = []
    for year, year_views in by_year.items():
        chunks = [year_views[i:i + page_size] for i in range(0, len(year_views), page_size)]
        year_pages = []
        for number, chunk in enumerate(chunks, 1):
            name = f"{year}.md" if number == 1 else f"{year}-{number}.md"
            title = str(year) if len(chunks) == 1 else f"{year} ({number} of {len(chunks)})"
            year_pages.append(TimelinePage(join("years", name), title, chunk, year, number, len(chunks)))
        for before, after in zip(year_pages, year_pages[1:]):
            before.next = Link(after.title, url(after.uri))
            after.prev = Link(before.title, url(before.uri))
        pages.extend(year_pages)
    return pages


def _summaries(views: list[EventView], pages: list[TimelinePage], url) -> list[YearSummary]:
    first_page: dict[int, str] = {}
    for page in pages:
        first_page.setdefault(page.year, url(page.uri))
    counts: dict[int, list[int]] = {}
    for view in views:
        c = counts.setdefault(view.period.start.year, [0, 0])
        c[0] += 1
        c[1] += view.planned
    return [YearSummary(year, n, planned, first_page[year]) for year, (n, planned) in counts.items()]


def _tag_pages(views: list[EventView], tag_uris: dict[str, str], url) -> list[TagPage]:
    pages = {name: TagPage(uri, name, url(uri)) for name, uri in tag_uris.items()}
    for view in views:
        for tag in view.tags:
            page = pages.get(tag.text)
            if page is not None and (not page.views or page.views[-1] is not view):
                page.views.append(view)
    return sorted(pages.values(), key=lambda p: p.name.casefold())


def _source_pages(views: list[EventView], events_file: EventsFile,
                  source_uris: dict[str, str], url) -> list[SourcePage]:
    pages = {aid: SourcePage(uri, aid, events_file.articles[aid], url(uri))
             for aid, uri in source_uris.items()}
    for view in sorted(views, key=lambda v: v.event.sort_key()):
        for article_id in dict.fromkeys(s.article for s in view.sources):
            if article_id in pages:
                pages[article_id].views.append(view)
    return list(pages.values())
