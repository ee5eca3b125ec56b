"""The build's speed paths give the same site as the plain one.

The theme shell (pages of a kind filled into one rendering of the theme), the shared
Markdown converter, pages made just before the theme and the serve page cache (unchanged pages replayed across rebuilds) must
not change a byte of any page.
"""
from __future__ import annotations

import filecmp
import os
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

from tests.site.helpers import build_to, files_of, make_project
from timeline.site import markdown_once, shell
from timeline.site.plugin import TimelinePlugin


def _eager(self, uri: str, html: str, make) -> str:
    """A page's HTML made in ``on_page_content``, not deferred to just before the theme."""
    lean, full = make()
    self._search_swap[uri] = (lean, full)
    return full


def _build_plain(project: Path, out: Path, monkeypatch) -> None:
    """The site as MkDocs alone would build it: every page rendered, one converter per page,
    each page's HTML made when MkDocs asks for its content."""
    with monkeypatch.context() as m:
        m.setattr(shell.ShellRenderer, "adopt", lambda self, pages, env: None)
        m.setattr(markdown_once.SharedMarkdown, "render",
                  lambda self, page, config, files: Page.render(page, config, files))
        m.setattr(TimelinePlugin, "_later", _eager)
        build_to(project, out)


def _count_shell_pages(monkeypatch) -> list[int]:
    """Spy on the theme shell: how many pages were filled in rather than rendered."""
    filled: list[int] = []
    original = shell.ShellRenderer.adopt

    def adopt(self, pages, env):
        filled.append(0)
        original(self, pages, env)
        render = self.render

        def counting(context):
            before = self.filled
            html = render(context)
            filled[-1] += self.filled - before
            return html
        self.render = counting

    monkeypatch.setattr(shell.ShellRenderer, "adopt", adopt)
    return filled


@pytest.mark.parametrize("check_every", [shell.CHECK_EVERY, 1])
def test_speed_paths_build_the_same_site(tmp_path, monkeypatch, check_every) -> None:
    project = make_project(tmp_path)
    (project / "docs" / "about.md").write_text("# About\n\nA page of the person's own.\n")
    _build_plain(project, tmp_path / "plain", monkeypatch)
    monkeypatch.setattr(shell, "CHECK_EVERY", check_every)
    monkeypatch.setattr(markdown_once, "CHECK_EVERY", check_every)
    filled = _count_shell_pages(monkeypatch)
    build_to(project, tmp_path / "shell")
    assert filled and filled[0] >= 2, "no page was filled into a shell"
    converted = []
    monkeypatch.setattr(markdown_once.SharedMarkdown, "_convert",
                        lambda self, *a, _f=markdown_once.SharedMarkdown._convert: converted.append(1) or _f(self, *a))
    build_to(project, tmp_path / "again")
    assert len(converted) >= 2, "no page went through the shared converter"
    assert files_of(tmp_path / "plain") == files_of(tmp_path / "again")
    assert files_of(tmp_path / "plain") == files_of(tmp_path / "shell")


def test_theme_shell_keeps_page_values_apart(tmp_path, monkeypatch) -> None:
    """Titles with entities, quotes and look-alike brackets land verbatim, page by page."""
    project = make_project(tmp_path)
    events = project / "events.yaml"
    events.write_text(events.read_text().replace("title: ", "title: Tom's <b>&amp; \"co\" ", 3))
    _build_plain(project, tmp_path / "plain", monkeypatch)
    build_to(project, tmp_path / "shell")
    assert files_of(tmp_path / "plain") == files_of(tmp_path / "shell")


def test_theme_shell_gives_up_on_a_template_that_transforms_a_value(tmp_path) -> None:
    """A theme override printing the title upper-cased cannot be filled in: pages render in full."""
    project = make_project(tmp_path, config={"theme": {"name": "material", "font": False,
                                                       "custom_dir": "overrides"}})
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block extrahead %}<meta name="t" content="{{ page.title | upper }}">'
        "{% endblock %}")
    out = tmp_path / "out"
    build_to(project, out)
    for page in (out / "sources").glob("*/index.html"):
        html = page.read_text()
        title = html.split("<title>")[1].split(" - ")[0]
        assert f'content="{title.upper()}"' in html


def test_serve_rebuild_replays_unchanged_pages_exactly(tmp_path) -> None:
    project = make_project(tmp_path)
    out = tmp_path / "served"
    build_to(project, out, serve=True)
    events = project / "events.yaml"
    text = events.read_text()
    line = next(l for l in text.splitlines() if l.strip().startswith("title:"))
    events.write_text(text.replace(line, line + " EDITED", 1))
    plugin = load_config(str(project / "mkdocs.yml")).plugins["timeline"]
    build_to(project, out, serve=True)
    assert plugin._replayed, "nothing was replayed"
    assert any(kept.search_entries for kept in plugin._replayed.values()), "search entries not replayed"
    assert "EDITED" in "".join(p.read_text() for p in out.rglob("*.html"))
    build_to(project, tmp_path / "fresh")
    assert files_of(out).keys() == files_of(tmp_path / "fresh").keys()
    for name, data in files_of(tmp_path / "fresh").items():
        if name.endswith(".html"):
            assert (out / name).read_bytes() == data, name
    assert filecmp.cmp(out / "search" / "search_index.json", tmp_path / "fresh" / "search" / "search_index.json",
                       shallow=False)


