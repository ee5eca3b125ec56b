"""Small helpers for the files the plugin adds and removes."""
from __future__ import annotations

import html
from pathlib import Path

_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|<>~"


def generated_markdown(title: str) -> str:
    """A generated page's Markdown: just its heading; the plugin adds the rest as HTML."""
    return f"# {escape_markdown(title)}\n"


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
