"""Finished pages kept across ``mkdocs serve`` rebuilds, replayed when nothing they show changed.

Why: with 10,000 events the site has some 2,500 generated pages, and MkDocs converts the
Markdown of each and renders it through the theme on every rebuild, although a one-line
edit changes one or two of them. A page's HTML depends on what the plugin puts on it (its
key, from ``Renderer.page_key``) and on the site around it: the theme files, mkdocs.yml,
the navigation. ``site_key`` covers the latter, so a change there rebuilds every page.

Only the plugin's own generated pages are kept, only while serving (a one-off build has
nothing to reuse), and only up to ``MAX_CHARS`` of HTML so memory stays bounded at any size.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

#: The page template used to replay a kept page: its HTML as it was rendered last time.
REPLAY_TEMPLATE = "timeline/replay-page.html"
REPLAY_SOURCE = "{{ page.timeline_replay }}"
#: Upper bound on the HTML kept, in characters (about that many bytes).
MAX_CHARS = 300_000_000


@dataclass
class KeptPage:
    """What a rebuild needs of a page without rendering it again."""

    key: str
    markdown_html: str  # what Markdown made of the page (its heading), for plugins after us
    content: str  # the page content after the plugin added its HTML
    lean: str | None  # the twin Material's search indexes, if the page has one
    toc: object
    anchors: set | None
    output: str  # the theme's HTML for the page
    search_entries: list | None = None  # what Material's search indexed of it, if known
    #: for skipping MkDocs' steps altogether (``bypass``): the key of the page's source text,
    #: the page as reading it left it, and the digest and size of its encoded HTML
    source_key: str | None = None
    state: dict | None = None
    written: tuple[bytes, int] | None = None


class PageCache:
    """src_uri -> the page as last rendered, valid while its key is unchanged."""

    def __init__(self, max_chars: int = MAX_CHARS) -> None:
        self.pages: dict[str, KeptPage] = {}
        self.max_chars = max_chars
        self.chars = 0

    def get(self, uri: str, key: str) -> KeptPage | None:
        kept = self.pages.get(uri)
        return kept if kept is not None and kept.key == key else None

    def put(self, uri: str, page: KeptPage) -> None:
        old = self.pages.pop(uri, None)
        if old is not None:
            self.chars -= _size(old)
        if self.chars + _size(page) > self.max_chars:
            return  # full: this page is rendered every time, which is only slower
        self.pages[uri] = page
        self.chars += _size(page)

    def keep_only(self, uris: set[str]) -> None:
        """Forget pages the site no longer has."""
        for uri in [u for u in self.pages if u not in uris]:
            self.chars -= _size(self.pages.pop(uri))


def _size(page: KeptPage) -> int:
    return len(page.output) + len(page.content) + len(page.markdown_html) + len(page.lean or "")


def site_key(config_file: str | None, custom_dir: str | None, site_url: str,
             nav_files: list[tuple[str, str]], extra: str) -> str:
    """A digest of what every page's HTML shares: mkdocs.yml, theme overrides, navigation.

    ``nav_files`` is (src_uri, a digest or stamp of its content) for each page in the nav,
    in order; ``extra`` is anything else the caller's pages all depend on.
    """
    digest = hashlib.blake2b(digest_size=16)
    for part in (_file_stamp(config_file), _tree_stamp(custom_dir), site_url, extra):
        digest.update(part.encode("utf-8", "replace") + b"\x1f")
    for uri, stamp in nav_files:
        digest.update(f"{uri}\x1e{stamp}\x1f".encode("utf-8", "replace"))
    return digest.hexdigest()


def _file_stamp(path: str | None) -> str:
    if not path:
        return ""
    try:
        return hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return "missing"


def _tree_stamp(folder: str | None) -> str:
    """Names, sizes and change times of the files under ``folder`` (theme overrides are few)."""
    if not folder or not os.path.isdir(folder):
        return ""
    parts = []
    for base, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            try:
                stat = os.stat(os.path.join(base, name))
            except OSError:
                continue
            parts.append(f"{base}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)
