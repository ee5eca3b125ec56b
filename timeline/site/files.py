"""Small helpers for the files the plugin adds and removes."""
from __future__ import annotations

import html
from pathlib import Path

import yaml

_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|<>~"


def generated_markdown(title: str, *, searchable: bool = True) -> str:
    """A generated page's Markdown: its heading; the plugin adds the rest as HTML.

    The heading shows the title exactly (escaped). The page title MkDocs passes to the theme
    is set apart in front matter, with ``<`` and ``>`` swapped for look-alikes: Material
    prints it unescaped in the header and through ``striptags`` (which unescapes) inside
    ``<title>``, where a title such as ``</title><script>`` would otherwise break out.
    """
    safe = html.escape(" ".join(str(title).split()).replace("<", "\u2039").replace(">", "\u203a"))
    meta: dict = {"title": safe}
    if not searchable:  # Material's search skips the page: its events are indexed elsewhere
        meta["search"] = {"exclude": True}
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n# {escape_markdown(title)}\n"


def escape_markdown(text: str) -> str:
    """Text safe inside a Markdown heading: no HTML, no Markdown syntax, one line."""
    escaped = html.escape(" ".join(str(text).split()), quote=True)
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in escaped)


def is_under(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` itself or inside it (after resolving links)."""
    try:
        path.resolve().relative_to(folder)
    except ValueError:
        return False
    return True
