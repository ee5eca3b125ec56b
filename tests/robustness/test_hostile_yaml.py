"""Broken and hostile events files through `timeline check` and through the site build:
one located message each, no traceback, bombs refused fast, big honest files accepted."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.robustness.hostile import billion_laughs, events_yaml_lines, tiny_site
from timeline.cli import main

GOOD = """\
articles:
  a1:
    title: Bridge closes
    published: 2024-03-12
events:
  - id: e1
    date: '2024-03-11'
    title: Barriers go up
    sources:
      - article: a1
        quote: Barriers went up on Monday.
"""

#: (name, text, pattern the reported problem must contain, line it must name or None)
BROKEN = [
    ("unclosed bracket", "events:\n  - id: e1\n    date: [2024\n", "YAML", 4),
    ("tab indentation", "events:\n\t- id: e1\n", "YAML", 2),
    ("duplicate key", GOOD.replace("    title: Barriers go up\n",
                                   "    title: Barriers go up\n    title: Again\n"), "duplicate key", 9),
    ("events is a string", "events: lots of them\n", "list", 1),
    ("event is a string", "events:\n  - just a string\n", "mapping", 2),
    ("title is a list", GOOD.replace("title: Barriers go up", "title: [a, b]"), "title", 8),
    ("date is a number", GOOD.replace("date: '2024-03-11'", "date: 5"), "date", 7),
    ("february 30", GOOD.replace("2024-03-11", "2023-02-30"), "calendar date", 7),
    ("month 13", GOOD.replace("2024-03-11", "2024-13"), "calendar date", 7),
    ("published impossible", GOOD.replace("published: 2024-03-12", "published: 2024-02-31"),
     "published", 4),
    ("top level is a list", "- 1\n- 2\n", "mapping", 1),
    ("python tag", "events: !!python/object/apply:os.system ['echo pwned']\n", "", 1),
    ("unknown source article", GOOD.replace("article: a1", "article: nope"), "nope", 10),
]

#: Inputs that must be refused quickly, whatever the loader does with them.
BOMBS = [
    ("billion laughs", billion_laughs()),
    ("deep flow nesting", "events: " + "[" * 50_000 + "]" * 50_000 + "\n"),
    ("deep block nesting", "events:\n" + "".join(f"{'  ' * i}- k{i}:\n" for i in range(1, 400))
     + "  " * 400 + "- v\n"),
]


def test_tables_have_no_duplicate_names():
    names = [c[0] for c in BROKEN + BOMBS]
    assert len(names) == len(set(names))


def check(tmp_path: Path, text: str):
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["check", str(path)]), str(path)


@pytest.mark.parametrize("case", BROKEN, ids=[c[0] for c in BROKEN])
def test_check_reports_each_broken_file_with_its_line(tmp_path, case):
    _, text, pattern, line = case
    result, path = check(tmp_path, text)
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert pattern in result.output, result.output
    if line is not None:
        assert f"{path}:{line}:" in result.output, result.output


def run_cli(args: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess:
    """A subprocess, so that a hang or a RecursionError cannot take the test run down."""
    try:
        return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(args)} ran more than {timeout} s: not refused fast")


@pytest.mark.parametrize("case", BOMBS, ids=[c[0] for c in BOMBS])
def test_check_refuses_bombs_fast(tmp_path, case):
    _, text = case
    path = tmp_path / "events.yaml"
    path.write_text(text)
    started = time.perf_counter()
    result = run_cli(["timeline", "check", str(path)], tmp_path, timeout=10)
    elapsed = time.perf_counter() - started
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-2000:]
    assert "Traceback" not in output, output[-2000:]
    assert str(path) in output
    assert elapsed < 5, f"took {elapsed:.1f} s"


def test_check_accepts_a_hundred_thousand_line_file(tmp_path):
    text = events_yaml_lines(100_000)
    started = time.perf_counter()
    result, path = check(tmp_path, text)
    elapsed = time.perf_counter() - started
    assert result.exit_code == 0, result.output[-2000:]
    assert f"{path}: OK" in result.output
    assert elapsed < 30, f"check took {elapsed:.1f} s on 100,000 lines"


# --- the site plugin ---------------------------------------------------------------------

def build(project: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    return run_cli(["mkdocs", "build", "-q", "-d", str(project / "out")], project, timeout)


SITE_CASES = [c for c in BROKEN if c[0] in (
    "unclosed bracket", "tab indentation", "duplicate key", "title is a list", "february 30",
    "python tag")] + [(name, text, "", None) for name, text in BOMBS]


@pytest.mark.parametrize("case", SITE_CASES, ids=[c[0] for c in SITE_CASES])
def test_site_build_gives_one_clear_error(tmp_path, case):
    _, text, pattern, line = case
    project = tiny_site(tmp_path / "site", text)
    started = time.perf_counter()
    result = build(project, timeout=15)
    assert result.returncode != 0, result.stdout[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "events.yaml" in result.stderr, result.stderr[-2000:]
    assert pattern in result.stderr
    if line is not None:
        assert f"events.yaml:{line}:" in result.stderr, result.stderr[-2000:]
    assert time.perf_counter() - started < 15


def _versions(count: int) -> tuple[str, str]:
    """Two valid events files of the same size whose titles say which version they are."""
    old = events_yaml_lines(count * 9).replace("Council meets", "OLDVERSION council meets")
    new = old.replace("OLDVERSION", "NEWVERSION")
    return old, new


def test_events_file_edited_while_the_site_builds(tmp_path):
    """Rewrites in place (as editors without atomic save do) while `mkdocs build` runs:
    each build shows the old or the new file whole, or one clear error; the file is never
    changed by the build."""
    old, new = _versions(1000)
    project = tiny_site(tmp_path / "site", old)
    events = project / "content" / "events.yaml"
    stop = threading.Event()

    def editor() -> None:
        flip = False
        while not stop.is_set():
            flip = not flip
            with open(events, "w", encoding="utf-8") as handle:  # truncate, then write slowly
                text = new if flip else old
                for start in range(0, len(text), 16 * 1024):
                    handle.write(text[start:start + 16 * 1024])
                    handle.flush()
                    time.sleep(0.003)
            time.sleep(0.01)

    thread = threading.Thread(target=editor, daemon=True)
    thread.start()
    try:
        outcomes = []
        for _ in range(3):
            result = build(project, timeout=60)
            assert "Traceback" not in result.stderr, result.stderr[-3000:]
            if result.returncode == 0:
                page = (project / "out" / "index.html").read_text(encoding="utf-8")
                has_old, has_new = "OLDVERSION" in page, "NEWVERSION" in page
                assert has_old != has_new, "the page mixes two versions of the events file"
                outcomes.append("old" if has_old else "new")
            else:
                assert "events.yaml" in result.stderr, result.stderr[-2000:]
                outcomes.append("error")
    finally:
        stop.set()
        thread.join(timeout=10)
    assert events.read_text(encoding="utf-8") in (old, new)
    assert outcomes
