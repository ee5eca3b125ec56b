"""The right-hand table of contents for timeline pages: years, then months.

The timeline's headings are HTML the plugin adds after Markdown ran, so MkDocs does not
see them; we hand Material a TOC built from the same groups. MkDocs' theme templates do
not autoescape, so names are escaped here.
"""
from __future__ import annotations

import html

from mkdocs.structure.toc import TableOfContents, get_toc

from timeline.site.model import YearGroup


def timeline_toc(years: list[YearGroup], existing: TableOfContents | None = None) -> TableOfContents:
    """Year and month entries, under the page's own h1 when it has one."""
    tokens = [{"level": 2, "id": y.anchor, "name": str(y.year),
               "children": [{"level": 3, "id": g.anchor, "name": html.escape(g.label), "children": []}
                            for g in y.groups if g.label and g.key != str(y.year)]} for y in years]
    ours = list(get_toc(tokens))
    items = list(existing or [])
    if items and items[0].level <= 1:
        items[0].children.extend(ours)
        return TableOfContents(items)
    return TableOfContents(items + ours)
