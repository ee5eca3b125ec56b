"""Index the plugin's own pages for Material's search without running its HTML parser.

Why: Material's search cuts every page into sections with ``html.parser`` (~0.25 ms per
page plus ~5 us per tag); for 100,000 events that is ~7 s of the build, although the lean
HTML the plugin hands it for its own pages (``search.html``, a source page's paragraphs,
under the page's heading) is flat: headings with an ``id`` and paragraphs, holding only
escaped text. For such HTML the sections follow from a few rules, which ``flat_sections``
applies exactly as Material's parser does (its quirks included: the first ``<p>`` of a
section decides whether an empty paragraph is dropped). The entries are then made by
Material's own ``create_entry_for_section`` (URLs, titles, tags, boost, Chinese
segmentation stay Material's).

Pages that are not flat but plain HTML (the tags and sources index pages: lists of links)
are tokenized here and the tokens fed to Material's own parser callbacks
(``parsed_sections``). Anything else (comments, scripts, entities in attributes...) goes to
Material's parser as before. The first page and every
``CHECK_EVERY``-th are also indexed by the parser and compared; a difference hands every
later page back to the parser.
"""
from __future__ import annotations

import logging
import re
from html import escape, unescape
from itertools import islice

log = logging.getLogger("mkdocs.plugins.timeline")

#: Each ``CHECK_EVERY``-th page is also indexed by Material's parser and compared.
CHECK_EVERY = 89

#: One piece of flat HTML: a heading with an id and text, a paragraph of text, or text.
_PIECE = re.compile(r'<(h[1-6]) id="([^"<>&]*)">([^<]*)</\1>|<p>([^<]*)</p>|([^<]+)')

try:  # the parser's own classes, so the entries are made from what it would have made
    from material.plugins.search.plugin import Element, Parser, SearchIndex, Section
except ImportError:  # pragma: no cover - another theme: the parser path is never taken
    Element = Parser = SearchIndex = Section = None  # type: ignore[assignment,misc]


def flat_sections(html: str) -> list | None:
    """The sections Material's search parser makes of ``html``, or None if it is not flat.

    Mirrors ``Parser.handle_starttag``/``handle_data``/``handle_endtag`` for the only markup
    flat HTML has (no element is ever inside another, so the parser's context holds at most
    the one element being read, and no text is ever skipped); text is unescaped as the parser
    unescapes it and escaped again as it escapes it.
    """
    if Section is None:
        return None
    data: list = []
    section = None
    pos = 0
    for match in _PIECE.finditer(html):
        if match.start() != pos:
            return None  # a '<' that is not one of ours: not flat
        pos = match.end()
        tag, ident, heading, para, text = match.groups()
        if tag is not None:
            if tag != "h1" and not data:  # the parser's top-level section
                data.append(Section(Element("hx"), 1))
            section = Section(Element(tag, {"id": ident}), 1)
            if data:
                section.id = ident
            data.append(section)
            if heading:
                value = unescape(heading)
                section.title.append(escape(" " if value.isspace() else value.replace("\n", " "),
                                            quote=False))
            continue
        if section is None:
            section = Section(Element("hx"))
            data.append(section)
        words = section.text
        if para is not None:
            words.append("<p>")
            if para:
                _add_text(words, unescape(para))
            # The closing tag: dropped with everything after the section's *first* <p> when
            # all of that is whitespace (as the parser does), else closed.
            first = words.index("<p>")
            if all(w.isspace() for w in islice(words, first + 1, None)):
                del words[first:]
            else:
                words.append("</p>")
        else:
            _add_text(words, unescape(text))
    if pos != len(html):
        return None
    return data


#: One token of plain HTML: a start tag (lower case, attributes in double quotes without
#: entities, one space before each), an end tag, or text.
_TOKEN = re.compile(r'<([a-z][a-z0-9]*)((?: [a-z][a-z0-9-]*(?:="[^"<>&]*")?)*)>|</([a-z][a-z0-9]*)>|([^<]+)')
_ATTR = re.compile(r' ([a-z][a-z0-9-]*)(?:="([^"<>&]*)")?')
#: Elements whose content a parser may read raw (this or a later Python's HTMLParser).
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "noscript", "plaintext"})


def parsed_sections(html: str) -> list | None:
    """The sections Material's search parser makes of ``html``, or None if it is not plain.

    For HTML that is nested but plain (no comments, declarations, self-closing or raw-text
    elements, entities only in text, attributes written one way), the tokens are what
    ``html.parser`` would find: this feeds them to Material's own ``Parser`` callbacks, and
    skips only the tokenizer (most of the parser's cost).
    """
    if Parser is None:
        return None
    parser = Parser()
    pos = 0
    for match in _TOKEN.finditer(html):
        if match.start() != pos:
            return None
        pos = match.end()
        tag, attrs, end, text = match.groups()
        if tag is not None:
            if tag in _RAW_TEXT:
                return None
            # A bare attribute's value is None, as the parser gives it; no value holds an entity.
            parser.handle_starttag(tag, [a.group(1, 2) for a in _ATTR.finditer(attrs)])
        elif end is not None:
            parser.handle_endtag(end)
        else:
            parser.handle_data(unescape(text))
    if pos != len(html):
        return None
    return parser.data


def _add_text(words: list[str], value: str) -> None:
    """The parser's ``handle_data`` for text outside a heading: whitespace collapsed to one
    space unless the last piece is whitespace already, other text with newlines as spaces."""
    if value.isspace():
        if not words or not words[-1].isspace():
            words.append(" ")
    else:
        words.append(escape(value.replace("\n", " "), quote=False))


class DirectIndex:
    """Adds a page's entries to Material's search index from its flat HTML."""

    def __init__(self) -> None:
        self.pages = 0
        self.failed = False

    def add(self, plugin, page) -> bool:
        """Index ``page`` (its ``content`` the lean HTML) into ``plugin``'s index as Material's
        search would; False if it must be left to Material's search."""
        index = getattr(plugin, "search_index", None)
        if (self.failed or SearchIndex is None or type(index) is not SearchIndex
                or not getattr(getattr(plugin, "config", None), "enabled", False)):
            return False
        search = page.meta.get("search") or {}
        if not isinstance(search, dict) or search.get("exclude"):
            return False
        sections = flat_sections(page.content)
        if sections is None:
            sections = parsed_sections(page.content)
        if sections is None:
            return False
        entries = index.entries
        start = len(entries)
        for section in sections:
            if not section.is_excluded():
                index.create_entry_for_section(section, page.toc, page.url, page)
        self.pages += 1
        if self.pages == 1 or self.pages % CHECK_EVERY == 0:
            ours = entries[start:]
            del entries[start:]
            index.add_entry_from_context(page)
            if entries[start:] != ours:
                log.debug("timeline: direct search entries differ at %s; using the parser",
                          page.file.src_uri)
                self.failed = True
                del entries[start:]
                return False
        return True
