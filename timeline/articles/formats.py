"""Readers for each article file format, registered by file suffix.

Each reader turns one file into ``RawArticle`` records; the loader turns those into
``Article`` objects, so date handling lives in one place whatever the format.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterator

from timeline.articles.frontmatter import split_front_matter
from timeline.articles.model import RawArticle
from timeline.articles.web import read_html, read_jsonl
from timeline.errors import ArticleError


Reader = Callable[[Path, str, str], Iterator[RawArticle]]


#: Raw HTML blocks in Markdown that are never article text: scripts, styles, comments.
EMBEDDED_CODE = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)",
                           re.IGNORECASE | re.DOTALL)


def blank_embedded_code(body: str) -> str:
    """Blank scripts, styles and comments out of a Markdown body (same length, so offsets hold)."""
    return EMBEDDED_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)


def read_markdown(path: Path, article_id: str, content: str) -> Iterator[RawArticle]:
    """Markdown with YAML front matter: ``title``, ``published``, optional ``anchor``, ``url``, ``outlet``."""
    meta, body = split_front_matter(content, str(path))
    body = blank_embedded_code(body)
    if "published" not in meta:
        raise ArticleError("front matter has no 'published' date", path=path, line=1,
                           hint="add a line 'published: YYYY-MM-DD' to the front matter")
    title = meta.get("title")
    if not title:
        first = next((ln.strip() for ln in body.splitlines() if ln.strip()), "")
        title = first.lstrip("#").strip() or article_id
    yield RawArticle(article_id, str(path), str(title), body, meta["published"], 2, meta)


def read_plain_text(path: Path, article_id: str, content: str) -> Iterator[RawArticle]:
    """Plain text whose first non-empty line is a date line; the next non-empty line is the title."""
    lines = content.splitlines(keepends=True)
    date_index = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if date_index is None:
        raise ArticleError("article is empty", path=path,
                           hint="a .txt article starts with a date line, e.g. 'Mon. Oct 2nd, 2023'")
    body = "".join(lines[date_index + 1:])
    title = next((ln.strip() for ln in lines[date_index + 1:] if ln.strip()), article_id)
    yield RawArticle(article_id, str(path), title, body.lstrip("\r\n"),
                     lines[date_index].strip(), date_index + 1, {})


#: File suffix -> reader. New formats register here.
READERS: dict[str, Reader] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".txt": read_plain_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
}

__all__ = ["READERS", "RawArticle", "Reader", "read_html", "read_jsonl", "read_markdown",
           "read_plain_text"]
