"""`timeline extract` on hostile articles: one clear message or a correct result, never a
traceback, and never a partial or changed events file when it fails."""
from __future__ import annotations

import codecs
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from timeline.cli import main

TODAY = "2024-12-31"
FRENCH_TXT = ("Mercredi 4 octobre 2023\n\nLe pont ferm\u00e9 \u00e0 la circulation\n\n"
              "The council voted on Tuesday to close the bridge for the \u00e9t\u00e9.\n")
GOOD_MD = ("---\ntitle: Bridge closes\npublished: 2024-03-12\noutlet: The Verity Ledger\n---\n"
           "Barriers went up at both ends of the Alder Street Bridge on Monday morning.\n\n"
           "A temporary ferry will start running next week, Mayor Elena Okafor said.\n")
OLD_EVENTS = "# an events file from an earlier run, which a failed run must leave alone\nevents: []\n"

#: (name, file name, bytes, pattern the one-line error must match): each must fail cleanly.
FAILING = [
    ("empty .md", "empty.md", b"", r"empty|published"),
    ("empty .txt", "empty.txt", b"", r"empty"),
    ("whitespace only", "blank.txt", b"  \n\n \n", r"empty"),
    ("binary noise", "noise.txt", bytes(range(256)) * 64, r"binary|not text|not UTF-8"),
    ("PNG renamed", "photo.md", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, r"PNG|binary|not text|not UTF-8"),
    ("no date line", "nodate.txt", b"The bridge closed\n\nThe council voted on Tuesday.\n",
     r"publication date"),
    ("front matter without published", "nopub.md", b"---\ntitle: x\n---\nOn Monday it closed.\n",
     r"published"),
    ("broken front matter", "broken.md", b"---\ntitle: [oops\npublished: 2024-01-01\n---\nText.\n",
     r"front matter"),
    ("front matter is a list", "list.md", b"---\n- a\n- b\n---\nText on Monday.\n", r"front matter"),
    ("front matter alias bomb", "bomb.md",
     b"---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
     b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
     b"published: !!python/object/apply:os.system ['echo pwned']\n---\nText.\n",
     r"front matter|tag|published|not allowed"),
    ("impossible date line", "feb30.txt", b"Fri. Feb 30th, 2024\n\nTitle\n\nOn Monday it closed.\n",
     r"date"),
]

#: (name, file name, bytes): legitimate articles in odd encodings that must be read correctly.
ENCODED = [
    ("latin-1", "latin1.txt", FRENCH_TXT.encode("latin-1")),
    ("windows-1252", "cp1252.txt", FRENCH_TXT.replace("Le pont", "\u201cLe pont\u201d").encode("cp1252")),
    ("utf-16 with BOM", "utf16.txt", FRENCH_TXT.encode("utf-16")),
    ("utf-8 with BOM", "utf8bom.txt", codecs.BOM_UTF8 + FRENCH_TXT.encode("utf-8")),
    ("windows newlines", "crlf.txt", FRENCH_TXT.replace("\n", "\r\n").encode("utf-8")),
]


def test_tables_have_no_duplicate_names():
    names = [c[0] for c in FAILING + ENCODED]
    assert len(names) == len(set(names))


def run_extract(*args: str):
    return CliRunner().invoke(main, ["extract", "--today", TODAY, *args])


