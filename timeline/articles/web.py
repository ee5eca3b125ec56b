"""Saved web pages and JSON Lines datasets: the two formats that come from elsewhere.

Web pages are read with trafilatura (main text and title) and htmldate (publication
date), offline: both are given the parsed page, never a URL, so nothing is fetched.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

from timeline.articles.model import RawArticle
from timeline.errors import ArticleError

#: JSON Lines keys: the common shape of news datasets, plus our own optional ones.
JSONL_REQUIRED = ("title", "published", "text")
JSONL_OPTIONAL = ("url", "outlet", "anchor", "id")


def read_html(path: Path, article_id: str, content: str) -> Iterator[RawArticle]:
    """A saved web page: main text by trafilatura, publication date by htmldate."""
    import htmldate
    import trafilatura

    tree = trafilatura.load_html(content)
    if tree is None:
        raise ArticleError("cannot parse this file as HTML", path=path,
                           hint="save the page again as 'Web page, HTML only'")
    try:
        doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                          favor_precision=True)
    except (ValueError, TypeError, AttributeError) as exc:  # malformed pages trip its parser
        raise ArticleError(f"cannot extract the article from this page: {exc}", path=path,
                           hint="save the article's own page again, or paste it into a .md file"
                           ) from None
    if isinstance(doc, dict):  # trafilatura 1.x returns a dict, 2.x a Document
        doc = _Fields(doc)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ArticleError("found no article text in this web page", path=path,
                           hint="save the article's own page, not an index or a login page")
    published = htmldate.find_date(trafilatura.load_html(content), extensive_search=True,
                                   original_date=True, outputformat="%Y-%m-%d")
    if not published:
        raise ArticleError("found no publication date in this web page", path=path,
                           hint="add <meta property=\"article:published_time\" content=\"YYYY-MM-DD\"> "
                                "to the page, or convert it to Markdown with 'published:'")
    meta = {"url": getattr(doc, "url", None), "outlet": getattr(doc, "sitename", None)}
    yield RawArticle(article_id, str(path), getattr(doc, "title", None) or article_id,
                     _paragraphs(text), published, None, {k: v for k, v in meta.items() if v})


def read_jsonl(path: Path, article_id: str, content: str) -> Iterator[RawArticle]:
    """One article per line; errors name the line. Ids default to ``<file>-<line>``."""
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ArticleError(f"not valid JSON: {exc.msg}", path=path, line=number,
                               column=exc.colno, hint="each line must be one JSON object") from None
        if not isinstance(record, dict):
            raise ArticleError("a line must be a JSON object", path=path, line=number,
                               hint='write {"title": ..., "published": ..., "text": ...}')
        missing = [key for key in JSONL_REQUIRED if not record.get(key)]
        if missing:
            raise ArticleError(f"missing {', '.join(map(repr, missing))}", path=path, line=number,
                               hint=f"each line needs {', '.join(JSONL_REQUIRED)}")
        unknown = sorted(set(record) - set(JSONL_REQUIRED) - set(JSONL_OPTIONAL))
        if unknown:
            raise ArticleError(f"unknown key {unknown[0]!r}", path=path, line=number,
                               hint=f"keys are {', '.join(JSONL_REQUIRED + JSONL_OPTIONAL)}")
        if not isinstance(record["text"], str):
            raise ArticleError("'text' must be a string", path=path, line=number)
        meta = {k: record[k] for k in JSONL_OPTIONAL if record.get(k) not in (None, "")}
        given = re.sub(r"[^a-z0-9]+", "-", str(meta.pop("id", "")).lower()).strip("-")
        yield RawArticle(given or f"{article_id}-{number}", str(path),
                         str(record["title"]), record["text"], record["published"], number, meta)


def _paragraphs(text: str) -> str:
    """trafilatura puts one paragraph per line; blank lines keep them apart as in Markdown."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


class _Fields:
    """Attribute access to trafilatura 1.x's metadata dict, like 2.x's Document."""

    def __init__(self, data: dict) -> None:
        self.__dict__.update(data)
