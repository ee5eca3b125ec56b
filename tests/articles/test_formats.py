"""Every article format: what each reader finds, and the errors a user can cause."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.articles import load_articles
from timeline.errors import ArticleError

DATA = Path(__file__).resolve().parents[1] / "data" / "articles"
TODAY = date(2026, 11, 22)


def load_one(path: Path, **kwargs):
    articles = load_articles([path], TODAY, **kwargs)
    assert len(articles) == 1
    return articles[0]


def test_html_main_text_title_and_date():
    article = load_one(DATA / "alder-bridge-ferry.html")
    assert article.id == "alder-bridge-ferry"
    assert article.title == "Ferry across Port Verity harbor starts service"
    assert article.published == date(2024, 3, 19)
    assert article.anchor == date(2024, 3, 19)
    assert "carried its first passengers on Monday" in article.text
    assert "Most read" not in article.text and "Copyright" not in article.text
    assert article.outlet == "The Verity Ledger"
    assert article.url == "https://ledger.example/2024/03/19/ferry-starts"


def test_html_date_from_visible_text_when_no_meta(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Vote</title></head><body><article><h1>Vote</h1>"
                    "<p class='date'>Published 6 March 2024</p><p>" + "The council voted on "
                    "Tuesday to close the bridge to all traffic after the inspection. " * 4
                    + "</p></article></body></html>", encoding="utf-8")
    assert load_one(page).published == date(2024, 3, 6)


def test_html_without_date_is_an_error_with_a_hint(tmp_path):
    page = tmp_path / "nodate.html"
    page.write_text("<html><body><article><p>" + "The council voted to close the bridge. " * 5
                    + "</p></article></body></html>", encoding="utf-8")
    with pytest.raises(ArticleError, match="no publication date") as caught:
        load_articles([page], TODAY)
    assert caught.value.path == str(page) and caught.value.hint


def test_jsonl_one_article_per_line():
    articles = load_articles([DATA / "wire.jsonl"], TODAY)
    assert [a.id for a in articles] == ["wire-ferry", "wire-3"]
    first, second = articles
    assert first.published == date(2024, 3, 12) and first.outlet == "Harbor Wire"
    assert first.url == "https://wire.example/1"
    assert second.anchor == date(2024, 3, 19) and second.anchor_source == "front matter"


@pytest.mark.parametrize("line, message", [
    ('{"title": "T", "published": "2024-03-12"', "not valid JSON"),
    ('["a list"]', "JSON object"),
    ('{"title": "T", "text": "x"}', "missing 'published'"),
    ('{"title": "T", "published": "2024-03-12", "text": "x", "body": "y"}', "unknown key 'body'"),
    ('{"title": "T", "published": "someday", "text": "x"}', "publication date"),
])
def test_jsonl_errors_name_file_and_line(tmp_path, line, message):
    path = tmp_path / "feed.jsonl"
    good = '{"title": "T", "published": "2024-03-12", "text": "On Monday."}'
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=message) as caught:
        load_articles([path], TODAY)
    assert caught.value.path == str(path)
    assert caught.value.line == 2


def test_markdown_front_matter(tmp_path):
    path = tmp_path / "vote.md"
    path.write_text("---\ntitle: Vote\npublished: 2024-03-06\nanchor: 2024-03-05\n---\nThe council "
                    "voted on Tuesday.\n", encoding="utf-8")
    article = load_one(path)
    assert (article.title, article.published, article.anchor) == ("Vote", date(2024, 3, 6),
                                                                  date(2024, 3, 5))
    assert article.anchor_source == "front matter"


def test_plain_text_date_line(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Wed. Apr 10th, 2024\n\nReport out\n\nThe report was released on Tuesday.\n",
                    encoding="utf-8")
    article = load_one(path)
    assert article.published == date(2024, 4, 10) and article.title == "Report out"


def test_legacy_encoding_is_decoded(tmp_path):
    path = tmp_path / "cafe.txt"
    path.write_bytes("Wed. Apr 10th, 2024\n\nCafé reopens\n\nThe café reopened on Tuesday.\n"
                     .encode("cp1252"))
    assert "café reopened" in load_one(path).text


def test_jsonl_duplicate_id_names_the_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    line = '{"id": "a", "title": "T", "published": "2024-03-12", "text": "On Monday."}'
    path.write_text(f"{line}\n{line}\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="also used") as caught:
        load_articles([path], TODAY)
    assert caught.value.line == 2


def test_every_registered_suffix_has_a_reader_test():
    from timeline.articles.formats import READERS
    assert set(READERS) == {".md", ".markdown", ".txt", ".html", ".htm", ".jsonl"}