def assert_clean_failure(result, output: Path, before: str | None, pattern: str, name: str) -> None:
    """Exit 1, one message naming the file, no traceback, events file untouched, no temp file."""
    text = result.output
    assert result.exit_code == 1, text
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in text
    assert name in text, text
    assert re.search(pattern, text, re.IGNORECASE), text
    assert len(text.strip().splitlines()) <= 2, text  # one message (plus click's "Error:" prefix)
    if before is None:
        assert not output.exists()
    else:
        assert output.read_text() == before
    assert not [p for p in output.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("case", FAILING, ids=[c[0] for c in FAILING])
def test_bad_article_fails_cleanly_and_writes_nothing(tmp_path, case):
    _, filename, data, pattern = case
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.md").write_text(GOOD_MD)
    (articles / filename).write_bytes(data)
    output = tmp_path / "out" / "events.yaml"
    output.parent.mkdir()
    output.write_text(OLD_EVENTS)
    result = run_extract(str(articles), "-o", str(output))
    assert_clean_failure(result, output, OLD_EVENTS, pattern, filename)


def test_no_events_file_appears_when_the_first_run_fails(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    output = tmp_path / "events.yaml"
    result = run_extract(str(tmp_path / "bad.txt"), "-o", str(output))
    assert_clean_failure(result, output, None, r"empty", "bad.txt")


@pytest.mark.parametrize("case", ENCODED, ids=[c[0] for c in ENCODED])
def test_odd_encodings_are_read_correctly(tmp_path, case):
    _, filename, data = case
    (tmp_path / filename).write_bytes(data)
    output = tmp_path / "events.yaml"
    result = run_extract(str(tmp_path / filename), "-o", str(output))
    assert result.exit_code == 0, result.output
    document = yaml.safe_load(output.read_text(encoding="utf-8"))
    (entry,) = document["articles"].values()
    assert entry["published"] == "2023-10-04"  # the French date line was understood
    assert "ferm\u00e9" in entry["title"]
    assert "\r" not in output.read_text(encoding="utf-8")
    assert any("\u00e9t\u00e9" in e["text"] for e in document["events"])


def test_html_with_scripts_and_styles_never_reaches_the_events(tmp_path):
    page = ("<!doctype html><html><head><title>Bridge</title>"
            "<style>body { color: red } .x::after { content: 'on Monday' }</style>"
            "<script>var d = 'closed on Tuesday'; alert(31337)</script></head>"
            "<body><p>Published Tue. Mar 12th, 2024</p>"
            "<p>The bridge closed on Monday.</p></body></html>\n")
    (tmp_path / "page.html").write_text(page)
    (tmp_path / "page.md").write_text("---\ntitle: Bridge\npublished: 2024-03-12\n---\n" + page)
    output = tmp_path / "events.yaml"
    for name in ("page.html", "page.md"):
        result = run_extract(str(tmp_path / name), "-o", str(output))
        assert "Traceback" not in result.output
        assert isinstance(result.exception, (SystemExit, type(None))), repr(result.exception)
        if result.exit_code == 0:
            events = yaml.safe_load(output.read_text())["events"]
            for event in events:
                assert "alert(31337)" not in event["text"], (name, event)
                assert "color: red" not in event["text"], (name, event)
        else:  # a format we do not read must say so, naming the file
            assert name in result.output


def test_duplicate_articles_give_each_event_once(tmp_path):
    (tmp_path / "ledger.md").write_text(GOOD_MD)
    (tmp_path / "ledger-copy.md").write_text(GOOD_MD)
    output = tmp_path / "events.yaml"
    result = run_extract(str(tmp_path), "-o", str(output))
    assert result.exit_code == 0, result.output
    events = yaml.safe_load(output.read_text())["events"]
    texts = [e["text"] for e in events]
    assert texts and len(texts) == len(set(texts)), texts


def test_same_file_name_in_two_folders_is_a_clear_error(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.md").write_text(GOOD_MD)
    output = tmp_path / "events.yaml"
    result = run_extract(str(tmp_path), "-o", str(output))
    if result.exit_code == 0:  # ids made unique: both articles must be listed
        assert len(yaml.safe_load(output.read_text())["articles"]) == 2
    else:
        assert_clean_failure(result, output, None, r"story", "story.md")


def test_twenty_megabyte_article_is_handled_in_bounded_time(tmp_path):
    """Read and resolved, or refused with one message, within 30 s: never a hang."""
    paragraph = ("The council met on Tuesday and voted to close the bridge. Repairs begin in July, "
                 "two days later than planned, and will cost $14 million.\n\n")
    body = paragraph * (20 * 2**20 // len(paragraph))
    article = tmp_path / "huge.md"
    article.write_text("---\ntitle: Huge\npublished: 2024-03-12\n---\n" + body)
    output = tmp_path / "events.yaml"
    try:
        result = subprocess.run([sys.executable, "-m", "timeline", "extract", "--today", TODAY,
                                 str(article), "-o", str(output)],
                                capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("extract ran more than 30 s on a 20 MB article: refuse it or be faster")
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    if result.returncode != 0:
        assert "huge.md" in result.stderr and not output.exists()


@pytest.mark.parametrize("line", ["Mercredi 4 octobre 2023", "Mittwoch, 4. Oktober 2023",
                                  "mi\u00e9rcoles 4 de octubre de 2023", "4 ottobre 2023"],
                         ids=["french", "german", "spanish", "italian"])
def test_date_line_in_another_language(tmp_path, line):
    """Read as 4 October 2023, or refused with one message naming the file and the line."""
    (tmp_path / "foreign.txt").write_text(f"{line}\n\nBridge closes\n\nIt closed on Monday.\n")
    output = tmp_path / "events.yaml"
    result = run_extract(str(tmp_path / "foreign.txt"), "-o", str(output))
    if result.exit_code == 0:
        (entry,) = yaml.safe_load(output.read_text())["articles"].values()
        assert entry["published"] == "2023-10-04"
    else:
        assert_clean_failure(result, output, None, r"date", "foreign.txt")
