"""Applying a merge keeps comments, key order and formatting of what did not change."""
from __future__ import annotations

import yaml

from timeline.store.roundtrip import apply_merged, dump_roundtrip, load_roundtrip, plain

TEXT = """\
# yaml-language-server: $schema=.timeline/events.schema.json
# my notes at the top
articles:
  a1:
    published: 2023-10-02   # unquoted, as a person types it
    title: First
events:
  # the important one
  - id: e1
    title: Talks begin     # I fixed this
    date: '2023-09-13'
    sources:
      - {article: a1, quote: "They met."}
  - id: e2
    date: '2023-10'
    title: Old
"""


def test_untouched_parts_come_back_byte_for_byte():
    doc = load_roundtrip(TEXT, "events.yaml")
    assert dump_roundtrip(apply_merged(doc, plain(doc))) == TEXT


def test_only_changed_keys_change():
    doc = load_roundtrip(TEXT, "events.yaml")
    wanted = plain(doc)
    wanted["events"][1]["title"] = "New"
    wanted["events"].append({"id": "e3", "date": "2023", "title": "yes", "text": "a\nb"})
    out = dump_roundtrip(apply_merged(doc, wanted))
    assert out.replace("title: New", "title: Old").startswith(TEXT)
    assert yaml.safe_load(out)["events"][2] == {"id": "e3", "date": "2023", "title": "yes",
                                                 "text": "a\nb"}  # quoted so PyYAML reads text


def test_removing_an_event_keeps_the_others_comments():
    doc = load_roundtrip(TEXT, "events.yaml")
    wanted = plain(doc)
    del wanted["events"][1]
    out = dump_roundtrip(apply_merged(doc, wanted))
    assert "# the important one" in out and "# I fixed this" in out and "id: e2" not in out


def test_pyyaml_style_lists_are_not_reindented():
    from timeline.store.roundtrip import sequence_offset

    text = "articles: {}\nevents:\n- id: e1\n  title: T\n  sources:\n  - article: a1\n"
    assert sequence_offset(text) == 0 and sequence_offset(TEXT) == 2
    doc = load_roundtrip(text, "events.yaml")
    assert dump_roundtrip(apply_merged(doc, plain(doc)), sequence_offset(text)) == text


def test_long_texts_stay_on_one_line_as_the_fast_writer_puts_them():
    long_title = " ".join(["word"] * 40)  # 199 characters, past any folding width
    text = TEXT.replace("title: Old", f"title: {long_title}")
    doc = load_roundtrip(text, "events.yaml")
    wanted = plain(doc)
    wanted["events"].append({"id": "e3", "date": "2023", "title": long_title})
    out = dump_roundtrip(apply_merged(doc, wanted))
    assert out.count(f"title: {long_title}\n") == 2  # neither folded onto a second line
