"""The build's speed paths give the same site as the plain one.

The page handover (half the pages rendered in a forked child) and the serve page cache
(unchanged pages replayed across rebuilds) must not change a byte of any page.
"""
from __future__ import annotations

import filecmp
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from tests.site.helpers import make_project
from timeline.site import parallel


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _build(project: Path, out: Path, *, serve: bool = False) -> None:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(out))
    if serve:
        config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build(config)


def test_handover_builds_the_same_site(tmp_path, monkeypatch) -> None:
    project = make_project(tmp_path)
    monkeypatch.setattr(parallel, "MIN_PAGES", 10**9)
    _build(project, tmp_path / "serial")
    handed: list[str] = []
    original = parallel.PageHandover._next

    def spy(self, uri):
        html = original(self, uri)
        if html is not None:
            handed.append(uri)
        return html

    monkeypatch.setattr(parallel, "MIN_PAGES", 1)
    monkeypatch.setattr(parallel.PageHandover, "_next", spy)
    _build(project, tmp_path / "parallel")
    assert handed, "no page was rendered by the child"
    assert _files(tmp_path / "serial") == _files(tmp_path / "parallel")
    assert not list(Path(parallel.tempfile.gettempdir()).glob("timeline-pages-*/*.html"))


def test_serve_rebuild_replays_unchanged_pages_exactly(tmp_path) -> None:
    project = make_project(tmp_path)
    out = tmp_path / "served"
    _build(project, out, serve=True)
    events = project / "events.yaml"
    text = events.read_text()
    line = next(l for l in text.splitlines() if l.strip().startswith("title:"))
    events.write_text(text.replace(line, line + " EDITED", 1))
    plugin = load_config(str(project / "mkdocs.yml")).plugins["timeline"]
    _build(project, out, serve=True)
    assert plugin._replayed, "nothing was replayed"
    assert any(kept.search_entries for kept in plugin._replayed.values()), "search entries not replayed"
    assert "EDITED" in "".join(p.read_text() for p in out.rglob("*.html"))
    _build(project, tmp_path / "fresh")
    assert _files(out).keys() == _files(tmp_path / "fresh").keys()
    for name, data in _files(tmp_path / "fresh").items():
        if name.endswith(".html"):
            assert (out / name).read_bytes() == data, name
    assert filecmp.cmp(out / "search" / "search_index.json", tmp_path / "fresh" / "search" / "search_index.json",
                       shallow=False)
