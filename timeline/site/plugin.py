"""The MkDocs plugin: reads the events file and renders the timeline pages.

It never resolves dates: the events file is its only input besides the article table.
Event handlers stay thin and hand the work to ``model`` and the Jinja templates.
"""
from __future__ import annotations

import html
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from timeline.errors import TimelineError
from timeline.site.config import TimelineConfig
from timeline.site.model import group_events
from timeline.store import EventsFile, read_events_file

_HERE = Path(__file__).parent
CSS_URI = "assets/timeline/timeline.css"
SOURCES_DIR = "sources"


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Adds the timeline to a page and one page per source article."""

    def __init__(self) -> None:
        self.events_file: EventsFile | None = None
        self.env: jinja2.Environment | None = None
        self.files: Files | None = None

    def _paths(self, config: MkDocsConfig) -> tuple[Path, Path]:
        root = Path(config.config_file_path or ".").resolve().parent
        docs = Path(config.docs_dir)
        events = root / self.config.events if self.config.events else docs / "events.yaml"
        articles = root / self.config.articles if self.config.articles else docs / "articles"
        return events, articles

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.extra_css.append(CSS_URI)
        return config

    # Late, so files other plugins add are in place before we drop the raw articles.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        events_path, articles_path = self._paths(config)
        try:
            self.events_file = read_events_file(events_path)
        except TimelineError as exc:
            raise PluginError(f"timeline: {exc}") from None
        self.env = self._environment(config)
        for file in list(files):
            if _is_under(Path(file.abs_src_path or ""), articles_path.resolve()):
                files.remove(file)
        if files.get_file_from_path(self.config.page) is None:
            files.append(File.generated(config, self.config.page, content="# Timeline\n"))
        for article_id, entry in self.events_file.articles.items():
            title = entry.get("title") or article_id
            files.append(File.generated(config, f"{SOURCES_DIR}/{article_id}.md",
                                        content=f"# {_escape_markdown(title)}\n"))
        files.append(File.generated(config, CSS_URI, abs_src_path=str(_HERE / "assets" / "timeline.css")))
        self.files = files
        return files

    def on_page_content(self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.events_file is not None and self.env is not None
        uri = page.file.src_uri
        if uri == self.config.page:
            return html_text + self._render_timeline(page)
        if uri.startswith(f"{SOURCES_DIR}/") and uri.endswith(".md"):
            article_id = uri[len(SOURCES_DIR) + 1:-3]
            if article_id in self.events_file.articles:
                return self._render_source(page, article_id)
        return html_text

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        events_path, articles_path = self._paths(config)
        # Watch both so an edit to the YAML or an article rebuilds the preview.
        for path in (events_path, articles_path):
            if path.exists():
                server.watch(str(path))
        return server

    def _environment(self, config: MkDocsConfig) -> jinja2.Environment:
        """The theme's template folders (custom_dir first) with ours as the fallback.

        Autoescape is on: everything shown comes from articles and hand-edited YAML.
        """
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(config.theme.dirs),
                                      jinja2.FileSystemLoader(str(_HERE / "templates"))])
        return jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True)

    def _url_to(self, src_uri: str, page: Page) -> str:
        """The link from ``page`` to the page built from ``src_uri``."""
        assert self.files is not None
        file = self.files.get_file_from_path(src_uri)
        return get_relative_url(file.url, page.url) if file else "#"

    def _source_url(self, page: Page):
        return lambda article_id: self._url_to(f"{SOURCES_DIR}/{article_id}.md", page)

    def _render_timeline(self, page: Page) -> str:
        assert self.events_file is not None and self.env is not None
        years = group_events(self.events_file.events, self.events_file.articles,
                             self._source_url(page), self.config.order == "descending")
        return self.env.get_template("timeline/timeline.html").render(
            years=years, count=len(self.events_file.events))

    def _render_source(self, page: Page, article_id: str) -> str:
        assert self.events_file is not None and self.env is not None
        entry = self.events_file.articles[article_id]
        events = [e for e in self.events_file.events if any(s.article == article_id for s in e.sources)]
        return self.env.get_template("timeline/source.html").render(
            article_id=article_id, article=entry, events=events,
            timeline_url=self._url_to(self.config.page, page))


def _is_under(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder)
    except ValueError:
        return False
    return True


def _escape_markdown(text: str) -> str:
    """A title safe inside a Markdown heading: no HTML, no Markdown syntax."""
    escaped = html.escape(str(text).replace("\n", " "), quote=True)
    for char in "\\`*_{}[]()#+-.!|<>":
        escaped = escaped.replace(char, "\\" + char)
    return escaped
