"""Convert the generated pages' Markdown with one converter per build instead of one per page.

Why: MkDocs builds a new ``markdown.Markdown`` (every extension, every pattern) for each
page, ~0.5 ms, while a generated page's Markdown is one heading: with 25,000 pages that is
~12 s of a 100,000-event build. Python-Markdown supports converting many documents with one
instance (``reset()`` between them). This does what ``Page.render`` does, on that instance,
and registers MkDocs' per-page tree processors afresh each time as ``Page.render`` does.

Only the plugin's generated pages come here (their Markdown is ours: a heading). The first
page and every ``CHECK_EVERY``-th are also converted the MkDocs way and compared; an
extension that keeps state across documents shows up there, and from then on every page is
converted the MkDocs way.
"""
from __future__ import annotations

import logging

import markdown
from mkdocs.structure.pages import (Page, _ExtractAnchorsTreeprocessor, _ExtractTitleTreeprocessor,
                                    _RawHTMLPreprocessor, _RelativePathTreeprocessor)
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.plugins.timeline")
_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")  # Page.render keeps links below DEBUG

#: Each ``CHECK_EVERY``-th page is also converted by ``Page.render`` and compared.
CHECK_EVERY = 101


class SharedMarkdown:
    """``Page.render`` for many pages on one ``markdown.Markdown``."""

    def __init__(self) -> None:
        self.md: markdown.Markdown | None = None
        self.pages = 0
        self.failed = False

    def render(self, page: Page, config, files) -> None:
        """Stands in for ``page.render(config, files)``."""
        if self.failed:
            Page.render(page, config, files)
            return
        self.pages += 1
        result = self._convert(page, config, files)
        if self.pages == 1 or self.pages % CHECK_EVERY == 0:
            Page.render(page, config, files)
            if _comparable(result) != _comparable(_result(page)):
                log.debug("timeline: a shared Markdown converter differs at %s; using one per page",
                          page.file.src_uri)
                self.failed = True
                return
        page.content, page.toc, page._title_from_render, page.present_anchor_ids, links = result
        if links is not None:
            page.links_to_anchors = links

    def _convert(self, page: Page, config, files) -> tuple:
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        if self.md is None:
            self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                        extension_configs=config["mdx_configs"] or {})
        md = self.md
        md.reset()
        raw_html = _RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative = _RelativePathTreeprocessor(page.file, files, config)
        relative._register(md)
        title = _ExtractTitleTreeprocessor()
        title._register(md)
        content = md.convert(page.markdown)
        links = relative.links_to_anchors if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG else None
        return (content, get_toc(getattr(md, "toc_tokens", [])), title.title,
                anchors.present_anchor_ids | raw_html.present_anchor_ids, links)


def _result(page: Page) -> tuple:
    links = page.links_to_anchors if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG else None
    return (page.content, page.toc, page._title_from_render, page.present_anchor_ids, links)


def _comparable(result: tuple) -> tuple:
    """``result`` with the table of contents as plain tuples (its classes compare by identity)."""
    content, toc, title, anchors, links = result
    return content, _toc(toc), title, anchors, links


def _toc(items) -> tuple:
    return tuple((i.title, i.id, i.level, _toc(i.children)) for i in items)
