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

A heading of plain words (letters, digits, single spaces: nothing for Markdown's inline
syntax) is not converted at all: a marker heading is converted once, and each such page gets
that result with its title and the table of contents' slug of it put in (~0.15 ms a page
less; most generated titles are plain). The first page filled in is compared too.
"""
from __future__ import annotations

import html
import logging
import re
from typing import Callable

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
        self.filled = 0
        #: plain headings' result with slots for the title and its id, False: none (see below)
        self._heading: _Heading | None | bool = None

    def render(self, page: Page, config, files) -> None:
        """Stands in for ``page.render(config, files)``."""
        if self.failed:
            Page.render(page, config, files)
            return
        self.pages += 1
        result = self._filled(page, config, files)
        first_filled = result is not None and self.filled == 0
        if result is None:
            result = self._convert(page, config, files)
        else:
            self.filled += 1
        if self.pages == 1 or self.pages % CHECK_EVERY == 0 or first_filled:
            Page.render(page, config, files)
            if _comparable(result) != _comparable(_result(page)):
                log.debug("timeline: a shared Markdown converter differs at %s; using one per page",
                          page.file.src_uri)
                self.failed = True
                return
        page.content, page.toc, page._title_from_render, page.present_anchor_ids, links = result
        if links is not None:
            page.links_to_anchors = links

    def _filled(self, page: Page, config, files) -> tuple | None:
        """A plain heading's result from the filled-in template, or None: convert it."""
        match = _PLAIN_HEADING.fullmatch(page.markdown or "")
        if match is None or self._heading is False:
            return None
        if self._heading is None:
            self._heading = _Heading.make(self._convert(page, config, files, f"# {_MARKER}\n"), self.md,
                                          page.file)
            if self._heading is None:
                log.debug("timeline: no filled-in Markdown for plain headings")
                self._heading = False
                return None
        return self._heading.fill(match.group(1), page.file)

    def _convert(self, page: Page, config, files, text: str | None = None) -> tuple:
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
        content = md.convert(page.markdown if text is None else text)
        links = relative.links_to_anchors if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG else None
        return (content, get_toc(getattr(md, "toc_tokens", [])), title.title,
                anchors.present_anchor_ids | raw_html.present_anchor_ids, links)


#: A heading of words (letters and digits of any script) and single spaces: Markdown's inline
#: syntax has nothing to act on, and generated_markdown writes such a title as it is.
_PLAIN_HEADING = re.compile(r"# ([^\W_]+(?: [^\W_]+)*)\n")
#: A plain heading in mixed case: its text and its id (lower case) are told apart.
_MARKER = "Tlplainheadingmarker"
_SLOTS = re.compile("(" + _MARKER + "|" + _MARKER.lower() + ")")


class _Heading:
    """What Markdown made of a plain marker heading, with slots for the title and its id.

    Made only when the marker's result is exactly one level-1 heading whose text is the
    marker and whose id is the table of contents' slug of it; the first page filled in and
    the sampled pages are compared with ``Page.render`` like any other.
    """

    def __init__(self, parts: list[str], slug: Callable[[str], str], self_link: bool = False) -> None:
        self.parts = parts
        self.slug = slug
        self.self_link = self_link  # the heading links to itself (the toc's permalink)

    @classmethod
    def make(cls, result: tuple, md: markdown.Markdown | None, file) -> _Heading | None:
        content, toc, title, anchors, links = result
        marker_id = _MARKER.lower()
        self_link = links == {file: {marker_id: "#" + marker_id}}
        toc_processor = md.treeprocessors["toc"] if md is not None and "toc" in md.treeprocessors else None
        slugify, sep = getattr(toc_processor, "slugify", None), getattr(toc_processor, "sep", None)
        if not callable(slugify) or not isinstance(sep, str):
            return None
        slug = lambda text: slugify(html.unescape(text), sep)  # noqa: E731 - what toc does
        if (slug(_MARKER) != marker_id or title != _MARKER or anchors != {marker_id}
                or (links not in (None, {}) and not self_link) or _toc(toc) != ((_MARKER, marker_id, 1, ()),)):
            return None
        parts = _SLOTS.split(content)
        if marker_id in "".join(parts[0::2]).lower():
            return None
        return cls(parts, slug, self_link)

    def fill(self, title: str, file) -> tuple | None:
        """The result for a plain heading ``title``, or None if its id would not be its slug
        (an empty slug: the table of contents makes one up)."""
        ident = self.slug(title)
        if not ident:
            return None
        parts = self.parts[:]
        for i in range(1, len(parts), 2):
            parts[i] = title if parts[i] == _MARKER else ident
        toc = get_toc([{"level": 1, "id": ident, "name": title, "children": []}])
        links = None
        if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
            links = {file: {ident: "#" + ident}} if self.self_link else {}
        return "".join(parts), toc, title, {ident}, links


def _result(page: Page) -> tuple:
    links = page.links_to_anchors if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG else None
    return (page.content, page.toc, page._title_from_render, page.present_anchor_ids, links)


def _comparable(result: tuple) -> tuple:
    """``result`` with the table of contents as plain tuples (its classes compare by identity)."""
    content, toc, title, anchors, links = result
    return content, _toc(toc), title, anchors, links


def _toc(items) -> tuple:
    return tuple((i.title, i.id, i.level, _toc(i.children)) for i in items)
