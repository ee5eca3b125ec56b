"""The three-way merge rules, as properties over generated documents and as examples."""
from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.store.merge import merge_documents, merge_fields, person_anchors

# ---------------------------------------------------------------- generated documents

_text = st.sampled_from(["a", "b", "c", "Talks begin", "2023-09-13"])
_ids = st.sampled_from([f"e{i}" for i in range(8)])
_articles = st.sampled_from(["a1", "a2", "a3"])


@st.composite
def events(draw, ids=_ids) -> dict:
    event = {"id": draw(ids), "date": draw(st.sampled_from(["2023", "2023-09", "2023-09-13"])),
             "title": draw(_text)}
    if draw(st.booleans()):
        event["text"] = draw(_text)
    event["sources"] = [{"article": draw(_articles), "quote": draw(_text)}]
    return event


@st.composite
def documents(draw) -> dict:
    listed = draw(st.lists(events(), max_size=6, unique_by=lambda e: e["id"]))
    return {"articles": {a: {"published": "2023-10-02", "anchor": "2023-10-02"}
                         for a in sorted({s["article"] for e in listed for s in e["sources"]})},
            "events": listed}


@st.composite
def edited(draw, doc: dict) -> dict:
    """A person's edits of ``doc``: change fields, delete, add, lock, reorder."""
    ours = copy.deepcopy(doc)
    for event in list(ours["events"]):
        action = draw(st.sampled_from(["keep", "keep", "title", "drop-key", "delete", "lock"]))
        if action == "title":
            event["title"] = draw(_text) + " (edited)"
        elif action == "drop-key" and "text" in event:
            del event["text"]
        elif action == "delete":
            ours["events"].remove(event)
        elif action == "lock":
            event["locked"] = True
    for event in draw(st.lists(events(st.sampled_from(["p1", "p2", "p3"])), max_size=2,
                               unique_by=lambda e: e["id"])):
        ours["events"].insert(draw(st.integers(0, len(ours["events"]))), event)
    if draw(st.booleans()):
        ours["events"].reverse()
    for a in ("a1", "a2", "a3"):
        ours["articles"].setdefault(a, {"published": "2023-10-02", "anchor": "2023-10-02"})
    return ours


def pair() -> st.SearchStrategy:
    return documents().flatmap(lambda base: st.tuples(st.just(base), edited(base), documents()))


# ---------------------------------------------------------------- properties

@settings(max_examples=150, deadline=None)
@given(documents(), documents())
def test_untouched_file_becomes_the_fresh_result(base, theirs):
    merged, _ = merge_documents(base, copy.deepcopy(base), theirs)
    assert merged == theirs
    assert [e["id"] for e in merged["events"]] == [e["id"] for e in theirs["events"]]


@settings(max_examples=150, deadline=None)
@given(pair())
def test_nothing_new_from_the_generator_keeps_the_file(case):
    base, ours, _ = case
    merged, report = merge_documents(base, ours, copy.deepcopy(base))
    assert merged["events"] == ours["events"]
    assert not report.new and not report.removed and not report.updated


@settings(max_examples=200, deadline=None)
@given(pair())
def test_person_edits_survive(case):
    base, ours, theirs = case
    merged, _ = merge_documents(base, ours, theirs)
    by_id = {e["id"]: e for e in merged["events"]}
    base_by = {e["id"]: e for e in base["events"]}
    for event in ours["events"]:
        generated = base_by.get(event["id"])
        if generated is None or event.get("locked"):
            assert by_id[event["id"]] == event  # added by the person, or locked: untouched
            continue
        if event == generated:
            continue
        kept = by_id[event["id"]]  # edited: it stays, with every changed field as the person left it
        for key in set(event) | set(generated):
            if event.get(key, "<absent>") != generated.get(key, "<absent>"):
                assert kept.get(key, "<absent>") == event.get(key, "<absent>")


@settings(max_examples=200, deadline=None)
@given(pair())
def test_deleted_stays_deleted_and_ids_are_unique(case):
    base, ours, theirs = case
    merged, _ = merge_documents(base, ours, theirs)
    ids = [e["id"] for e in merged["events"]]
    assert len(ids) == len(set(ids))
    deleted = {e["id"] for e in base["events"]} - {e["id"] for e in ours["events"]}
    assert not deleted & set(ids)


@settings(max_examples=150, deadline=None)
@given(pair())
def test_every_cited_article_is_in_the_table(case):
    base, ours, theirs = case
    merged, _ = merge_documents(base, ours, theirs)
    cited = {s["article"] for e in merged["events"] for s in e.get("sources", [])}
    assert cited <= set(merged["articles"])


@settings(max_examples=100, deadline=None)
@given(pair())
def test_merge_is_deterministic_and_pure(case):
    base, ours, theirs = case
    before = copy.deepcopy(case)
    first, _ = merge_documents(base, ours, theirs)
    second, _ = merge_documents(base, ours, theirs)
    assert first == second and (base, ours, theirs) == before


# ---------------------------------------------------------------- examples, one per rule

def event(event_id: str, article: str = "a1", **fields) -> dict:
    out = {"id": event_id, "date": "2023-09-13", "title": f"Title {event_id}", "text": "Text.",
           "sources": [{"article": article, "quote": "Q."}]}
    out.update(fields)
    return out


