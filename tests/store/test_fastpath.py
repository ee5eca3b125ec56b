"""The reader's fast path must agree with the located loader and the full checks.

``guard_and_load`` either builds exactly what the located loader builds or gives up;
``well_formed`` may only say yes when ``timeline check`` would report nothing.
"""
from __future__ import annotations

import pytest

from timeline.errors import StoreError
from timeline.store.fastload import UNSURE, guard_and_load
from timeline.store.located import load_located
from timeline.store.quickcheck import well_formed
from timeline.store.reader import all_problems, check_file, read_events_file

GOOD = """\
articles:
  a1:
    title: Council votes
    published: '2024-03-06'
    anchor: 2024-03-06
    url: https://example.com/a
events:
  - id: e1
    date: '2024-03-05'
    title: The council voted
    text: It voted 7-2.
    status: happened
    tags: [council, bridge]
    confidence: 0.5
    locked: true
    conflict: [{event: e2, date: '2024-03-04'}]
    sources:
      - article: a1
        quote: voted on Tuesday
        expression: Tuesday
        anchor: '2024-03-06'
        value: null
  - id: e2
    date: 2024-W10
    title: "Quoted: title"
"""

SNIPPETS = [
    GOOD,
    "",
    "# only a comment\n",
    "events: []\n",
    "events:\n",
    "articles: null\nevents: null\n",
    "events: [1, 2.5, .inf, -.nan, 0x1f, 0o17, 1_000, '1', yes, No, ~, null, true]\n",
    "events: [2023-02-30, 2024-03-06, 2024-03-06 10:00:00, 2024-03-06T10:00:00Z]\n",
    "events:\n  - id: e\n    date: '2024-13-01'\n    title: t\n",
    "events:\n  - id: e\n    date: 2024-02-30\n    title: t\n",
    "events:\n  - id: e\n    id: f\n    date: '2024'\n    title: t\n",
    "events:\n  - {id: e, date: '2024', title: t}\n  - {id: e, date: '2024', title: t}\n",
    "base: &b {id: e}\nevents: [*b]\n",
    "events:\n  - <<: {id: e}\n    date: '2024'\n    title: t\n",
    "events: !!seq []\n",
    "events: [!!str 1]\n",
    "events: []\n---\nevents: []\n",
    "? [a]\n: b\n",
    "events:\n  - id: e\n    date: '2024'\n    title: 12\n",
    "events:\n  - id: e\n    date: '2024'\n    title: t\n    confidence: true\n",
    "events:\n  - id: e\n    date: '2024'\n    title: t\n    confidence: 1.5\n",
    "events:\n  - id: '  '\n    date: '2024'\n    title: t\n",
    "events:\n  - id: e\n    date: '2024'\n    title: t\n    sources: [{article: nope}]\n",
    "articles: {a: {published: 2024-03-06 10:00:00}}\nevents: []\n",
    "articles: {1: {published: '2024-03-06'}}\nevents: []\n",
    "events:\n  - id: e\n    date: '2024'\n    title: t\n    conflict: [{1: a, '1': b}]\n",
    "events:\n  - id: e\n    date: '2024'\n    titel: t\n",
    "events:\n  - id: e\n    date: '2024'\n    title: t\n    status: done\n",
    "events:\n  - id: e\n    date: '2024'\n    end:\n    title: t\n",
    "- just a list\n",
    "events: {}\n",
    "events:\n  - id: e\n    date: '2024'\n    title: |\n      two\n      lines\n",
    "events:\n  - id: e\n    date: '2024'\n    title: >-\n      folded\n      text\n",
    "events:\n  - id: e\n    date: '2024'\n    title: plain\n      continued\n",
    "events: [{id: e, date: '2024', title: \"esc\\u00e9\\n\"}]\n",
    "events:\n  - id: e\n    date: '2024'\n    title: t\n    = : x\n",
]


@pytest.mark.parametrize("text", SNIPPETS)
def test_fast_load_matches_the_located_loader(text: str) -> None:
    try:
        reference = load_located(text, "x.yaml")
    except StoreError:
        return  # the guard or the loader refuses it; the reader then reports that error
    data = guard_and_load(text, "x.yaml")
    if data is not UNSURE:
        assert data == reference.data
        assert type(data) is type(reference.data)
    if data is not UNSURE and well_formed(data):
        assert all_problems(reference) == []


def test_duplicates_aliases_tags_and_merges_give_up() -> None:
    for text in ("a: 1\na: 2\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: {<<: {b: 1}}\n",
                 "a: 1\n---\nb: 2\n"):
        assert guard_and_load(text) is UNSURE


def test_good_file_is_read_by_the_fast_path(tmp_path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(GOOD)
    assert well_formed(guard_and_load(GOOD))
    assert check_file(path) == []
    events = read_events_file(path)
    assert [e.id for e in events.events] == ["e2", "e1"] or [e.id for e in events.events] == ["e1", "e2"]
    assert events.articles["a1"]["title"] == "Council votes"


def test_problems_still_come_with_their_line(tmp_path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(GOOD.replace("date: '2024-03-05'", "date: '2024-02-30'"))
    problems = check_file(path)
    assert problems and problems[0].line == 9
    with pytest.raises(StoreError) as raised:
        read_events_file(path)
    assert raised.value.line == 9 and "2024-02-30" in raised.value.message
