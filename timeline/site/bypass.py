"""While serving: unchanged generated pages skip MkDocs' per-page steps altogether.

Why: after a one-line edit of a 10,000-event site some 2,500 source and tag pages are
unchanged, and the page cache (``pagecache``) already replays each one's finished HTML; but
MkDocs still reads each (front matter parsed by PyYAML), runs every page event, builds a
template context, renders the replay template and encodes the output: ~0.5 s of CPU a
rebuild. A page is bypassed when all of this holds:

- its page key and its exact source text are those of the page kept from an earlier build
  in which it was rendered in full (so every step would give what it gave then);
- it is one of the plugin's own pages, not in the navigation (a nav page's title shows on
  every page) and not a draft;
- no plugin but this one and the search plugin has a per-page event, and the search
  plugin's index entries for the page were kept (they are added back at the same place in
  the index, as for a replayed page).

A bypassed page is left as the full build left it after reading it (Markdown, front matter,
HTML, table of contents, anchors), so the sitemap, anchor checks and templates of other
pages see what they would have seen, and its HTML is written (or, unchanged on disk, not
written: ``writes``) where MkDocs would have written it. MkDocs' ``_populate_page`` and
``_build_page`` are wrapped for the length of a build, as ``writes`` wraps ``write_file``.
"""
from __future__ import annotations

from typing import Callable

import mkdocs.commands.build as mkdocs_build

#: Page attributes the reading step sets, restored on a bypassed page.
STATE = ("markdown", "meta", "content", "toc", "present_anchor_ids", "links_to_anchors",
         "_title_from_render", "title")
#: Per-page plugin events.
PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content", "page_context",
               "post_page")


def snapshot(page) -> dict:
    """What reading ``page`` left on it (``meta`` copied: later steps change it in place)."""
    state = {name: page.__dict__[name] for name in STATE if name in page.__dict__}
    state["meta"] = dict(state.get("meta") or {})
    return state


def restore(page, state: dict) -> None:
    for name, value in state.items():
        setattr(page, name, dict(value) if name == "meta" else value)


def only_these_page_handlers(config, allowed: Callable[[object], bool]) -> bool:
    """No per-page event has a handler ``allowed`` does not accept."""
    events = config.plugins.events
    return all(allowed(handler) for name in PAGE_EVENTS for handler in events.get(name, ()))


class PageBypass:
    """Wraps MkDocs' per-page steps for one build (``install``/``uninstall``).

    ``read(page) -> bool`` is asked before a page is read: True when it has set the page up
    itself (then MkDocs does not read it). ``after_read(page)`` follows a page MkDocs read.
    ``build(page, config) -> bool`` is asked before a page is built: True when it has written it.
    """

    def __init__(self, read, after_read, build) -> None:
        self.read, self.after_read, self.build = read, after_read, build
        self._originals: tuple | None = None

    def install(self) -> None:
        if self._originals is not None:
            return
        populate, build_page = mkdocs_build._populate_page, mkdocs_build._build_page

        def _populate_page(page, config, files, dirty=False):
            if not dirty and self.read(page):
                return
            populate(page, config, files, dirty)
            self.after_read(page)

        def _build_page(page, config, doc_files, nav, env, dirty=False, excluded=False):
            if not dirty and not excluded and self.build(page, config):
                return
            build_page(page, config, doc_files, nav, env, dirty, excluded)

        self._originals = (populate, build_page, _populate_page, _build_page)
        mkdocs_build._populate_page, mkdocs_build._build_page = _populate_page, _build_page

    def uninstall(self) -> None:
        if self._originals is None:
            return
        populate, build_page, mine_populate, mine_build = self._originals
        if mkdocs_build._populate_page is mine_populate:
            mkdocs_build._populate_page = populate
        if mkdocs_build._build_page is mine_build:
            mkdocs_build._build_page = build_page
        self._originals = None
