"""Provenance marks: the expression inside its quote, whitespace-tolerant, confined to the project."""
from __future__ import annotations

from pathlib import Path

from timeline.site.labels import DateLabels
from timeline.site.plan import plan_site
from timeline.site.provenance import build_provenance, citations_for, locate, read_article_text

from tests.site.helpers import DATA, fixture_events, options

LOCATE_CASES = [
    # (text, quote, expression, expected marked text or None)
    ("He left on Friday. She came on Friday.", "She came on Friday.", "Friday", "Friday"),
    ("It opened in July\n  1968, they said.", "It opened in July 1968, they said.", "July 1968", "July\n  1968"),
    ("Next Week it starts.", "Next Week it starts.", "next week", "Next Week"),
    ("A sentence.", "Not in the text.", "text", None),
    ("No quote given, in 2019.", "", "2019", "2019"),
    ("Quote without the words.", "Quote without the words.", "2019", None),
]


def test_locate_cases_unique():
    assert len({c[:3] for c in LOCATE_CASES}) == len(LOCATE_CASES)


def test_locate():
    for text, quote, expression, expected in LOCATE_CASES:
        span = locate(text, quote, expression)
        assert (text[span[0]:span[1]] if span else None) == expected, (quote, expression)


def _source_page(article_id: str):
    plan = plan_site(fixture_events(), options(), DateLabels())
    return next(s for s in plan.sources if s.article_id == article_id)


def test_article_marks_carry_value_anchor_and_event():
    page = _source_page("harbor-ledger")
    text, note = read_article_text("harbor-ledger", page.entry, DATA, None)
    assert note is None and text.startswith("A harbor crane collapsed")
    prov = build_provenance(text, citations_for("harbor-ledger", page.views, DateLabels()))
    marks = [s.mark for p in prov.paragraphs for s in p if s.mark]
    assert [text[m.start:m.end] for m in marks] == ["Wednesday", "12 and 13 September", "next spring"]
    wednesday = marks[0].citations[0]
    assert (wednesday.value, wednesday.value_label, wednesday.anchor_label) == (
        "2023-09-13", "13 September 2023", "14 September 2023")
    assert marks[0].anchors == ["cite-crane-collapse"]
    assert prov.unplaced == []


def test_missing_or_outside_files_fall_back_to_quotes(tmp_path):
    page = _source_page("courier-review")
    citations = citations_for("courier-review", page.views, DateLabels())
    text, note = read_article_text("courier-review", {"path": "../../etc/passwd"}, tmp_path, None)
    assert text is None and "outside the project" in note
    text, note = read_article_text("courier-review", {"path": "nope.md"}, tmp_path, None)
    assert text is None and "not available" in note
    prov = build_provenance(text, citations, note)
    assert prov.paragraphs == [] and len(prov.unplaced) == len(citations) == 4


def test_without_a_path_the_articles_folder_is_tried():
    text, note = read_article_text("harbor-ledger", {}, Path("/nonexistent"), DATA / "articles")
    assert note is None and "Pier 4" in text
