"""guard_yaml_text refuses bombs fast and accepts big honest files; confine_path keeps paths home."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.robustness.hostile import billion_laughs, events_yaml_lines
from timeline.errors import StoreError, TimelineError
from timeline.safety import MAX_DEPTH, UnsafePathError, confine_path, guard_yaml_text


def test_billion_laughs_is_refused_in_well_under_a_second():
    started = time.perf_counter()
    with pytest.raises(StoreError, match="alias") as info:
        guard_yaml_text(billion_laughs(), "bomb.yaml")
    assert time.perf_counter() - started < 0.2
    assert info.value.path == "bomb.yaml" and info.value.line is not None


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000,
                                  "".join(f"{' ' * i}k{i}:\n" for i in range(200)) + " " * 200 + "v: 1\n"],
                         ids=["flow brackets", "block mappings"])
def test_deep_nesting_is_refused_fast(text):
    started = time.perf_counter()
    with pytest.raises(StoreError, match="nested"):
        guard_yaml_text(text, "deep.yaml")
    assert time.perf_counter() - started < 0.5


def test_nesting_up_to_the_limit_is_fine():
    guard_yaml_text("[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1), "ok.yaml")


def test_hundred_thousand_line_events_file_is_accepted():
    text = events_yaml_lines(100_000)
    assert text.count("\n") >= 100_000
    started = time.perf_counter()
    guard_yaml_text(text, "big.yaml")
    assert time.perf_counter() - started < 5


def test_honest_anchors_are_fine():
    guard_yaml_text("base: &b {outlet: Ledger}\na: *b\nb: *b\nc: [*b, *b]\n", "ok.yaml")


@pytest.mark.parametrize("text,expected", [
    ("a: !!python/object/apply:os.system ['echo pwned']\n", "not allowed"),
    ("a: !custom x\n", "not allowed"),
    ("events:\n\t- id: x\n", "tabs"),
    ("events: [1, 2\n", "not valid YAML"),
], ids=["python tag", "custom tag", "tab indent", "unclosed bracket"])
def test_bad_yaml_gives_one_located_error(text, expected):
    with pytest.raises(StoreError) as info:
        guard_yaml_text(text, "bad.yaml")
    assert expected in str(info.value)
    assert info.value.line is not None


def test_oversized_document_is_refused_without_parsing(monkeypatch):
    import timeline.safety as safety
    monkeypatch.setattr(safety, "MAX_YAML_CHARS", 1000)
    with pytest.raises(StoreError, match="MB"):
        guard_yaml_text("a: b\n" * 1000, "huge.yaml")


# --- confine_path ----------------------------------------------------------------------

@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "content" / "articles").mkdir(parents=True)
    (root / "content" / "articles" / "a.md").write_text("x")
    (tmp_path / "secret.txt").write_text("secret")
    return root


@pytest.mark.parametrize("path", ["content/articles/a.md", "content/../content/articles/a.md",
                                  "content/articles/not-yet-written.md", "./content"])
def test_paths_inside_are_returned_resolved(project, path):
    resolved = confine_path(path, project)
    assert resolved.is_absolute()
    assert resolved.is_relative_to(project.resolve())


def test_absolute_path_inside_is_fine(project):
    inside = project / "content" / "articles" / "a.md"
    assert confine_path(str(inside), project) == inside.resolve()


@pytest.mark.parametrize("path", ["../secret.txt", "content/../../secret.txt", "/etc/passwd",
                                  "~/.ssh/id_rsa", "", "content/\x00.md"])
def test_paths_outside_are_refused(project, path):
    with pytest.raises(UnsafePathError) as info:
        confine_path(path, project, source="events.yaml", line=7, field="path")
    assert isinstance(info.value, TimelineError)
    assert info.value.path == "events.yaml" and info.value.line == 7


def test_symlink_out_of_the_project_is_refused(project):
    link = project / "content" / "articles" / "sneaky.md"
    os.symlink(project.parent / "secret.txt", link)
    with pytest.raises(UnsafePathError):
        confine_path("content/articles/sneaky.md", project)


def test_symlinked_folder_out_of_the_project_is_refused(project):
    os.symlink(project.parent, project / "content" / "up")
    with pytest.raises(UnsafePathError):
        confine_path("content/up/secret.txt", project)
