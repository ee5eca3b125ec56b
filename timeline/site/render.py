"""Render planned pages to HTML fragments with Jinja templates a user can override.

Templates are looked up in the theme's folders first (so ``custom_dir/timeline/event.html``
replaces ours), then in the package. Autoescape is on: titles, quotes and article text
come from scraped pages and hand-edited YAML. Rendered year pages are cached by a hash of
what they show, so a ``mkdocs serve`` rebuild after a one-line edit re-renders one year.
"""
from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from timeline.site.labels import DateLabels
from timeline.site.model import YearGroup, group_views
from timeline.site.overview import build_overview
from timeline.site.plan import SitePlan, SourcePage, TagPage, TimelinePage, base_of
from timeline.site.provenance import build_provenance, citations_for

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
#: Rendered fragments kept across serve rebuilds (MkDocs makes a new plugin per build).
_CACHE_SIZE = 512
_fragment_cache: OrderedDict[str, str] = OrderedDict()


def make_environment(theme_dirs: list[str],
                     bytecode_cache: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    """Theme folders (custom_dir first) with the package templates as the fallback."""
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(theme_dirs),
                                  jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES))])
    # No auto_reload: each build makes a new environment, so a changed template is seen anyway,
    # and checking every file on each include (~20,000 a build) costs a stat each.
    env = jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             auto_reload=False, bytecode_cache=bytecode_cache)
    env.filters["web_url"] = web_url
    return env


