"""Updating the events file by splicing text blocks: same data as a whole rewrite, comments kept."""
from __future__ import annotations

import copy

import yaml
from hypothesis import given, settings, strategies as st

from timeline.store.emit import emit_mapping
from timeline.store.splice import block_key, cut_text, read_blocks, splice_update
from timeline.store.sync import Existing, plan_update

HEAD = "# yaml-language-server: $schema=.timeline/events.schema.json\n# my notes\n"


def _event(n: int, title: str = "") -> dict:
    return {"id": f"e{n}", "date": f"2023-09-{n % 28 + 1:02d}", "title": title or f"Event {n}",
            "sources": [{"article": "a1", "quote": f"Quote {n}: it's here.", "expression": "Tuesday"}]}


def _document(count: int) -> dict:
    return {"articles": {"a1": {"title": "One", "published": "2023-10-02"},
                         "a2": {"title": "Two", "published": "2023-10-03"}},
            "events": [_event(n) for n in range(count)]}


def _with_comments(text: str) -> str:
    """A person's comments: on a key line, on their own line, after an event."""
    text = text.replace("title: Event 1\n", "title: Event 1  # checked by hand\n")
    text = text.replace("  - id: e2\n", "  # the key one\n  - id: e2\n")
    return text + "# end of file\n"


EDITS = st.lists(st.tuples(st.sampled_from(["title", "delete", "add", "move", "article"]),
                           st.integers(0, 9)), max_size=8)


@settings(max_examples=150, deadline=None)
@given(st.integers(3, 10), EDITS)
def test_spliced_text_reads_back_as_the_merge(count, edits):
    ours = _document(count)
    text = _with_comments(HEAD + emit_mapping(ours))
    merged = copy.deepcopy(ours)
    for kind, n in edits:
        events = merged["events"]
        if kind == "title" and events:
            events[n % len(events)]["title"] = f"Changed {n}"
        elif kind == "delete" and events:
            del events[n % len(events)]
        elif kind == "add":
            events.append(_event(100 + n + len(events), "New: 'quoted' #1"))
        elif kind == "move" and events:
            events.insert(0, events.pop(n % len(events)))
        elif kind == "article":
            merged["articles"].pop("a2", None)
            merged["articles"][f"a{n + 3}"] = {"title": "Later", "published": "2023-11-01"}
    if len({e["id"] for e in merged["events"]}) != len(merged["events"]):
        return
    spliced = splice_update(cut_text(text), ours, merged, 2).text
    assert spliced is not None
    assert yaml.safe_load(spliced) == merged
    assert spliced.startswith(HEAD)
    ids = {e["id"] for e in merged["events"]}
    if "e1" in ids and all(e["title"] == "Event 1" for e in merged["events"] if e["id"] == "e1"):
        assert "# checked by hand" in spliced
    if "e1" in ids:  # kept even where the event changed: that block went through ruamel
        assert "# checked by hand" in spliced or "title: Changed" in spliced


def test_untouched_blocks_are_copied_byte_for_byte():
    ours = _document(5)
    text = _with_comments(HEAD + emit_mapping(ours))
    merged = copy.deepcopy(ours)
    merged["events"][3]["title"] = "Changed"
    spliced = splice_update(cut_text(text), ours, merged, 2).text
    assert spliced == text.replace("title: Event 3", "title: Changed")


def test_a_changed_event_keeps_its_comment():
    ours = _document(3)
    text = _with_comments(HEAD + emit_mapping(ours))
    merged = copy.deepcopy(ours)
    merged["events"][1]["date"] = "2023-10-01"
    spliced = splice_update(cut_text(text), ours, merged, 2).text
    assert "title: Event 1  # checked by hand" in spliced and "date: '2023-10-01'" in spliced


def test_layouts_it_does_not_know_are_left_to_ruamel():
    ours = _document(2)
    for text in ["articles: {a1: {title: One}}\nevents: []\n", "articles: {}\nevents: []\n  - id: e1\n",
                 "---\n" + emit_mapping(ours),
                 emit_mapping(ours) + "extra: 1\n",
                 emit_mapping(ours).replace("events:\n", "events:  \n  # c\n") + "notes: x\n",
                 emit_mapping(ours).replace("\n", "\r\n")]:
        assert cut_text(text) is None


