"""Small helpers for the files the plugin adds and removes."""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache
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
    return _generated_markdown(str(title), searchable)


@lru_cache(maxsize=65536)  # serve rebuilds ask again for the same thousands of titles
def _generated_markdown(title: str, searchable: bool) -> str:
    safe = html.escape(" ".join(title.split()).replace("<", "\u2039").replace(">", "\u203a"))
    if _PLAIN_YAML_TEXT.match(safe):
        # One double-quoted YAML scalar (JSON's escapes of '"' and '\\' are YAML's too):
        # PyYAML's emitter takes ~0.5 ms a page, 1.3 s for a 10,000-event site.
        front = f"title: {json.dumps(safe, ensure_ascii=False)}\n"
        if not searchable:
            front += "search:\n  exclude: true\n"
    else:
        meta: dict = {"title": safe}
        if not searchable:  # Material's search skips the page: its events are indexed elsewhere
            meta["search"] = {"exclude": True}
        front = yaml.safe_dump(meta, allow_unicode=True)
    return f"---\n{front}---\n\n# {escape_markdown(title)}\n"


#: Characters a double-quoted YAML scalar holds as they are: printable, no line breaks
#: (YAML counts U+0085, U+2028 and U+2029 as such), no byte order mark.
_PLAIN_YAML_TEXT = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                              "\U00010000-\U0010ffff]*\\Z")


def escape_markdown(text: str) -> str:
    """Text safe inside a Markdown heading: no HTML, no Markdown syntax, one line.

    Quotes stay as they are: element text needs no escaped quotes, and an escaped
    apostrophe ended up in the heading's anchor ("engineersx27-report").
    """
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in escaped)


def is_under(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` itself or inside it (after resolving links)."""
    try:
        path.resolve().relative_to(folder)
    except ValueError:
        return False
    return True
