"""Render the theme once per kind of generated page, then fill in each page's own values.

Why: with 10,000 events the site has ~2,500 source and tag pages, and the theme (Material's
navigation, header, footer) costs ~2.5 ms to render for each: most of a build. These pages
are not in the navigation, so what the theme draws around them is the same for every page
of a kind in the same folder except for a few values: the title, the content, the anchor
of the first heading and the canonical URL.

So the first page of a kind is rendered once with markers in place of those values (the
"shell"), and once as it is; each later page is the shell with its own values put in. This
is only done when it is provably the same as rendering the page:

- every marker appears in the shell exactly as given: a marker is in mixed case and holds
  ``<&>``, which any escaping, tag stripping, URL quoting or change of case would alter, so
  the template printed each value raw, and printing the page's value raw is what the
  template does with it;
- nothing of the first page's own identity (its title, file name, URL) is left in the
  shell, so no value was printed that the markers do not cover;
- the things the template branches on match: the kind key holds everything in the context
  but the page (relative links, stylesheets...), the page's neighbours, whether its content
  has an ``<h1``, the shape of its table of contents and its other front matter;
- the first page filled in equals the first page rendered, and so does every
  ``CHECK_EVERY``-th page after it. Any difference renders every page of that kind in full.

What this cannot see at once is a theme override that branches on a value's content (say,
on the title's length): the first-page and periodic comparisons are what catch that.
"""
from __future__ import annotations

import logging
import posixpath
import re
from contextlib import contextmanager

import jinja2
from markupsafe import Markup
from mkdocs.structure.toc import AnchorLink, TableOfContents

log = logging.getLogger("mkdocs.plugins.timeline")

SHELL_TEMPLATE = "timeline/shell-page.html"
SHELL_SOURCE = "{{ timeline_shell() }}"
#: Each ``CHECK_EVERY``-th page of a kind is also rendered in full and compared.
CHECK_EVERY = 97
#: Kinds beyond this many (a plugin giving every page its own context) are not worth a shell.
MAX_KINDS = 64

#: Mixed case and ``<&>``: upper/lower-casing, escaping, stripping tags or quoting changes them.
_TITLE, _CONTENT, _ANCHOR, _CANONICAL = (f"TlShell{name}<&>" for name in
                                         ("Title", "Content", "Anchor", "Canonical"))
#: The content marker for a page whose content has a heading (the theme branches on ``<h1``).
_CONTENT_H1 = "<h1>TlShellContentH1<&>"
_SLOTS = re.compile("(" + "|".join(re.escape(s) for s in (
    _CONTENT_H1, _TITLE, _CONTENT, _ANCHOR, _CANONICAL)) + ")")


class Shell:
    """A theme page cut at its markers: text, slot, text, slot, ..., text."""

    def __init__(self, html: str) -> None:
        self.parts = _SLOTS.split(html)
        self.uses = 0

    def fill(self, values: dict[str, str]) -> str:
        parts = self.parts[:]
        for i in range(1, len(parts), 2):
            parts[i] = values[parts[i]]
        return "".join(parts)

    def clean(self, identity: list[str]) -> bool:
        """No marker was transformed, and nothing of the template page's own is left."""
        text = "\x00".join(self.parts[0::2])
        return "tlshell" not in text.lower() and not any(s and s in text for s in identity)