def web_url(value: object) -> str | None:
    """``value`` if it is an http(s) address, else None: escaping keeps a ``javascript:``
    URL from the YAML out of the markup, but not out of an ``href``."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


class Renderer:
    """Turns each kind of planned page into the HTML that follows its Markdown content."""

    def __init__(self, env: jinja2.Environment, plan: SitePlan, labels: DateLabels, *,
                 by_month: bool, descending: bool, overview: bool, error: str | None = None,
                 cache: bool = True) -> None:
        self.env = env
        #: keep year pages in the fragment cache (serving); a build renders each page once, and
        #: its key (a digest of every event shown) and the kept HTML would be spent for nothing
        self.cache = cache
        self.error = error
        self.plan = plan
        self.labels = labels
        self.by_month = by_month
        self.descending = descending
        self.overview = build_overview(plan.views, labels, by_month=by_month) if overview else None
        self.event_urls = {v.id: v.url for v in plan.views}
        self._template_key = _templates_key(env)
        #: id(view) -> digest of what the page shows of it (the plan holds the views meanwhile)
        self._view_digests: dict[int, bytes] = {}
        self._composed = ComposedTimeline.make(env, self._render)

    def _render(self, name: str, **context) -> str:
        context.setdefault("event_urls", self.event_urls)
        return self.env.get_template(name).render(**context)

    def _banner(self) -> str:
        """While serving with a broken events file: the error, above the last good timeline."""
        return self._render("timeline/error.html", error=self.error) if self.error else ""

    def home(self, page_url: str) -> str:
        """The timeline page: overview, then the whole timeline or the list of year pages."""
        plan, base = self.plan, base_of(page_url)
        body = Markup("")
        if not plan.split and plan.timeline_pages:
            # Our own autoescaped output: marked safe so the home template does not escape it twice.
            body = Markup(self.timeline(plan.timeline_pages[0], page_url, with_pager=False))
        return self._banner() + self._render("timeline/home.html", base=base, plan=plan,
                                             overview=self.overview, timeline=body, count=len(plan.views))

    def timeline(self, page: TimelinePage, page_url: str, *, with_pager: bool = True) -> str:
        """One page of events, from the fragment cache when nothing it shows has changed."""
        base = base_of(page_url)
        key = self._key(page, base, with_pager) if self.cache else None
        cached = _fragment_cache.get(key) if key is not None else None
        if cached is not None:
            _fragment_cache.move_to_end(key)
            return (self._banner() if with_pager else "") + cached
        years = self.years(page)
        context = dict(base=base, page=page, years=years, count=len(page.views),
                       pager=with_pager and page.pages > 1, event_urls=self.event_urls)
        html = self._composed.render(**context) if self._composed is not None else None
        if html is None:
            html = self._render("timeline/timeline.html", **context)
        if key is not None:
            _fragment_cache[key] = html
            if len(_fragment_cache) > _CACHE_SIZE:
                _fragment_cache.popitem(last=False)
        return (self._banner() if with_pager else "") + html

    def search_text(self, page: TimelinePage) -> str:
        """The lean HTML Material's search indexes instead of the full page of events."""
        return self._render("timeline/search.html", years=self.years(page))

    def years(self, page: TimelinePage) -> list[YearGroup]:
        return group_views(page.views, self.labels, by_month=self.by_month, descending=self.descending)

    def tag(self, page: TagPage, page_url: str) -> str:
        return self._render("timeline/tag.html", base=base_of(page_url), tag=page,
                            years=group_views(page.views, self.labels, by_month=False,
                                              descending=self.descending))

    def tags_index(self, page_url: str) -> str:
        return self._render("timeline/tags.html", base=base_of(page_url), tags=self.plan.tags)

    def source(self, page: SourcePage, page_url: str, text: str | None,
               note: str | None) -> tuple[str, str]:
        """The provenance fragment, and its lean twin for search (the article's words only)."""
        citations = citations_for(page.article_id, page.views, self.labels)
        provenance = build_provenance(text, citations, note)
        html = self._render("timeline/source.html", base=base_of(page_url), source=page,
                            article=page.entry, provenance=provenance,
                            published=self._day(page.entry.get("published")),
                            anchor=self._day(page.entry.get("anchor") or page.entry.get("published")))
        words = text if text is not None else "\n\n".join(c.quote for c in citations)
        lean = "".join(f"<p>{escape(p)}</p>" for p in words.split("\n\n") if p.strip())
        return html, lean

    def _day(self, value: object) -> str:
        """A day from the article table as a label ("4 March 2024"), or as written."""
        return self.labels.value(str(value or ""))

    def sources_index(self, page_url: str) -> str:
        return self._render("timeline/sources.html", base=base_of(page_url), sources=self.plan.sources)

    def _key(self, page: TimelinePage, base: str, with_pager: bool) -> str:
        """A hash of everything the fragment depends on: events, links, options, templates."""
        digest = hashlib.blake2b(digest_size=16)
        parts = [self._template_key, base, page.uri, page.title, str(page.number), str(page.pages),
                 repr(page.prev), repr(page.next), str(with_pager), str(self.by_month),
                 str(self.descending), repr(self.labels.locale)]
        digest.update("\x1f".join(parts).encode())
        self._digest_views(digest, page.views)
        return digest.hexdigest()

    def _digest_views(self, digest, views: list) -> None:
        known = self._view_digests
        for view in views:
            part = known.get(id(view))
            if part is None:  # each view shows on a year page, its source pages and tag pages
                one = hashlib.blake2b(repr(view.event).encode(), digest_size=16)
                one.update(view.url.encode())
                for link in view.tags:
                    one.update(link.url.encode())
                for source in view.sources:
                    one.update((source.url or "").encode() + source.title.encode())
                for conflict in view.conflicts:
                    one.update(self.event_urls.get(str(conflict.get("event")), "").encode())
                part = known[id(view)] = one.digest()
            digest.update(part)

    def page_key(self, page: TimelinePage | TagPage | SourcePage, page_url: str,
                 article: tuple[str | None, str | None] = (None, None)) -> str:
        """A hash of everything the plugin puts on ``page`` (``article``: a source page's text
        and note), so a finished page can be reused while it is unchanged."""
        digest = hashlib.blake2b(digest_size=16)
        digest.update("\x1f".join([self._template_key, type(page).__name__, page_url, str(self.error),
                                   str(self.by_month), str(self.descending),
                                   repr(self.labels.locale)]).encode())
        if isinstance(page, TimelinePage):
            digest.update(self._key(page, base_of(page_url), True).encode())
        elif isinstance(page, TagPage):
            digest.update(page.name.encode() + b"\x1f" + page.url.encode())
            self._digest_views(digest, page.views)
        else:
            digest.update(repr((page.article_id, sorted(page.entry.items(), key=str), page.url,
                                article)).encode("utf-8", "replace"))
            self._digest_views(digest, page.views)
        return digest.hexdigest()

    def index_key(self, kind: str, page_url: str) -> str:
        """Like ``page_key``, for the tags index (``kind`` "tags") or the sources index."""
        digest = hashlib.blake2b(digest_size=16)
        digest.update("\x1f".join([self._template_key, kind, page_url, str(self.error)]).encode())
        if kind == "tags":
            for tag in self.plan.tags:
                digest.update(f"{tag.name}\x1e{tag.url}\x1e{len(tag.views)}\x1f".encode("utf-8", "replace"))
        else:
            for source in self.plan.sources:
                digest.update(repr((source.article_id, source.url, sorted(source.entry.items(), key=str),
                                    len(source.views))).encode("utf-8", "replace") + b"\x1f")
        return digest.hexdigest()


