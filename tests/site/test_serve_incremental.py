"""`mkdocs serve` after an edit reuses what did not change, and gives what a fresh read or
build gives: the events file read block by block, unchanged pages not written again, the
tags and sources index pages replayed."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

from tests.site.helpers import DATA, build_to, files_of, make_project
from timeline.errors import StoreError
from timeline.store import read_events_file
from timeline.store.reader import BlockReader

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import generate  # noqa: E402  (bench/generate.py: the bench's events files)


def _same(a, b) -> None:
    assert a.path == b.path and a.articles == b.articles and a.events == b.events


def _edits(text: str):
    """Edits a person makes while serving, each on the previous text."""
    lines = text.splitlines(keepends=True)
    titles = [i for i, line in enumerate(lines) if line.lstrip().startswith("title:")]
    one = list(lines)
    one[titles[-1]] = one[titles[-1]].rstrip("\n") + " edited\n"
    yield "a title", "".join(one)
    yield "a date", "".join(one).replace("date: '2019'", "date: '2018'", 1)
    dropped = "".join(one).split("\n  - id: ")
    yield "an event removed", "\n  - id: ".join(dropped[:2] + dropped[3:])
    yield "an event added", "".join(one) + (
        "  - id: added-later\n    date: '2024-02'\n    title: Added while serving\n"
        "    text: A new event.\n")
    yield "an article changed", "".join(one).replace("Harbor crane collapses at Pier 4", "Crane down", 1)
    yield "a comment", "# a note\n" + "".join(one)
    yield "flow style", "".join(one).replace("tags: [Port authority]", "tags: [Port authority, Pier 4]")
    yield "an anchor", "".join(one).replace("outlet: Coastal Courier", "outlet: &o Coastal Courier", 1)


def test_block_reader_equals_the_whole_file_reader_edit_after_edit(tmp_path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text((DATA / "events.yaml").read_text())
    reader = BlockReader()
    _same(reader.read(path), read_events_file(path))
    for what, text in _edits((DATA / "events.yaml").read_text()):
        path.write_text(text)
        _same(reader.read(path), read_events_file(path))  # what: see _edits


def test_block_reader_on_a_bench_file_parses_only_the_changed_block(tmp_path, monkeypatch) -> None:
    from timeline.store import reader as reader_module

    path = generate.generate_events(tmp_path / "events.yaml", 300)
    reader = BlockReader()
    first = reader.read(path)
    text = path.read_text()
    start = text.index("  title: ", len(text) // 2)
    path.write_text(text[:start] + "  title: Edited <b>&amp;</b>" + text[text.index("\n", start):])
    parsed: list[str] = []
    original = reader_module.read_blocks
    monkeypatch.setattr(reader_module, "read_blocks",
                        lambda layout, cache, p: parsed.append(sum(
                            1 for n, s in layout.sections.items() for b in s.blocks
                            if reader_module.block_key(n, b) not in cache)) or original(layout, cache, p))
    again = reader.read(path)
    assert parsed == [1]
    _same(again, read_events_file(path))
    assert len({id(e) for e in first.events} & {id(e) for e in again.events}) == len(first.events) - 1
    text = path.read_text()
    start = text.index("  title: ", len(text) // 3)
    path.write_text(text[:start] + "  title: Edited again" + text[text.index("\n", start):])
    third = reader.read(path)
    assert parsed == [1, 1]
    _same(third, read_events_file(path))
    # the Event objects of unchanged blocks are the same ones
    assert len({id(e) for e in again.events} & {id(e) for e in third.events}) == len(first.events) - 1


def test_block_reader_reports_a_broken_save_like_the_whole_file_reader_and_recovers(tmp_path) -> None:
    path = tmp_path / "events.yaml"
    good = (DATA / "events.yaml").read_text()
    path.write_text(good)
    reader = BlockReader()
    reader.read(path)
    for broken in (good + "  - id: broken\n    date: [oops\n",
                   good.replace("date: '2019'", "date: 'sometime'", 1),
                   good + "  - id: maintenance-lapsed\n    date: '2020'\n    title: Again\n    text: x\n",
                   good.replace("article: courier-review", "article: no-such-article", 1)):
        path.write_text(broken)
        with pytest.raises(StoreError) as expected:
            read_events_file(path)
        with pytest.raises(StoreError) as got:
            reader.read(path)
        assert str(got.value) == str(expected.value)
    path.write_text(good.replace("title: Maintenance", "title: Fixed maintenance", 1))
    _same(reader.read(path), read_events_file(path))


@pytest.mark.parametrize("edit", ["title", "tag", "article"])
def test_serve_rebuild_after_an_edit_equals_a_fresh_build(tmp_path, edit) -> None:
    project = make_project(tmp_path)
    out = tmp_path / "served"
    build_to(project, out, serve=True)
    plugin = load_config(str(project / "mkdocs.yml")).plugins["timeline"]
    events = project / "events.yaml"
    text = events.read_text()
    if edit == "title":
        text = text.replace("title: Maintenance at the port lapsed", "title: Maintenance <i>lapsed</i>", 1)
    elif edit == "tag":
        text = text.replace("tags: [Port authority]", "tags: [Port authority, Dock workers]", 1)
    else:
        text = text.replace("title: Port review blames maintenance", "title: Port review <b>blames</b>", 1)
    events.write_text(text)
    build_to(project, out, serve=True)
    assert plugin._replayed, "nothing was replayed"
    assert plugin._writes.skipped, "every page was written again"
    assert plugin._bypassed, "no unchanged page skipped MkDocs' steps"
    # an event edit: the exports are joined from parts; an article's: exported in full again
    assert (plugin._exports._parts is not None) == (edit != "article")
    assert set(plugin._bypassed) <= set(plugin._replayed)
    if edit == "title":  # the tags and sources lists do not show event titles: replayed
        assert {"tags/index.md", "sources/index.md"} <= set(plugin._replayed)
    else:  # a new tag, a source's new title: that list is rendered again
        assert ("tags/index.md" if edit == "tag" else "sources/index.md") not in plugin._replayed
    build_to(project, tmp_path / "fresh")
    assert files_of(out) == files_of(tmp_path / "fresh")
    html = "".join(p.read_text() for p in out.rglob("*.html"))
    assert "<i>lapsed</i>" not in html and "<b>blames</b>" not in html  # shown as text


def test_serve_writes_a_page_again_when_its_file_was_changed_behind_its_back(tmp_path) -> None:
    project = make_project(tmp_path)
    out = tmp_path / "served"
    build_to(project, out, serve=True)
    page = next(out.glob("sources/*/index.html"))
    page.write_text("something else")
    events = project / "events.yaml"
    events.write_text(events.read_text().replace("title: Maintenance", "title: Changed maintenance", 1))
    build_to(project, out, serve=True)
    build_to(project, tmp_path / "fresh")
    assert files_of(out) == files_of(tmp_path / "fresh")


def test_no_bypass_when_another_plugin_looks_at_pages(tmp_path) -> None:
    """A hook with a per-page event must see every page: pages are replayed, not bypassed."""
    project = make_project(tmp_path, config={"hooks": ["hook.py"]})
    (project / "hook.py").write_text(
        "seen = []\n"
        "def on_page_content(html, page, config, files):\n"
        "    seen.append(page.file.src_uri)\n"
        "    return html.replace('</h1>', '</h1><!-- hooked -->', 1)\n")
    out = tmp_path / "served"
    build_to(project, out, serve=True)
    plugin = load_config(str(project / "mkdocs.yml")).plugins["timeline"]
    events = project / "events.yaml"
    events.write_text(events.read_text().replace("title: Maintenance", "title: Changed maintenance", 1))
    build_to(project, out, serve=True)
    assert not plugin._bypassed
    build_to(project, tmp_path / "fresh")
    assert files_of(out) == files_of(tmp_path / "fresh")
    assert "<!-- hooked -->" in (out / "tags" / "pier-4" / "index.html").read_text()


def test_exports_from_parts_edit_after_edit_equal_a_fresh_export(tmp_path) -> None:
    """Parts kept by the parent are reused at the next edit; an event that moves to another
    year page gets its new permalink."""
    project = make_project(tmp_path, {"split": "year"})
    out = tmp_path / "served"
    build_to(project, out, serve=True)
    plugin = load_config(str(project / "mkdocs.yml")).plugins["timeline"]
    events = project / "events.yaml"
    edits = [("title: Maintenance", "title: Edited maintenance"),
             ("date: '2019'", "date: '2021-05'"),
             ("title: Edited maintenance", "title: Edited twice")]
    served = []
    for old, new in edits:
        assert old in events.read_text()
        events.write_text(events.read_text().replace(old, new, 1))
        build_to(project, out, serve=True)
        assert plugin._exports._parts is not None
        served.append((events.read_text(), {n: (out / n).read_bytes() for n in NAMES}))
    assert "years/2021/#maintenance-lapsed" in (out / "timeline.csv").read_text()
    # Fresh builds after serving: the plugin instance is shared, and a build drops its exports.
    for n, (text, exports) in enumerate(served):
        events.write_text(text)
        build_to(project, tmp_path / f"fresh-{n}")
        assert exports == {name: (tmp_path / f"fresh-{n}" / name).read_bytes() for name in NAMES}, n


NAMES = ("timeline.json", "timeline.ics", "timeline.csv")


def test_fast_confinement_of_article_paths_agrees_with_confine_path(tmp_path) -> None:
    import os

    from timeline.safety import confine_path
    from timeline.site.provenance import _confined

    root = tmp_path / "project"
    (root / "a").mkdir(parents=True)
    (root / "a" / "x.md").write_text("x")
    os.symlink("/etc", root / "out")
    os.symlink(root / "a", root / "ln")
    os.symlink("/etc/passwd", root / "a" / "leak.md")
    os.symlink(root / "a" / "x.md", root / "a" / "alias.md")
    base = str(root.resolve())
    heads: dict[str, str] = {}  # folders resolved once, shared by every path (as in a build)
    for text in ["a/x.md", "./a//x.md", "a/../a/x.md", "../x", "/etc/passwd", str(root / "a" / "x.md"),
                 "out/passwd", "ln/x.md", ".", "a/", "~/x", "nope/../../x", "a/./b/..", "", "a\x00b",
                 str(tmp_path / "project-other" / "x"), "a/leak.md", "ln/leak.md", "a/alias.md",
                 "ln/alias.md", "a/missing.md", "a/..", "out/../a/x.md"] * 2:
        try:
            expected = confine_path(text, root)
        except Exception:
            expected = None
        assert _confined(text, base) == expected, text
        assert _confined(text, base, heads) == expected, text


def test_split_reader_equals_the_whole_file_reader(tmp_path, monkeypatch) -> None:
    """Half the events parsed by a child: the same EventsFile, the same errors."""
    from timeline.store import reader as reader_module

    monkeypatch.setattr(reader_module, "SPLIT_MIN_EVENTS", 2)
    forks: list[int] = []
    real_fork = reader_module.os.fork
    monkeypatch.setattr(reader_module.os, "fork", lambda: forks.append(1) or real_fork())
    path = tmp_path / "events.yaml"
    good = (DATA / "events.yaml").read_text()
    for what, text in [("as is", good), *_edits(good)]:
        path.write_text(text)
        _same(reader_module.read_events_file_split(path), read_events_file(path))
    assert forks, "no child parsed anything"
    tail = good.rsplit("\n  - id: ", 1)
    for broken in (good + "  - id: broken\n    date: [oops\n",
                   tail[0] + "\n  - id: " + tail[1].replace("date:", "date: 'sometime'\n    x:", 1),
                   good + "  - id: maintenance-lapsed\n    date: '2020'\n    title: Again\n    text: x\n",
                   good.replace("date: '2019'", "date: &d '2019'", 1) + "  - id: aliased\n    date: *d\n"
                   "    title: Alias\n    text: x\n"):
        path.write_text(broken)
        try:
            expected = read_events_file(path)
        except StoreError as exc:
            with pytest.raises(StoreError) as got:
                reader_module.read_events_file_split(path)
            assert str(got.value) == str(exc)
        else:
            _same(reader_module.read_events_file_split(path), expected)
    path.write_text(generate.render_events(generate.events_data(300)))
    _same(reader_module.read_events_file_split(path), read_events_file(path))


def test_exports_written_in_chunks_equal_the_whole_export(tmp_path, monkeypatch) -> None:
    from timeline.export import ExportOptions, export
    from timeline.site import exports as exports_module

    path = tmp_path / "events.yaml"
    path.write_text(generate.render_events(generate.events_data(250)))
    events_file = read_events_file(path)
    options = ExportOptions(title="T <&>", description="d", permalink=lambda i: f"https://x.test/e/#{i}")
    monkeypatch.setattr(exports_module, "CHUNK_EVENTS", 7)
    files = exports_module.ExportFiles()
    chunked: list[str] = []
    original = exports_module.ExportFiles._write_chunked
    monkeypatch.setattr(exports_module.ExportFiles, "_write_chunked",
                        lambda self, uri, *a: chunked.append(uri) or original(self, uri, *a))
    paths = files.write(events_file, {"json": "timeline.json", "ics": "timeline.ics", "csv": "timeline.csv"},
                        options, ("k",))
    assert len(chunked) == 3
    for fmt, uri in (("json", "timeline.json"), ("ics", "timeline.ics"), ("csv", "timeline.csv")):
        assert Path(paths[uri]).read_bytes() == export(events_file, fmt, options), fmt
    files.remove()


def test_serve_collects_garbage_when_idle_and_lets_go_at_shutdown(tmp_path) -> None:
    import gc
    import time

    project = make_project(tmp_path)
    out = tmp_path / "served"
    build_to(project, out, serve=True)
    plugin = load_config(str(project / "mkdocs.yml")).plugins["timeline"]
    plugin._idle_gc.delay = 0.05
    events = project / "events.yaml"
    events.write_text(events.read_text().replace("title: Maintenance", "title: Changed maintenance", 1))
    build_to(project, out, serve=True)
    deadline = time.monotonic() + 10
    while gc.get_freeze_count() == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert gc.get_freeze_count() > 0, "no idle collection"
    build_to(project, out, serve=True)  # a build while set aside: nothing breaks
    plugin.on_shutdown()
    assert gc.get_freeze_count() == 0
    build_to(project, tmp_path / "fresh")
    assert files_of(out) == files_of(tmp_path / "fresh")


def test_events_cache_over_a_folder_of_files_equals_a_fresh_load(tmp_path) -> None:
    from timeline.site.loading import EventsCache, load_events

    folder = tmp_path / "events"
    folder.mkdir()
    good = (DATA / "events.yaml").read_text()
    head, rest = good.split("events:\n", 1)
    items = rest.split("\n  - id: ")
    (folder / "a.yaml").write_text(head + "events:\n" + "\n  - id: ".join(items[:4]) + "\n")
    (folder / "b.yaml").write_text(head + "events:\n  - id: " + "\n  - id: ".join(items[4:]))
    cache = EventsCache()
    _same(cache.load(folder), load_events(folder))
    b = folder / "b.yaml"
    b.write_text(b.read_text().replace("title: ", "title: Edited ", 1))
    _same(cache.load(folder), load_events(folder))
    (folder / "a.yaml").write_text((folder / "a.yaml").read_text() + "  - id: late\n    date: '2025'\n"
                                   "    title: Late\n    text: x\n")
    _same(cache.load(folder), load_events(folder))


def test_serve_rebuild_with_another_plugins_page_hook_equals_a_fresh_build(tmp_path) -> None:
    """A hook that edits page HTML after ours: a serve rebuild after an edit shows its change
    once on every generated page, exactly as a fresh build does."""
    hook = tmp_path / "project_hook.py"
    hook.write_text("def on_page_content(html, page, config, files):\n"
                    "    return html + '<p class=\"hook-mark\">added by a hook</p>'\n")
    project = make_project(tmp_path, config={"hooks": [str(hook)]})
    out = tmp_path / "served"
    build_to(project, out, serve=True)
    events = project / "events.yaml"
    events.write_text(events.read_text().replace("title: Maintenance at the port lapsed",
                                                 "title: Maintenance lapsed", 1))
    build_to(project, out, serve=True)
    build_to(project, tmp_path / "fresh")
    assert files_of(out) == files_of(tmp_path / "fresh")
    sources = [p for p in out.rglob("index.html")
               if "/sources/" in p.as_posix() and p.parent.name != "sources"]
    assert sources
    for page in sources:
        assert page.read_text(encoding="utf-8").count('class="hook-mark"') == 1, page