class ShellRenderer:
    """Stands in for the theme template of the pages handed to ``adopt``."""

    def __init__(self) -> None:
        self.original: dict[str, str] = {}  # src_uri -> the template the page would use
        self.shells: dict[tuple, Shell | None] = {}  # kind key -> shell, or None: render in full
        self.filled = 0

    def adopt(self, pages: list, env: jinja2.Environment) -> None:
        """Route ``pages`` (MkDocs Page objects) through the shell template."""
        for page in pages:
            self.original[page.file.src_uri] = page.meta.get("template")
            page.meta["template"] = SHELL_TEMPLATE
        env.globals["timeline_shell"] = jinja2.pass_context(lambda context: Markup(self.render(context)))

    def render(self, context) -> str:
        """The page's HTML: the shell filled in, or the template rendered as usual."""
        page = context["page"]
        name = self.original.get(page.file.src_uri)
        template = context.environment.get_template(name or "main.html")
        values = _values(page)
        key = _kind(name, context, page) if values is not None else None
        if key is None:
            return self._full(template, context, page, name)
        shell = self.shells.get(key, False)
        if shell is False:
            if len(self.shells) >= MAX_KINDS:
                return self._full(template, context, page, name)
            shell, html = self._make(template, context, page, name, values)
            self.shells[key] = shell
            return html
        if shell is None:
            return self._full(template, context, page, name)
        shell.uses += 1
        html = shell.fill(values)
        if shell.uses % CHECK_EVERY == 0:
            full = self._full(template, context, page, name)
            if full != html:
                log.debug("timeline: theme shell differs at %s; rendering that kind in full",
                          page.file.src_uri)
                self.shells[key] = None
                return full
        self.filled += 1
        return html

    def _full(self, template: jinja2.Template, context, page, name: str | None) -> str:
        with _swapped(page, meta=_meta(page.meta, name)):
            return template.render(context.get_all())

    def _make(self, template: jinja2.Template, context, page, name: str | None,
              values: dict[str, str]) -> tuple[Shell | None, str]:
        """The shell from this page, and the page itself; no shell unless both agree."""
        html = self._full(template, context, page, name)
        level = page.toc.items[0].level
        marked = {
            "meta": {**_meta(page.meta, name), "title": _TITLE},
            "content": _CONTENT_H1 if "<h1" in page.content else _CONTENT,
            "toc": TableOfContents([AnchorLink(_TITLE, _ANCHOR, level)]),
            "canonical_url": _CANONICAL if page.canonical_url else page.canonical_url,
        }
        with _swapped(page, **marked):
            shell = Shell(template.render(context.get_all()))
        identity = [page.meta.get("title", ""), page.file.src_uri, page.url,
                    page.url.rstrip("/").rsplit("/", 1)[-1], page.toc.items[0].id]
        if not shell.clean([s for s in identity if len(s) > 3]) or shell.fill(values) != html:
            log.debug("timeline: no theme shell for pages like %s", page.file.src_uri)
            return None, html
        return shell, html


def _values(page) -> dict[str, str] | None:
    """What the markers stand for on ``page``, or None if it is not shaped like the shell."""
    toc = page.toc
    items = getattr(toc, "items", None)
    if (not isinstance(page.meta.get("title"), str) or not isinstance(page.content, str)
            or not items or len(items) != 1 or items[0].children):
        return None
    return {_TITLE: page.meta["title"], _ANCHOR: items[0].id, _CONTENT: page.content,
            _CONTENT_H1: page.content, _CANONICAL: page.canonical_url or ""}


def _meta(meta: dict, template: str | None) -> dict:
    """``meta`` as it was before ``adopt`` set the shell template."""
    meta = {k: v for k, v in meta.items() if k != "template"}
    if template is not None:
        meta["template"] = template
    return meta


_PLAIN = frozenset({str, int, float, bool, type(None)})


class _Same:
    """Compares by identity, and holds the object so its id is not reused by another."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj

    def __hash__(self) -> int:
        return id(self.obj)


def _kind(name: str | None, context, page) -> tuple | None:
    """What the theme's output depends on besides the marked values; None if unknowable."""
    if page.file.inclusion.is_in_nav():
        return None  # the navigation marks the page as current: every page differs
    parts: list = [name, page.toc.items[0].level, "<h1" in page.content, bool(page.content),
                   bool(page.canonical_url), page.is_homepage, page.url.count("/"),
                   posixpath.dirname(page.url.rstrip("/")), _Same(page.parent),
                   _Same(page.previous_page), _Same(page.next_page), getattr(page, "edit_url", None)]
    for meta_key, value in sorted(page.meta.items()):
        if meta_key not in ("title", "template"):
            parts.append((meta_key, repr(value)))
    for item, value in context.get_all().items():  # in the order the context was made
        if item == "page" or item == "build_date_utc":  # the date: the time of this build
            continue
        kind = type(value)
        if kind in _PLAIN:
            parts.append((item, value))
        elif (kind is list or kind is tuple) and all(type(v) is str for v in value):
            parts.append((item, tuple(value)))
        else:
            parts.append((item, _Same(value)))
    return tuple(parts)


@contextmanager
def _swapped(page, **values):
    """Set attributes of ``page`` for one render, then put the old ones back."""
    old = {name: getattr(page, name) for name in values}
    try:
        for name, value in values.items():
            setattr(page, name, value)
        yield page
    finally:
        for name, value in old.items():
            setattr(page, name, value)