def doc(*listed: dict, articles=("a1",)) -> dict:
    return {"articles": {a: {"published": "2023-10-02", "anchor": "2023-10-02"} for a in articles},
            "events": list(listed)}


def test_changed_field_keeps_the_persons_value_and_takes_other_updates():
    base = doc(event("e1"))
    ours = doc(event("e1", title="My title"))
    theirs = doc(event("e1", title="New machine title", confidence=0.9))
    merged, report = merge_documents(base, ours, theirs)
    assert merged["events"] == [event("e1", title="My title", confidence=0.9)]
    assert report.updated == ["e1"] and report.overridden == [("e1", "title")]


def test_deleted_event_stays_deleted():
    merged, report = merge_documents(doc(event("e1"), event("e2")), doc(event("e2")),
                                     doc(event("e1"), event("e2")))
    assert [e["id"] for e in merged["events"]] == ["e2"]
    assert not report.new


def test_added_event_stays_where_the_person_put_it():
    mine = {"id": "mine", "date": "2023-01", "title": "Mine"}
    merged, _ = merge_documents(doc(event("e1"), event("e2")), doc(event("e1"), mine, event("e2")),
                                doc(event("e1"), event("e2"), event("e3")))
    assert [e["id"] for e in merged["events"]] == ["e1", "mine", "e2", "e3"]


def test_merged_by_hand_stays_merged():
    """A person folds e2 into e1 (its source joins e1) and deletes e2."""
    folded = event("e1", sources=[{"article": "a1", "quote": "Q."}, {"article": "a2", "quote": "R."}])
    base = doc(event("e1"), event("e2", "a2"), articles=("a1", "a2"))
    merged, _ = merge_documents(base, doc(folded, articles=("a1", "a2")), base)
    assert merged["events"] == [folded]


def test_locked_event_is_never_touched():
    locked = event("e1", title="Frozen", locked=True)
    merged, _ = merge_documents(doc(event("e1")), doc(locked), doc(event("e1", title="New", date="2024")))
    assert merged["events"] == [locked]
    merged, _ = merge_documents(doc(event("e1")), doc(locked), doc())  # its article is gone
    assert merged["events"] == [locked] and "a1" in merged["articles"]


def test_locked_as_yaml_1_1_spells_it():
    locked = event("e1", title="Frozen", locked="yes")  # ruamel reads `locked: yes` as text
    merged, _ = merge_documents(doc(event("e1")), doc(locked), doc(event("e1", title="New")))
    assert merged["events"] == [locked]


def test_new_article_adds_events():
    merged, report = merge_documents(doc(event("e1")), doc(event("e1")),
                                     doc(event("e1"), event("n1", "a2"), articles=("a1", "a2")))
    assert [e["id"] for e in merged["events"]] == ["e1", "n1"] and report.new == ["n1"]
    assert report.articles_new == ["a2"]


def test_removed_article_removes_only_untouched_machine_events():
    base = doc(event("e1"), event("e2"), event("k1", "a2"), articles=("a1", "a2"))
    ours = doc(event("e1", title="Edited"), event("e2"), event("k1", "a2"), articles=("a1", "a2"))
    merged, report = merge_documents(base, ours, doc(event("k1", "a2"), articles=("a2",)))
    assert [e["id"] for e in merged["events"]] == ["e1", "k1"]
    assert report.removed == ["e2"]
    assert set(merged["articles"]) == {"a1", "a2"}  # e1 still cites a1


def test_article_table_merges_the_same_way():
    base = doc(event("e1"))
    ours = doc(event("e1"))
    ours["articles"]["a1"]["anchor"] = "2023-09-13"
    ours["articles"]["a1"]["note_by_person"] = "x"
    theirs = doc(event("e1"))
    theirs["articles"]["a1"].update(anchor="2023-09-13", anchor_source="events file", title="T")
    merged, _ = merge_documents(base, ours, theirs)
    assert merged["articles"]["a1"] == {"published": "2023-10-02", "anchor": "2023-09-13",
                                        "note_by_person": "x", "anchor_source": "events file",
                                        "title": "T"}


def test_person_anchors_are_fed_back():
    base = doc()
    ours = doc()
    assert person_anchors(base, ours) == {}
    ours["articles"]["a1"]["anchor"] = "2023-09-13"
    assert person_anchors(base, ours) == {"a1": "2023-09-13"}
    # after the re-run the generator records it, and it keeps being the person's anchor
    settled = doc()
    settled["articles"]["a1"].update(anchor="2023-09-13", anchor_source="events file")
    assert person_anchors(settled, copy.deepcopy(settled)) == {"a1": "2023-09-13"}


def test_first_run_and_missing_snapshot():
    fresh = doc(event("e1"))
    merged, report = merge_documents(None, None, fresh)
    assert merged == fresh and report.new == ["e1"]
    ours = doc(event("e1", title="Mine"))
    merged, _ = merge_documents(None, ours, doc(event("e1"), event("e2")))
    assert merged["events"] == [event("e1", title="Mine"), event("e2")]


def test_merge_fields_removal_by_person_wins():
    merged, _ = merge_fields({"a": 1, "b": 2}, {"a": 1}, {"a": 3, "b": 4})
    assert merged == {"a": 3}
