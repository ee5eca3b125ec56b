"""The MkDocs plugin: reads the events file and renders the timeline pages.

It never resolves dates: the events file is its only input besides the article files it
shows on provenance pages. Event handlers stay thin: ``loading`` reads the events,
``plan`` decides the pages, ``render`` and the Jinja templates draw them, and ``exports``
writes the downloads. What only makes builds faster, without changing a byte of the site,
lives beside them: ``shell`` (one theme render per kind of page), ``markdown_once`` (one
Markdown converter per build, plain headings filled in), ``searchindex`` (our pages indexed
for search without its HTML parser), ``exportjob`` (large exports in a spawned child),
``gcpolicy``, and for ``mkdocs serve`` ``pagecache``,
``bypass``, ``writes``, ``keepsite``, ``bytecode``, the store's ``BlockReader`` and the
exports' parts (what did not change is reused).
"""
from __future__ import annotations

import logging
from functools import partial
from typing import Callable
from pathlib import Path

import jinja2
import mkdocs.utils

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from timeline.errors import TimelineError
from timeline.export import ExportOptions
from timeline.site import gcpolicy
from timeline.site import bypass
from timeline.site.bytecode import MemoryBytecodeCache
from timeline.site.config import TimelineConfig
from timeline.site.files import generated_markdown, is_under
from timeline.site.labels import DateLabels
from timeline.site.exports import ExportFiles
from timeline.site.exportjob import Permalinks
from timeline.site.keepsite import KeptSite
from timeline.site.loading import EventsCache, load_events
from timeline.site.markdown_once import SharedMarkdown
from timeline.site.pagecache import REPLAY_SOURCE, REPLAY_TEMPLATE, KeptPage, PageCache, site_key
from timeline.site.plan import SitePlan, SourcePage, TagPage, TimelinePage, plan_site
from timeline.site.provenance import read_article_text
from timeline.site.render import Renderer, make_environment
from timeline.site.searchindex import DirectIndex
from timeline.site.shell import SHELL_SOURCE, SHELL_TEMPLATE, ShellRenderer
from timeline.site.toc import timeline_toc
from timeline.site.writes import SkipUnchangedWrites, digest_of
from timeline.store import EventsFile
from timeline.store.reader import read_events_file_split

