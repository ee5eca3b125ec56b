"""The snapshot beside the events file, and what happens without it or with a damaged one."""
from __future__ import annotations

from pathlib import Path

from timeline.store.sync import (Existing, load_existing, plan_update, schema_hint, schema_path,
                                 snapshot_path, write_plan)

FRESH = {"articles": {"a1": {"published": "2023-10-02", "anchor": "2023-10-02"}},
         "events": [{"id": "e1", "date": "2023-09-13", "title": "Talks",
                     "sources": [{"article": "a1", "quote": "Q."}]}]}


def test_paths_sit_beside_the_events_file():
    out = Path("site/content/events.yaml")
    assert snapshot_path(out) == Path("site/content/.timeline/events.generated.yaml")
    assert schema_path(out) == Path("site/content/.timeline/events.schema.json")
    assert schema_hint() == "# yaml-language-server: $schema=.timeline/events.schema.json\n"


def test_round_trip_through_disk(tmp_path):
    out = tmp_path / "events.yaml"
    assert load_existing(out) == Existing(None, None, None, None)
    write_plan(out, plan_update(load_existing(out), FRESH))
    existing = load_existing(out)
    assert existing.base == FRESH and existing.ours == FRESH
    assert existing.anchor_overrides() == {}


def test_damaged_snapshot_keeps_everything_as_the_persons(tmp_path):
    out = tmp_path / "events.yaml"
    write_plan(out, plan_update(load_existing(out), FRESH))
    snapshot_path(out).write_text("events: [\n")
    existing = load_existing(out)
    assert existing.base is None
    plan = plan_update(existing, {"articles": FRESH["articles"], "events": []})
    assert [e["id"] for e in plan.merged["events"]] == ["e1"]  # not removed: no base to prove it untouched


def test_bad_person_anchor_is_left_to_check(tmp_path):
    out = tmp_path / "events.yaml"
    write_plan(out, plan_update(load_existing(out), FRESH))
    out.write_text(out.read_text().replace("anchor: '2023-10-02'", "anchor: '2023-02-30'"))
    assert load_existing(out).anchor_overrides() == {}


def test_run_killed_between_events_file_and_snapshot(tmp_path, monkeypatch):
    """The pending snapshot carries the digest of its events file, so nothing is misread."""
    import timeline.store.sync as sync

    out = tmp_path / "events.yaml"
    write_plan(out, plan_update(load_existing(out), FRESH))
    newer = {"articles": FRESH["articles"], "events": FRESH["events"] + [
        {"id": "e2", "date": "2023-10", "title": "More", "sources": [{"article": "a1"}]}]}

    def killed(*args):
        raise KeyboardInterrupt  # dies right before promoting the snapshot
    monkeypatch.setattr(sync, "_promote", killed)
    try:
        write_plan(out, plan_update(load_existing(out), newer))
    except KeyboardInterrupt:
        pass
    monkeypatch.undo()
    existing = load_existing(out)
    assert existing.base == newer  # the events file on disk is the new one: so is its base
    assert plan_update(existing, newer).report.kept == ["e1", "e2"]
    out.write_text(out.read_text().replace("title: More", "title: Mine"))
    assert not sync.pending_path(out).exists()  # the first load finished the interrupted commit
    assert load_existing(out).base == newer  # so a later hand edit does not change the base


def test_block_cache_is_rewritten_only_when_it_would_change(tmp_path):
    import json

    from timeline.store.sync import block_cache_path

    out = tmp_path / "events.yaml"
    write_plan(out, plan_update(load_existing(out), FRESH))
    cache = block_cache_path(out)
    first = json.loads(cache.read_text())
    assert len(first["blocks"]) == 2  # the article entry and the event
    cache.write_text(cache.read_text() + " ")  # a mark: survives only if not rewritten
    existing = load_existing(out)
    assert existing.cache_complete
    write_plan(out, plan_update(existing, FRESH))  # same result: the cache is current
    assert cache.read_text().endswith(" ")
    changed = {**FRESH, "events": [{**FRESH["events"][0], "title": "Talks resume"}]}
    write_plan(out, plan_update(load_existing(out), changed))
    again = json.loads(cache.read_text())
    assert not cache.read_text().endswith(" ") and again["blocks"] != first["blocks"]
    assert load_existing(out).cache_complete and load_existing(out).ours == changed
    cache.write_text(json.dumps({"version": 1, "blocks": {}}))  # an empty cache: not complete
    existing = load_existing(out)
    assert not existing.cache_complete and existing.ours == changed
    write_plan(out, plan_update(existing, changed))
    assert json.loads(cache.read_text())["blocks"] == again["blocks"]