class ComposedTimeline:
    """``timeline.html`` with ``event.html`` written in where it includes it, when both are
    the package's own (not overridden).

    Why: Jinja's ``include`` inside the loop over events sets up a new context for each
    event, about a third of rendering a page of events (100,000 events: ~1.2 s). The composed
    template prints the same bytes (the include's place is closed up as Jinja drops the
    included template's last newline); the first page is also rendered the usual way and
    compared, and any difference renders every page the usual way.
    """

    INCLUDE = re.compile(r'^[ \t]*\{% include "timeline/event\.html" %\}\n[ \t]*\{% endfor %\}', re.MULTILINE)

    def __init__(self, template: jinja2.Template, render) -> None:
        self.template: jinja2.Template | None = template
        self.render_usual = render
        self.checked = False

    @classmethod
    def make(cls, env: jinja2.Environment, render) -> ComposedTimeline | None:
        sources = []
        for name in ("timeline.html", "event.html"):
            try:
                source, filename, _ = env.loader.get_source(env, f"timeline/{name}")
            except jinja2.TemplateNotFound:
                return None
            if Path(filename or "") != PACKAGE_TEMPLATES / "timeline" / name:
                return None  # overridden: rendered as the person wrote it
            sources.append(source)
        page, event = sources
        if len(cls.INCLUDE.findall(page)) != 1:
            return None
        event = event[:-1] if event.endswith("\n") else event
        composed = cls.INCLUDE.sub(lambda _: event + "\n{%- endfor %}", page)
        try:
            return cls(env.from_string(composed), render)
        except jinja2.TemplateError:
            return None

    def render(self, **context) -> str | None:
        """The page of events, or None: render it the usual way."""
        if self.template is None:
            return None
        html = self.template.render(**context)
        if not self.checked:
            self.checked = True
            if html != self.render_usual("timeline/timeline.html", **context):
                self.template = None
        return html if self.template is not None else None


#: The package's templates (a theme's custom_dir may replace any of them).
_TEMPLATE_NAMES = tuple(f"timeline/{name}" for name in (
    "timeline.html", "event.html", "error.html", "exports.html", "home.html", "overview.html",
    "pager.html", "search.html", "source.html", "sources.html", "tag.html", "tags.html"))


def _templates_key(env: jinja2.Environment) -> str:
    """Which template files are in use and when they last changed, for the cache key."""
    parts = []
    for name in _TEMPLATE_NAMES:
        try:
            source, filename, _ = env.loader.get_source(env, name)
        except jinja2.TemplateNotFound:
            continue
        parts.append(f"{filename}:{hashlib.blake2b(source.encode(), digest_size=8).hexdigest()}")
    return "|".join(parts)
