"""Find article files, read them with the right reader and settle their dates."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Iterable

from timeline.articles.decoding import decode_article_bytes
from timeline.articles.formats import READERS, RawArticle
from timeline.articles.model import Article
from timeline.articles.pubdate import DateLineError, parse_publication_date
from timeline.articles.story_anchor import infer_story_anchor
from timeline.errors import ArticleError

#: The longest article text read, in characters. News articles run to tens of kilobytes;
#: anything far larger is a scraping accident (a whole site in one file) and would make
#: thousands of events from one source, so it is refused with a hint instead.
MAX_ARTICLE_CHARS = 2_000_000
_SIZE_HINT = "split it into one file per article (a .jsonl file may hold many articles)"


def find_article_files(paths: Iterable[str | Path]) -> list[Path]:
    """Every readable article file under ``paths`` (files or folders), in a stable order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*"))
                         if p.is_file() and p.suffix.lower() in READERS
                         and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.is_file():
            found.append(path)
        else:
            raise ArticleError("no such file or folder", path=path,
                               hint="give article files or a folder that holds them")
    return found


def article_id_for(path: Path) -> str:
    """A readable, URL-safe id from the file name: ``Putin Kim.txt`` -> ``putin-kim``."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return slug or "article"


def load_articles(paths: Iterable[str | Path], today: date, *,
                  anchor_overrides: dict[str, date] | None = None,
                  infer_anchors: bool = True) -> list[Article]:
    """Load every article under ``paths``; ``today`` bounds inferred publication years.

    ``anchor_overrides`` maps article ids to the anchor a person set in the events file's
    article table; it wins over front matter and inference. ``infer_anchors`` turns story
    anchor inference (republished stories) on or off.
    """
    ids = UniqueIds()
    articles: list[Article] = []
    for path in find_article_files(paths):
        for article, line in load_article_file(path, today, anchor_overrides, infer_anchors):
            ids.claim(article, path, line)
            articles.append(article)
    return articles


def load_article_file(path: Path, today: date, anchor_overrides: dict[str, date] | None = None,
                      infer_anchors: bool = True) -> list[tuple[Article, int | None]]:
    """The articles in one file with the line each starts on (for .jsonl); works alone, so
    files can be loaded in worker processes. Ids are checked across files by ``UniqueIds``."""
    overrides = anchor_overrides or {}
    loaded = []
    for raw in read_article_file(path):
        line = raw.published_line if path.suffix.lower() == ".jsonl" else None
        if len(raw.text) > MAX_ARTICLE_CHARS:
            raise ArticleError(f"article text is {len(raw.text):,} characters, over the "
                               f"{MAX_ARTICLE_CHARS:,} limit", path=path, line=line, hint=_SIZE_HINT)
        loaded.append((settle_dates(raw, today, overrides.get(raw.id), infer_anchors), line))
    return loaded


class UniqueIds:
    """Refuses a second article with an id already taken (ids name events' sources)."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def claim(self, article: Article, path: Path, line: int | None) -> None:
        if article.id in self.seen:
            raise ArticleError(f"article id {article.id!r} is also used by {self.seen[article.id]}",
                               path=path, line=line,
                               hint="give each line its own 'id'" if path.suffix.lower() == ".jsonl"
                               else "rename one of the files so each article has its own id")
        self.seen[article.id] = article.path


def read_article_file(path: Path) -> list[RawArticle]:
    """All articles in one file (most formats hold one)."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ArticleError(f"unknown article format {path.suffix!r}", path=path,
                           hint=f"use one of: {', '.join(sorted(READERS))}")
    try:
        if path.suffix.lower() != ".jsonl" and path.stat().st_size > 4 * MAX_ARTICLE_CHARS:
            raise ArticleError(f"file is {path.stat().st_size / 2**20:.1f} MB, too large for one "
                               "article", path=path, hint=_SIZE_HINT)
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read the file: {exc.strerror}", path=path) from None
    content = decode_article_bytes(data, path)
    return list(reader(path, article_id_for(path), content))


def settle_dates(raw: RawArticle, today: date, override: date | None = None,
                 infer_anchor: bool = True) -> Article:
    """Publication date (inferring a missing year) and the anchor for relative expressions.

    Anchor precedence: the events file (a person's latest word), then front matter, then
    a story date inferred from the text, then the publication date.
    """
    try:
        published, reason = parse_publication_date(raw.published, today)
    except DateLineError as exc:
        raise ArticleError(f"cannot read the publication date: {exc}", path=raw.path,
                           line=raw.published_line,
                           hint="write it like 'Mon. Oct 2nd, 2023' or 'published: 2023-10-02'") from None
    anchor, anchor_source, anchor_reason = published, "published", None
    if override is not None:
        anchor, anchor_source = override, "events file"
    elif raw.meta.get("anchor"):
        try:
            anchor, _ = parse_publication_date(raw.meta["anchor"], today)
        except DateLineError as exc:
            raise ArticleError(f"cannot read 'anchor': {exc}", path=raw.path,
                               line=raw.published_line if raw.path.endswith(".jsonl") else None,
                               hint="write it as 'anchor: YYYY-MM-DD'") from None
        anchor_source = "front matter"
    elif infer_anchor:
        story = infer_story_anchor(raw.text, published)
        if story is not None:
            anchor, anchor_source, anchor_reason = story.anchor, "inferred", story.reason
    meta = raw.meta
    return Article(
        id=raw.id, path=raw.path, title=(raw.title or raw.id).strip(), text=raw.text,
        published=published, anchor=anchor, published_inferred=reason is not None,
        published_reason=reason, anchor_source=anchor_source, anchor_reason=anchor_reason,
        url=_optional_str(meta.get("url")), outlet=_optional_str(meta.get("outlet")))


def _optional_str(value: object) -> str | None:
    return str(value).strip() if value not in (None, "") else None