def test_serve_rebuild_without_event_changes_reuses_events_plan_and_exports(tmp_path) -> None:
    project = make_project(tmp_path)
    out = tmp_path / "served"
    build_to(project, out, serve=True)
    plugin = load_config(str(project / "mkdocs.yml")).plugins["timeline"]
    events, plan, exports = plugin.events_file, plugin.plan, dict(plugin._exports.paths)
    (project / "docs" / "index.md").write_text("# Harbor story\n\nOther intro text.\n")
    build_to(project, out, serve=True)
    assert plugin.events_file is events and plugin.plan is plan and plugin._exports.paths == exports
    build_to(project, tmp_path / "fresh")
    assert files_of(out) == files_of(tmp_path / "fresh")
    events_path = project / "events.yaml"
    events_path.write_text(events_path.read_text().replace("title: ", "title: Changed ", 1))
    build_to(project, out, serve=True)
    assert plugin.events_file is not events and plugin.plan is not plan
    assert "Changed" in (out / "timeline.csv").read_text()
    plugin.on_shutdown()
    assert not any(Path(p).exists() for p in exports.values())


def test_exports_written_by_a_child_or_here_are_the_same(tmp_path, monkeypatch) -> None:
    from timeline.site import exports

    project = make_project(tmp_path)
    forked: list[int] = []
    original = exports._fork
    monkeypatch.setattr(exports, "_fork", lambda work: forked.append(1) or original(work))
    build_to(project, tmp_path / "child")
    assert forked, "the exports were not written by a child"
    monkeypatch.setattr(exports, "MAX_FORK_EVENTS", -1)
    monkeypatch.setattr(exports.exportjob, "spawn", lambda job: None)  # nor by a spawned one
    build_to(project, tmp_path / "here")
    # A child that fails: the parent writes the files itself.
    monkeypatch.setattr(exports, "MAX_FORK_EVENTS", 10**9)
    monkeypatch.setattr(exports, "_fork", lambda work: original(lambda: os._exit(3)))
    build_to(project, tmp_path / "failed")
    names = [n for n in files_of(tmp_path / "here") if n.startswith("timeline.")]
    assert len(names) == 3
    for name in names:
        assert (tmp_path / "child" / name).read_bytes() == (tmp_path / "here" / name).read_bytes()
        assert (tmp_path / "failed" / name).read_bytes() == (tmp_path / "here" / name).read_bytes()


def test_serve_rebuild_keeps_the_site_and_removes_what_went_away(tmp_path, monkeypatch) -> None:
    from timeline.site import keepsite

    project = make_project(tmp_path)
    extra = project / "docs" / "extra.md"
    extra.write_text("# Extra\n\nA page that will go.\n")
    out = tmp_path / "served"
    build_to(project, out, serve=True)
    assert (out / "extra" / "index.html").is_file()
    moved: list[str] = []
    original = keepsite.KeptSite.set_aside
    monkeypatch.setattr(keepsite.KeptSite, "set_aside",
                        lambda self, site_dir: (original(self, site_dir), moved.append(str(self.aside))))
    extra.unlink()
    events = project / "events.yaml"
    events.write_text(events.read_text().replace("title: ", "title: Changed ", 1))
    build_to(project, out, serve=True)
    assert moved and moved[0].endswith(".timeline-kept"), "the built site was not kept"
    assert not Path(moved[0]).exists() and not (out / "extra").exists()
    build_to(project, tmp_path / "fresh")
    assert files_of(out) == files_of(tmp_path / "fresh")


def test_exports_written_by_a_spawned_child_give_the_same_site(tmp_path, monkeypatch) -> None:
    """Above MAX_FORK_EVENTS a fresh interpreter is sent the events and writes the exports,
    which MkDocs' copy skips and the plugin copies at the end; a child that fails or cannot
    be started leaves the parent to write them."""
    from timeline.site import exportjob, exports

    project = make_project(tmp_path)
    monkeypatch.setattr(exports, "MAX_FORK_EVENTS", -1)
    spawned: list = []
    original = exportjob.spawn
    monkeypatch.setattr(exportjob, "spawn", lambda job: spawned.append(original(job)) or spawned[-1])
    build_to(project, tmp_path / "spawned")
    assert spawned and spawned[0] is not None and spawned[0].returncode == 0
    monkeypatch.setattr(exportjob, "_CHILD", "import sys; sys.exit(3)")
    build_to(project, tmp_path / "failed")
    monkeypatch.setattr(exportjob, "spawn", lambda job: None)
    build_to(project, tmp_path / "here")
    site = files_of(tmp_path / "here")
    assert len([n for n in site if n.startswith("timeline.")]) == 3
    assert files_of(tmp_path / "spawned") == site
    assert files_of(tmp_path / "failed") == site