def test_blocks_read_alone_give_the_whole_file_data():
    ours = _document(6)
    text = _with_comments(HEAD + emit_mapping(ours, 0, 0)).replace("e3\n", "'e3'\n")
    data, blocks = read_blocks(cut_text(text), {})
    assert data == yaml.safe_load(text) and len(blocks) == 8
    cached = {block_key(s, b): d for s, b, d in blocks}
    assert read_blocks(cut_text(text), cached)[0] == data


def test_a_block_that_does_not_stand_alone_is_left_to_the_whole_file():
    text = HEAD + emit_mapping(_document(2)).replace("title: Event 0", "title: &t Event 0") \
        .replace("title: Event 1", "title: *t")
    assert read_blocks(cut_text(text), {}) is None


def test_a_spliced_block_that_lands_elsewhere_is_refused(monkeypatch):
    import timeline.store.splice as splice

    ours = _document(3)
    text = HEAD + emit_mapping(ours)
    merged = copy.deepcopy(ours)
    merged["events"].append(_event(50))
    monkeypatch.setattr(splice, "emit_item", lambda value, indent, offset: "  - id: e50\n  - id: e51\n")
    assert splice_update(cut_text(text), ours, merged, 2) is None


_LINE_EDITS = st.lists(st.tuples(st.sampled_from(["dup", "drop", "indent", "dedent", "comment",
                                                  "blank", "tab"]), st.integers(0, 400)), max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 6), st.sampled_from([0, 2]), _LINE_EDITS)
def test_block_reading_agrees_with_the_whole_file_reader(count, offset, edits):
    """Whatever a person does to the lines, block reading gives the whole-file data or None."""
    lines = _with_comments(HEAD + emit_mapping(_document(count), 0, offset)).splitlines(keepends=True)
    for kind, n in edits:
        i = n % len(lines)
        if kind == "dup":
            lines.insert(i, lines[i])
        elif kind == "drop":
            del lines[i]
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
        elif kind == "comment":
            lines.insert(i, " " * (n % 7) + "# note\n")
        elif kind == "blank":
            lines.insert(i, "\n")
        else:
            lines[i] = "\t" + lines[i]
        if not lines:
            return
    text = "".join(lines)
    layout = cut_text(text)
    read = read_blocks(layout, {}) if layout else None
    if read is None:
        return
    try:
        whole = yaml.safe_load(text)
    except yaml.YAMLError:
        raise AssertionError("blocks read a file the whole-file reader refuses:\n" + text)
    assert read[0] == whole


def test_windows_line_ends_are_read_as_lines_and_spliced(tmp_path):
    from timeline.store.sync import load_existing, write_plan

    out = tmp_path / "events.yaml"
    first = _document(4)
    write_plan(out, plan_update(load_existing(out), first))
    out.write_bytes(out.read_bytes().replace(b"\n", b"\r\n"))
    existing = load_existing(out)
    assert existing.layout is not None  # cut, not left to the slow whole-file path
    newer = copy.deepcopy(first)
    newer["events"][2]["title"] = "Changed"
    plan = plan_update(existing, newer)
    assert yaml.safe_load(plan.text) == newer and "title: Changed" in plan.text


def test_windows_line_ends_are_kept_when_the_file_is_rewritten(tmp_path):
    from timeline.store.sync import load_existing, write_plan

    out = tmp_path / "events.yaml"
    first = _document(4)
    write_plan(out, plan_update(load_existing(out), first))
    assert b"\r\n" not in out.read_bytes()  # a new file gets plain line ends
    out.write_bytes(out.read_bytes().replace(b"\n", b"\r\n"))
    newer = copy.deepcopy(first)
    newer["events"][2]["title"] = "Changed"
    write_plan(out, plan_update(load_existing(out), newer))
    raw = out.read_bytes()
    assert b"title: Changed\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")
    again = load_existing(out)  # and the rewritten file reads back as what was written
    assert yaml.safe_load(again.text) == newer