log = logging.getLogger("mkdocs.plugins.timeline")
_HERE = Path(__file__).parent
CSS_URI = "assets/timeline/timeline.css"


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Adds the timeline, its year, tag and source pages, and the exports to a MkDocs site."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.events_file: EventsFile | None = None
        self.plan: SitePlan | None = None
        self.renderer: Renderer | None = None
        self.root = Path(".")
        self.events_path = Path("events.yaml")
        self.articles_path: Path | None = None
        self.serving = False
        self.load_error: str | None = None
        #: src_uri -> (lean HTML for search, full HTML for the theme), or what makes them
        self._search_swap: dict[str, tuple[str, str] | Callable[[], tuple[str, str]]] = {}
        #: pages whose HTML is made just before the theme needs it: src_uri -> Markdown's HTML
        self._deferred: dict[str, str] = {}
        self._defer = False
        self._articles: dict[str, tuple[str | None, str | None]] = {}
        self._base: str | None = None
        self._heads: dict[str, str] = {}
        self._exports = ExportFiles()
        self._export_uris: list[str] = []
        #: exports a spawned child is still writing at on_env: MkDocs does not copy them, we do
        self._late_exports: list[File] = []
        self._events_cache = EventsCache()
        self._bytecode = MemoryBytecodeCache()
        self._dirty = False
        self._kept_site = KeptSite()
        self._written: set[str] = set()
        self._planned: tuple = (None, None)  # the events and options self.plan was made from
        #: Finished pages kept across serve rebuilds (this instance lives as long as serve).
        self.page_cache = PageCache()
        self._site_key = ""
        #: this build: src_uri -> page key (pages that may be kept), and the ones replayed
        self._page_keys: dict[str, str] = {}
        self._replayed: dict[str, KeptPage] = {}
        self._rendered: dict[str, tuple[str, str | None]] = {}
        #: search entries: the index length before a kept page, what it added, hidden meta
        self._entries_before: dict[str, int] = {}
        self._new_entries: dict[str, list] = {}
        self._search_meta: dict[str, object] = {}
        self._replay_entries: dict[str, list] = {}  # replayed pages' entries, added after search
        self._markdown = SharedMarkdown()
        self._direct_index = DirectIndex()
        self._writes = SkipUnchangedWrites()
        self._idle_gc = gcpolicy.IdleCollector()
        #: serving: unchanged pages skip MkDocs' per-page steps (see bypass)
        self._bypass = bypass.PageBypass(self._bypass_read, self._after_read, self._bypass_build)
        self._bypass_on = False
        self._bypassed: dict[str, KeptPage] = {}
        self._source_keys: dict[str, str] = {}
        self._states: dict[str, dict] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup makes MkDocs (1.4+) keep this instance across `mkdocs serve`
        # rebuilds, so a broken save can fall back to the last good events.
        self.serving = command == "serve"
        self._dirty = dirty
        if not self.serving:
            gcpolicy.no_collection_at_exit()

    # Last before MkDocs empties site_dir: while serving, the built site is moved aside (keepsite).
    @event_priority(-100)
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._idle_gc.cancel()
        if self.serving and not self._dirty:
            self._kept_site.set_aside(config.site_dir)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.page.endswith(".md"):
            raise PluginError(f"timeline: 'page' must name a Markdown page like 'index.md', "
                              f"not {self.config.page!r}")
        self.root = Path(config.config_file_path or ".").resolve().parent
        docs = Path(config.docs_dir)
        self.events_path = self.root / self.config.events if self.config.events else docs / "events.yaml"
        self.articles_path = self.root / self.config.articles if self.config.articles else docs / "articles"
        config.extra_css.append(CSS_URI)
        return config

    # Late, so files other plugins add are in place before we drop the raw articles and
    # add our pages; the search plugin then indexes them like any other page.
    # First after MkDocs emptied site_dir: the built site back, to be overwritten in place.
    @event_priority(100)
    def _site_back(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._kept_site.put_back()
        return files

    @event_priority(-50)
    def _add_pages(self, files: Files, *, config: MkDocsConfig) -> Files:
        with gcpolicy.loading(freeze=not self.serving):  # what is made here lives as long as the build
            self.events_file = self._load()
            labels = DateLabels(self.config.locale)
            plan_key = (repr(self.config), config.use_directory_urls)
            if (self.plan is None or self._planned[0] is not self.events_file
                    or self._planned[1] != plan_key):  # serving: unchanged events, same plan
                self.plan = plan_site(self.events_file, self.config, labels,
                                      directory_urls=config.use_directory_urls)
                self._planned = (self.events_file, plan_key)
            env = make_environment(config.theme.dirs, self._bytecode if self.serving else None)
            self.renderer = Renderer(env, self.plan, labels,
                                     by_month=self.config.group_by == "month",
                                     descending=self.config.order == "descending",
                                     overview=self.config.overview, error=self.load_error,
                                     cache=self.serving)
            self._drop_raw_articles(files)
            for file in self._generated_files(config, files):
                files.append(file)
        return files

    on_files = CombinedEvent(_site_back, _add_pages)

    @event_priority(-100)
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        """A fresh start for this build's pages; while serving, what every page shares, for
        reusing unchanged pages (see pagecache)."""
        self._page_keys, self._replayed, self._rendered = {}, {}, {}
        self._markdown = SharedMarkdown()
        self._direct_index = DirectIndex()
        self._entries_before, self._new_entries, self._search_meta = {}, {}, {}
        self._replay_entries = {}
        self._deferred = {}
        self._articles = {}
        self._base = None  # the project folder resolved, once a build
        self._heads = {}  # folders of article paths resolved, once a build
        # Deferred only when no other plugin looks at page content before the theme does:
        # then no page's HTML is held from Markdown to the theme (100,000 events: ~300 MB).
        self._defer = not self.serving and all(
            getattr(handler, "__self__", None) is self for handler in config.plugins.events["page_content"])
        if self.serving and self.plan is not None:
            in_nav = [(f.src_uri, _stamp(f)) for f in files.documentation_pages() if f.inclusion.is_in_nav()]
            self._site_key = site_key(config.config_file_path, config.theme.custom_dir,
                                      config.site_url or "", in_nav, repr(self.config))
            self.page_cache.keep_only({*self.plan.by_uri, self.plan.tags_index, self.plan.sources_index})
        self._bypassed, self._source_keys, self._states = {}, {}, {}
        search = _search_plugin(config)
        self._bypass_on = (self.serving and not self._dirty and self.plan is not None
                           and _search_entries(config) is not None
                           and bypass.only_these_page_handlers(config, lambda handler: (
                               getattr(handler, "__self__", None) in (self, search)
                               and (getattr(handler, "__self__", None) is self
                                    or getattr(handler, "__name__", "") == "on_page_context"))))
        if self._bypass_on:
            self._bypass.install()
        return nav

    def _bypass_read(self, page: Page) -> bool:
        """Before MkDocs reads ``page``: True if it is bypassed (set up as last time)."""
        if not self._bypass_on or self.plan is None or self.renderer is None:
            return False
        uri = page.file.src_uri
        target = self.plan.by_uri.get(uri)
        if (target is None or uri == self.plan.home or not page.file.generated_by
                or page.file.inclusion.is_in_nav() or page.file.inclusion.is_excluded()):
            return False
        source_key = (self._site_key + self._page_key_part(target, page.url)
                      + str(hash(page.file.content_string)))
        self._source_keys[uri] = source_key
        kept = self.page_cache.pages.get(uri)
        if (kept is None or kept.source_key != source_key or kept.state is None
                or kept.search_entries is None or kept.written is None):
            return False
        bypass.restore(page, kept.state)
        self._bypassed[uri] = self._replayed[uri] = kept
        self._page_keys[uri] = kept.key
        return True

    def _page_key_part(self, target, url: str) -> str:
        """What a generated page's HTML depends on, its source article included (a page key
        without the site's part and the page source's)."""
        assert self.renderer is not None
        article = self._article(target) if isinstance(target, SourcePage) else (None, None)
        return self.renderer.page_key(target, url, article)

    def _after_read(self, page: Page) -> None:
        uri = page.file.src_uri
        if uri in self._source_keys and uri not in self._replayed:
            self._states[uri] = bypass.snapshot(page)

    def _bypass_build(self, page: Page, config: MkDocsConfig) -> bool:
        """Instead of MkDocs building a bypassed page: its search entries, and its HTML."""
        kept = self._bypassed.get(page.file.src_uri)
        if kept is None or kept.written is None or kept.search_entries is None:
            return False
        entries = _search_entries(config)
        assert entries is not None  # checked in on_nav
        entries.extend(kept.search_entries)
        path = page.file.abs_dest_path
        if not self._writes.unchanged(path, *kept.written):
            mkdocs.utils.write_file(kept.output.encode("utf-8", errors="xmlcharrefreplace"), path)
        return True

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page is converted on the build's shared Markdown converter; while
        serving, one whose key is unchanged is replayed, not rendered."""
        if self.plan is None or self.renderer is None:
            return markdown
        uri = page.file.src_uri
        target = self.plan.by_uri.get(uri)
        # The tags and sources index pages we generated (not a person's own) may be replayed.
        index = uri in (self.plan.tags_index, self.plan.sources_index) and bool(page.file.generated_by)
        if (target is None and not index) or uri == self.plan.home:
            return markdown  # the home page is the person's own Markdown: always rendered
        if target is not None:
            page.render = partial(self._markdown.render, page)  # type: ignore[method-assign]
        if not self.serving:
            return markdown
        if index:
            part = self.renderer.index_key("tags" if uri == self.plan.tags_index else "sources", page.url)
        else:
            part = self._page_key_part(target, page.url)
        key = self._site_key + part + str(hash((markdown, repr(page.meta))))
        self._page_keys[uri] = key
        kept = self.page_cache.get(uri, key)
        if kept is not None:
            self._replayed[uri] = kept
            page.render = partial(_replay_render, page, kept)  # type: ignore[method-assign]
            page.meta["template"] = REPLAY_TEMPLATE
            page.timeline_replay = kept.output  # type: ignore[attr-defined]
        return markdown

    # Last: every page has its content, and other plugins have set up the environment.
    @event_priority(-100)
    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files):
        if not self.serving:
            gcpolicy.pages_made()
        self._written = {f.abs_dest_path for f in files}
        self._late_exports = []
        if self._exports.spawned:  # still being written: copied at the end, not waited for here
            self._late_exports = [f for f in (files.get_file_from_path(uri) for uri in self._export_uris)
                                  if f is not None]
            for file in self._late_exports:
                files.remove(file)
        else:
            self._exports.wait()  # MkDocs copies the files next
        if self.serving:
            env.bytecode_cache = self._bytecode
            self._writes.install()  # MkDocs writes the pages next
        env.loader = jinja2.ChoiceLoader([
            jinja2.DictLoader({REPLAY_TEMPLATE: REPLAY_SOURCE, SHELL_TEMPLATE: SHELL_SOURCE}),
            env.loader])
        if self.plan is not None:
            ours = [f.page for f in files.documentation_pages(inclusion=InclusionLevel.is_included)
                    if f.page is not None and f.src_uri in self.plan.by_uri and f.src_uri != self.plan.home
                    and f.src_uri not in self._replayed and not f.inclusion.is_in_nav()]
            ShellRenderer().adopt(ours, env)
        return env

    # First of all post_page handlers: the theme's HTML as rendered, before others change it.
    @event_priority(100)
    def _keep_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        uri = page.file.src_uri
        key = self._page_keys.get(uri)
        if key is not None and uri not in self._replayed and uri in self._rendered:
            markdown_html, lean = self._rendered[uri]
            state = self._states.pop(uri, None)
            written = None
            if state is not None:
                encoded = output.encode("utf-8", errors="xmlcharrefreplace")
                written = (digest_of(encoded), len(encoded))
            self.page_cache.put(uri, KeptPage(key, markdown_html, page.content or "", lean,
                                              page.toc, page.present_anchor_ids, output,
                                              self._new_entries.pop(uri, None),
                                              self._source_keys.get(uri), state, written))
        return output

    # Last of all post_page handlers: a deferred page's HTML is written; let it go.
    @event_priority(-100)
    def _release_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        heading = self._deferred.pop(page.file.src_uri, None)
        if heading is not None:
            page.content = heading
        return output

    on_post_page = CombinedEvent(_keep_page, _release_page)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.plan is None or self.renderer is None:
            return html
        uri, url = page.file.src_uri, page.url
        kept = self._replayed.get(uri)
        if kept is not None:
            if kept.lean is not None:
                self._search_swap[uri] = (kept.lean, kept.content)
            return kept.content
        target = self.plan.by_uri.get(uri)
        if uri in self._page_keys:
            self._rendered[uri] = (html, None)
        if uri == self.plan.home:
            if self.plan.split:
                return html + self.renderer.home(url)
            events = self.plan.timeline_pages[0]
            page.toc = timeline_toc(self.renderer.years(events), page.toc)
            return self._with_search_text(uri, html, self.renderer.home(url), events)
        if isinstance(target, TimelinePage):
            page.toc = timeline_toc(self.renderer.years(target), page.toc)
            renderer = self.renderer
            if self._defer:
                return self._later(uri, html, lambda: (html + renderer.search_text(target),
                                                       html + renderer.timeline(target, url)))
            return self._with_search_text(uri, html, self.renderer.timeline(target, url), target)
        if isinstance(target, TagPage):
            return html + self.renderer.tag(target, url)
        if isinstance(target, SourcePage):
            if self._defer:
                return self._later(uri, html, partial(self._source_html, target, url, html))
            text, note = self._article(target)
            fragment, lean = self.renderer.source(target, url, text, note)
            lean, full = html + lean, html + fragment
            self._search_swap[uri] = (lean, full)
            self._rendered[uri] = (html, lean)
            return full
        if uri == self.plan.tags_index:
            return html + self.renderer.tags_index(url)
        if uri == self.plan.sources_index:
            return html + self.renderer.sources_index(url)
        return html

    def _article(self, target: SourcePage) -> tuple[str | None, str | None]:
        """The article's text (or why not); serving asks for it for the page key too, so it is
        kept for the build then (not otherwise: 100,000 events may cite 25,000 articles)."""
        article = self._articles.get(target.article_id)
        if article is None:
            if self._base is None:
                self._base = str(self.root.resolve())
            article = read_article_text(target.article_id, target.entry, self.root, self.articles_path,
                                        base=self._base, heads=self._heads)
            if self.serving:
                self._articles[target.article_id] = article
        return article

    def _later(self, uri: str, html: str, make: Callable[[], tuple[str, str]]) -> str:
        """Defer a page's HTML to ``on_page_context``: ``make`` gives (lean, full)."""
        self._deferred[uri] = html
        self._search_swap[uri] = make
        return html

    def _source_html(self, target: SourcePage, url: str, html: str) -> tuple[str, str]:
        """A source page's (lean, full) HTML."""
        assert self.renderer is not None
        text, note = self._article(target)
        fragment, lean = self.renderer.source(target, url, text, note)
        return html + lean, html + fragment

    # Before Material's search (priority 0) indexes the page: hand it the lean version.
    @event_priority(100)
    def _lean_page_for_search(self, context, *, page: Page, config: MkDocsConfig, nav):
        uri = page.file.src_uri
        swap = self._search_swap.get(uri)
        if callable(swap):  # deferred (no other plugin has page content): made only now
            swap = self._search_swap[uri] = swap()
        elif swap is not None and page.content is not swap[1]:
            # Another plugin's on_page_content ran after ours and changed the full page:
            # the theme gets the page as it left it, not our version from before.
            swap = self._search_swap[uri] = (swap[0], page.content)
        if swap is not None:
            page.content = swap[0]
        entries = _search_entries(config)
        kept = self._replayed.get(uri)
        if entries is not None and kept is not None and kept.search_entries is not None:
            # A replayed page: search skips it, and gets its entries from last time (below).
            self._hide_from_search(page)
            self._replay_entries[uri] = kept.search_entries
            return context
        if entries is not None and uri in self._page_keys:
            self._entries_before[uri] = len(entries)
        ours = swap is not None or (self.plan is not None and uri in (self.plan.tags_index,
                                                                      self.plan.sources_index))
        if ours and self._direct_index.add(_search_plugin(config), page):
            self._hide_from_search(page)  # indexed here, from its flat HTML (see searchindex)
        return context

    def _hide_from_search(self, page: Page) -> None:
        """Search skips ``page`` (its entries are added by us); ``_full_page_for_theme`` undoes it."""
        self._search_meta[page.file.src_uri] = page.meta.get("search", _ABSENT)
        page.meta["search"] = {"exclude": True}

    # After search has indexed it: the full page again, for the theme to render.
    @event_priority(-100)
    def _full_page_for_theme(self, context, *, page: Page, config: MkDocsConfig, nav):
        uri = page.file.src_uri
        swap = self._search_swap.pop(uri, None)
        if callable(swap):
            swap = swap()
        if swap is not None:
            page.content = swap[1]
        entries = _search_entries(config)
        if uri in self._search_meta:
            meta = self._search_meta.pop(uri)
            if meta is _ABSENT:
                page.meta.pop("search", None)
            else:
                page.meta["search"] = meta
        replayed = self._replay_entries.pop(uri, None)
        if replayed is not None and entries is not None:
            entries.extend(replayed)
        if uri in self._entries_before and entries is not None:
            self._new_entries[uri] = entries[self._entries_before.pop(uri):]
        return context

    on_page_context = CombinedEvent(_lean_page_for_search, _full_page_for_theme)

    def _with_search_text(self, uri: str, html: str, fragment: str, page: TimelinePage) -> str:
        """The full page, remembering a lean twin for search (see ``on_page_context``)."""
        assert self.renderer is not None
        full = html + fragment
        lean = html + self.renderer.search_text(page)
        self._search_swap[uri] = (lean, full)
        if uri in self._page_keys:
            self._rendered[uri] = (html, lean)
        return full

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # Watch the events (file or folder) and the articles: an edit to either rebuilds.
        for path in (self.events_path, self.articles_path):
            if path is not None and path.exists():
                server.watch(str(path))
        return server

    def _load(self) -> EventsFile:
        """The events; a problem is a PluginError, except while serving, where it is logged
        once and the last good events stay on screen with the message above them, so the
        preview keeps answering and the next good save recovers."""
        try:
            events_file = (self._events_cache.load(self.events_path) if self.serving
                           else load_events(self.events_path, read=read_events_file_split))
        except TimelineError as exc:
            if not self.serving:
                raise PluginError(f"timeline: {exc}") from None
            log.error("timeline: %s", exc)
            self.load_error = str(exc)
            return self.events_file or EventsFile(str(self.events_path))
        self.load_error = None
        return events_file

    def _drop_raw_articles(self, files: Files) -> None:
        """Article files inside docs_dir are inputs, not pages: their text appears on source pages."""
        if self.articles_path is None:
            return
        folder = self.articles_path.resolve()
        for file in list(files):
            if file.abs_src_path and is_under(Path(file.abs_src_path), folder):
                files.remove(file)
        events = self.events_path.resolve()
        for file in list(files):
            if file.abs_src_path and (Path(file.abs_src_path).resolve() == events
                                      or is_under(Path(file.abs_src_path), events)):
                files.remove(file)

    def _generated_files(self, config: MkDocsConfig, files: Files) -> list[File]:
        """The pages, exports and stylesheet the plan calls for, unless the docs already have them."""
        assert self.plan is not None and self.events_file is not None
        plan, out = self.plan, []

        def page(uri: str, title: str, in_nav: bool = True, searchable: bool = True) -> None:
            if files.get_file_from_path(uri) is None:
                inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
                content = generated_markdown(title, searchable=searchable)
                out.append(File.generated(config, uri, content=content, inclusion=inclusion))

        page(plan.home, "Timeline")
        if plan.split:
            for tl_page in plan.timeline_pages:
                page(tl_page.uri, tl_page.title, in_nav=tl_page.number == 1)
        if plan.tags_index:
            page(plan.tags_index, "Tags")
            for tag in plan.tags:
                page(tag.uri, tag.name, in_nav=False, searchable=False)
        if plan.sources_index:
            page(plan.sources_index, "Sources")
            for source in plan.sources:
                page(source.uri, str(source.entry.get("title") or source.article_id), in_nav=False)
        key = (repr(self.config), config.site_url, config.site_name, config.site_description,
               config.use_directory_urls)
        written = self._exports.write(self.events_file, plan.exports, self._export_options(config), key,
                                      fork=True, parts=self.serving)
        self._export_uris = list(written)
        for uri, path in written.items():
            out.append(File.generated(config, uri, abs_src_path=path))
        out.append(File.generated(config, CSS_URI, abs_src_path=str(_HERE / "assets" / "timeline.css")))
        return out

    def _build_done(self, *, config: MkDocsConfig) -> None:
        if self._late_exports:
            self._exports.wait()
            for file in self._late_exports:
                file.copy_file(self._dirty)
            self._late_exports = []
        self._writes.uninstall()
        self._bypass.uninstall()
        if not self.serving:  # serving: kept for the next rebuild, if the events stay the same
            self._exports.remove()
        gcpolicy.build_done()

    # Last: everything this build writes is written; what it did not is stale (keepsite).
    @event_priority(-100)
    def _prune_site(self, *, config: MkDocsConfig) -> None:
        self._kept_site.prune(self._written | self._writes.skipped)
        if self.serving:
            self._idle_gc.schedule()  # a full collection once the server is idle

    on_post_build = CombinedEvent(_build_done, _prune_site)

    def on_build_error(self, *, error: Exception) -> None:
        self._idle_gc.cancel()
        self._writes.uninstall()
        self._bypass.uninstall()
        self._exports.remove()
        gcpolicy.build_done()
        self._kept_site.put_back()
        self._kept_site.site = None  # a failed build: nothing to prune

    def on_shutdown(self) -> None:
        self._idle_gc.cancel()
        gcpolicy.build_done()
        self._writes.uninstall()
        self._bypass.uninstall()
        self._exports.remove()

    def _export_options(self, config: MkDocsConfig) -> ExportOptions:
        site_url = config.site_url or ""
        urls = {view.id: view.url for view in self.plan.views} if self.plan else {}
        permalink = Permalinks(site_url, urls) if site_url else None
        return ExportOptions(title=self.config.title or config.site_name,
                             description=config.site_description or "", permalink=permalink)


def _replay_render(page: Page, kept: KeptPage, config: MkDocsConfig, files: Files) -> None:
    """Stands in for ``Page.render`` on a kept page: what Markdown made of it last time."""
    page.content = kept.markdown_html
    page.toc = kept.toc  # type: ignore[assignment]
    page.present_anchor_ids = kept.anchors


def _stamp(file: File) -> str:
    """A cheap fingerprint of a nav page's source: generated text, or size and change time."""
    if file.generated_by:
        return str(hash(file.content_string))
    try:
        stat = Path(file.abs_src_path or "").stat()
    except OSError:
        return "missing"
    return f"{stat.st_size}:{stat.st_mtime_ns}"


_ABSENT = object()


def _search_plugin(config: MkDocsConfig):
    return config.plugins.get("material/search") or config.plugins.get("search")


def _search_entries(config: MkDocsConfig) -> list | None:
    """Material's search index entries (a list it appends to per page), or None if the site
    uses another search or Material changed that: then pages are indexed as usual."""
    entries = getattr(getattr(_search_plugin(config), "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else None
