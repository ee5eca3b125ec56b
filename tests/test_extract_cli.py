"""`timeline extract`: merges into the person's file, atomically, the same for any --jobs."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tests.conftest import REPO, require_shared
from tests.store import standin
from timeline.cli.extract import extract
from timeline.store import check_file, read_events_file
from timeline.store.sync import schema_path, snapshot_path

TALKS = """\
---
title: Talks in the east
published: 2023-10-04
---
The two leaders commenced their talks on September 13. The summit is set to resume next month.
Earlier, in July, officials met in secret.
"""
BRIDGE = """\
---
title: Bridge reopens
published: 2023-10-02
---
The Alder bridge closed in April for repairs. The council says it will reopen next month.
"""
FERRY = """\
---
title: Ferry strike
published: 2023-10-05
---
Ferry crews walked out in August. The union will hold a ballot next month.
"""


@pytest.fixture(autouse=True)
def stand_in_resolver(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.events import builder

    monkeypatch.setattr(builder, "_default_resolver", lambda: standin.resolve)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "talks.md").write_text(TALKS)
    (tmp_path / "articles" / "bridge.md").write_text(BRIDGE)
    return tmp_path


def run(site: Path, *args: str, ok: bool = True):
    result = CliRunner().invoke(extract, [str(site / "articles"), "-o", str(site / "events.yaml"),
                                          "--today", "2026-11-22", *args])
    if ok:
        assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result


def events_of(site: Path) -> dict[str, dict]:
    return {e["id"]: e for e in yaml.safe_load((site / "events.yaml").read_text())["events"]}


def test_first_run_writes_file_snapshot_and_schema(site):
    result = run(site)
    out = site / "events.yaml"
    assert out.read_text().startswith("# yaml-language-server: $schema=.timeline/events.schema.json\n")
    assert (out.parent / ".timeline" / "events.schema.json") == schema_path(out)
    assert schema_path(out).exists() and snapshot_path(out).exists()
    assert check_file(out) == []
    assert len(read_events_file(out).events) == 5
    assert result.stdout.strip().splitlines()[-1].startswith(
        "2 articles, 5 expressions, events: 5 new, 0 updated, 0 kept, 0 removed, 0 conflicts, "
        "0 inferred anchors")


def test_rerun_without_changes_is_byte_identical(site):
    run(site)
    before = (site / "events.yaml").read_bytes()
    result = run(site)
    assert (site / "events.yaml").read_bytes() == before
    assert "events: 0 new, 0 updated, 5 kept, 0 removed" in result.stdout


def test_hand_edits_survive_a_rerun_with_a_new_article(site):
    run(site)
    out = site / "events.yaml"
    ids = list(events_of(site))
    text = out.read_text()
    text = text.replace("title: Earlier, in July, officials met in secret",
                        "title: Officials met in secret   # checked with the archive")
    text = text.replace("events:\n", "events:\n  # my own event, first\n  - id: my-own\n"
                        "    date: '2023-01'\n    title: Mine\n", 1)
    doc = yaml.safe_load(text)
    deleted = ids[0]
    locked = ids[2]
    lines = text.splitlines(keepends=True)
    start = next(i for i, l in enumerate(lines) if l.strip() == f"- id: {deleted}")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id:"))
    del lines[start:end]
    text = "".join(lines).replace(f"- id: {locked}\n", f"- id: {locked}\n    locked: true\n")
    out.write_text(text)
    assert check_file(out) == [] and doc
    (site / "articles" / "ferry.md").write_text(FERRY)
    result = run(site)
    merged = out.read_text()
    assert "title: Officials met in secret   # checked with the archive" in merged
    assert "# my own event, first\n  - id: my-own\n" in merged
    got = events_of(site)
    assert deleted not in got and locked in got and got[locked]["locked"] is True
    assert any(s["article"] == "ferry" for e in got.values() for s in e.get("sources", []))
    assert "2 new" in result.stdout and check_file(out) == []


def test_removed_article_removes_only_untouched_events(site):
    run(site)
    out = site / "events.yaml"
    out.write_text(out.read_text().replace("title: The Alder bridge closed in April for repairs",
                                           "title: Bridge closed"))
    (site / "articles" / "bridge.md").unlink()
    result = run(site)
    bridge_events = [e for e in events_of(site).values() if e["sources"][0]["article"] == "bridge"]
    assert [e["title"] for e in bridge_events] == ["Bridge closed"]
    assert "1 removed" in result.stdout
    assert "bridge" in yaml.safe_load(out.read_text())["articles"]  # still cited
    assert check_file(out) == []


def test_person_set_anchor_is_used_on_rerun(site):
    run(site)
    out = site / "events.yaml"
    text = out.read_text()
    assert "expression: next month\n        anchor: '2023-10-02'" in text
    out.write_text(text.replace("published: '2023-10-02'\n    anchor: '2023-10-02'",
                                "published: '2023-10-02'\n    anchor: 2023-09-13  # story date"))
    run(site)
    bridge = [e for e in events_of(site).values() if e["sources"][0]["article"] == "bridge"]
    assert {e["date"] for e in bridge} == {"2023-04", "2023-10"}
    articles = yaml.safe_load(out.read_text())["articles"]
    assert articles["bridge"]["anchor_source"] == "events file"
    run(site)  # and it sticks on the next run
    assert {e["date"] for e in events_of(site).values()
            if e["sources"][0]["article"] == "bridge"} == {"2023-04", "2023-10"}


def test_dry_run_writes_nothing_and_shows_the_change(site):
    run(site)
    out = site / "events.yaml"
    before = {p: p.read_bytes() for p in (out, snapshot_path(out))}
    (site / "articles" / "ferry.md").write_text(FERRY)
    result = run(site, "--dry-run")
    assert {p: p.read_bytes() for p in before} == before
    assert "+  - id: 2023-08-ferry-crews" in result.stdout
    assert "2 new" in result.stdout and "dry run" in result.stdout


def test_dry_run_on_first_run_creates_nothing(site):
    run(site, "--dry-run")
    assert not (site / "events.yaml").exists() and not (site / ".timeline").exists()


def test_jobs_give_byte_identical_output(tmp_path):
    """The events file, its snapshot and the block cache: the same bytes for any --jobs
    (the workers work out how texts are written and the article entries; see _file_events)."""
    site = tmp_path / "site"
    (site / "articles").mkdir(parents=True)
    for i in range(12):
        body = (TALKS, BRIDGE, FERRY)[i % 3].replace("title: ", f"title: No. {i} ")
        body = body.replace("The ", "“Quoted: it's” the ", i % 2)  # texts that need quotes
        (site / "articles" / f"a{i:02d}.md").write_text(body)
    outputs = []
    for jobs in ("1", "2", "3"):
        out = site / f"events-{jobs}.yaml"
        result = CliRunner().invoke(extract, [str(site / "articles"), "-o", str(out),
                                              "--today", "2026-11-22", "--jobs", jobs])
        assert result.exit_code == 0, result.output
        files = [out, snapshot_path(out), site / ".timeline" / "cache" / f"events-{jobs}.blocks.json"]
        outputs.append([f.read_bytes() for f in files])
    assert outputs[0] == outputs[1] == outputs[2]
    assert b"Quoted" in outputs[0][0]


@pytest.mark.parametrize("jobs", ["1", "2", "3"])
def test_first_problem_in_file_order_is_reported_for_any_jobs(tmp_path, jobs):
    """With --jobs N this process takes files from the back while workers take the front:
    whichever process meets a problem first, the one reported is the first in file order,
    and nothing is written."""
    site = tmp_path / "site"
    (site / "articles").mkdir(parents=True)
    for i in range(40):
        (site / "articles" / f"a{i:02d}.md").write_text(FERRY)
    for i in (7, 38):  # one in the workers' share, one in this process's
        (site / "articles" / f"a{i:02d}.md").write_text("---\ntitle: x\n---\nNo date.\n")
    result = run(site, "--jobs", jobs, ok=False)
    assert result.exit_code == 1 and "a07.md" in result.output and "a38.md" not in result.output
    assert not (site / "events.yaml").exists()


def test_progress_bar_only_for_long_runs(site):
    assert "Extracting" not in run(site).stderr
    for i in range(60):
        (site / "articles" / f"many{i:02d}.md").write_text(FERRY)
    result = run(site)
    assert "Extracting" in result.stderr and "Extracting" not in result.stdout


@pytest.mark.parametrize("setup, expected", [
    (lambda s: (s / "events.yaml").write_text("events: [\n"), "not valid YAML"),
    (lambda s: (s / "events.yaml").write_text("- a list\n"), "must be a mapping"),
    (lambda s: (s / "articles" / "bad.md").write_text("---\ntitle: x\n---\nNo date.\n"), "published"),
    (lambda s: (s / "events.yaml").write_bytes(b"\xff\xfe\x00bad"), "UTF-8"),
    (lambda s: (s / "events.yaml").mkdir(), ""),
])
def test_user_errors_are_one_line_without_traceback(site, setup, expected):
    setup(site)
    result = run(site, ok=False)
    assert result.exit_code != 0
    assert "Traceback" not in result.output and result.exception is None or \
        isinstance(result.exception, SystemExit)
    assert expected in result.output


def test_unwritable_state_folder_is_a_message(site):
    (site / ".timeline").write_text("a file where the snapshot folder should be")
    result = run(site, ok=False)
    assert result.exit_code == 1 and "cannot write" in result.output
    assert isinstance(result.exception, SystemExit)
    assert not (site / "events.yaml").exists()  # nothing half-done


def test_missing_articles_folder(tmp_path):
    result = CliRunner().invoke(extract, [str(tmp_path / "nowhere"), "-o", str(tmp_path / "e.yaml")])
    assert result.exit_code == 1 and "no such file or folder" in result.output
    assert isinstance(result.exception, SystemExit)


# ---------------------------------------------------------------- killed mid-write

# A slow disk (fsync takes 0.15 s) widens the window between writing the temporary file and
# renaming it, so random kills land inside write_atomic too, not only before or after it.
RUNNER = ("import os, time; _fsync = os.fsync; "
          "os.fsync = lambda fd: (time.sleep(0.15), _fsync(fd))[1]; "
          "import tests.store.standin as s; s.install(); "
          "from timeline.cli.extract import extract; extract(prog_name='timeline extract')")


def _extract_process(site: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", RUNNER, str(site / "articles"), "-o",
                             str(site / "events.yaml"), "--today", "2026-11-22"], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_killed_mid_write_leaves_old_or_new_file_whole(site):
    for i in range(150):  # a bigger file: more time spent writing
        (site / "articles" / f"bulk{i:03d}.md").write_text(FERRY.replace("Ferry", f"Ferry {i}"))
    out = site / "events.yaml"
    assert _extract_process(site).wait(60) == 0
    old, old_snapshot = out.read_bytes(), snapshot_path(out).read_bytes()
    (site / "articles" / "late.md").write_text(TALKS.replace("Talks in", "Late talks in"))
    started = time.monotonic()
    assert _extract_process(site).wait(60) == 0
    duration = time.monotonic() - started
    new = out.read_bytes()
    assert new != old
    rng = random.Random(4)
    outcomes = []
    # the kill time closes in on the write: later after a kill that left the old file, earlier
    # after one that let the new file land (a busy machine moves the window from run to run)
    low, high = 0.5, 1.2
    for _ in range(40):
        out.write_bytes(old)
        snapshot_path(out).write_bytes(old_snapshot)
        process = _extract_process(site)
        fraction = rng.uniform(low, high)
        time.sleep(fraction * duration)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        now = out.read_bytes()
        assert now in (old, new), "events file is neither the old nor the new version"
        leftovers = list(site.glob(".events.yaml.*.tmp"))
        outcomes.append("mid-write" if leftovers else "new" if now == new else "old")
        for leftover in leftovers:
            leftover.unlink()
        if outcomes[-1] == "old":
            low = max(low, fraction)
        elif outcomes[-1] == "new":
            high = min(high, fraction)
        if low >= high:  # the window is narrower than the timer: widen around it again
            low, high = max(0.3, low - 0.1), high + 0.1
        if len(outcomes) >= 4 and "mid-write" in outcomes:
            break
    assert "mid-write" in outcomes, outcomes  # at least one kill landed inside write_atomic
    assert check_file(out) == []


# ---------------------------------------------------------------- the seeds, with the real resolver

def test_seed_anchor_set_by_a_person(tmp_path, monkeypatch):
    seeds = require_shared("seeds")
    try:
        from timeline.resolver import resolve
    except ImportError:
        pytest.skip("the resolver is not in this tree yet")
    from timeline.events import builder

    monkeypatch.setattr(builder, "_default_resolver", lambda: resolve)
    out = tmp_path / "events.yaml"
    args = [str(seeds), "-o", str(out), "--today", "2026-11-22"]
    assert CliRunner().invoke(extract, args).exit_code == 0

    def second_article_dates() -> set[str]:
        return {e["date"] for e in yaml.safe_load(out.read_text())["events"]
                for s in e["sources"] if s["article"] == "kim-putin-military-matters"
                and s["expression"] == "next month"}

    assert second_article_dates() == {"2023-11"}
    text = out.read_text()
    head, tail = text.split("  kim-putin-military-matters:\n", 1)
    tail = tail.replace("anchor: '2023-10-02'", "anchor: 2023-09-13", 1)
    out.write_text(head + "  kim-putin-military-matters:\n" + tail)
    result = CliRunner().invoke(extract, args)
    assert result.exit_code == 0, result.output
    assert second_article_dates() == {"2023-10"}


@pytest.mark.parametrize("count,jobs", [(1, 2), (2, 2), (7, 2), (100, 3), (1000, 2), (10000, 2), (333, 4)])
def test_chunks_keep_file_order_and_shrink_where_the_processes_meet(count, jobs):
    """Every file once, in order; chunks of at most CHUNK_FILES, and the smallest ones next to
    where the workers' share (from the front) meets this process's (from the back)."""
    from timeline.cli.extract import CHUNK_FILES, MIN_CHUNK_FILES, _chunks

    files = list(range(count))
    chunks = _chunks(files, jobs)
    assert [f for chunk in chunks for f in chunk] == files
    assert all(1 <= len(chunk) <= CHUNK_FILES for chunk in chunks)
    if count >= 1000:
        meet = count * (jobs - 1) // jobs
        ends = [sum(map(len, chunks[:k + 1])) for k in range(len(chunks))]
        at_meet = ends.index(meet)
        assert len(chunks[at_meet]) <= MIN_CHUNK_FILES + 1
        assert len(chunks[0]) == len(chunks[-1]) == CHUNK_FILES
