"""A small fixture site: mkdocs.yml with the plugin's options, the events file and articles."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

DATA = Path(__file__).parent / "data"
HOSTILE_MARKERS = ("<script>window.__pwned", '<img src=x onerror="window.__pwned')


def make_project(tmp_path: Path, options: dict | None = None, *, config: dict | None = None,
                 index: str | None = "# Harbor story\n\nIntro text.\n") -> Path:
    """``tmp_path/project`` with docs/, events.yaml, articles/ and a mkdocs.yml."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    shutil.copy(DATA / "events.yaml", project / "events.yaml")
    shutil.copytree(DATA / "articles", project / "articles")
    if index is not None:
        (project / "docs" / "index.md").write_text(index)
    plugin = {"events": "events.yaml", "articles": "articles", **(options or {})}
    doc = {"site_name": "Harbor test", "site_url": "https://example.test/harbor/",
           "theme": {"name": "material", "font": False},
           "plugins": ["search", {"timeline": plugin}], **(config or {})}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(doc, sort_keys=False))
    return project


def build(project: Path) -> Path:
    """Build in this process (fast); returns the output folder."""
    out = project / "out"
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(out)))
    return out


def build_to(project: Path, out: Path, *, serve: bool = False) -> None:
    """Build into ``out`` in this process, started as ``mkdocs build`` (or ``serve``) starts it:
    MkDocs keeps one instance of the plugin per process, serve or build."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve" if serve else "build", dirty=False)
    mkdocs_build(config)


def files_of(out: Path) -> dict[str, bytes]:
    """Every file of a built site by its relative path, to compare two builds byte for byte."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def build_cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    """``mkdocs build`` as a user runs it, for what it prints."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(project / "out"), *args],
                          cwd=project, capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})


def read(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


def fixture_events(path: Path = DATA / "events.yaml"):
    """The fixture as an ``EventsFile`` with every field, whatever the store's reader keeps yet."""
    from timeline.events import Event, Source
    from timeline.store import EventsFile

    data = yaml.safe_load(path.read_text())
    events = []
    for e in data["events"]:
        sources = [Source(article=s["article"], quote=s.get("quote", ""), expression=s.get("expression", ""),
                          anchor=s.get("anchor", ""), value=s.get("value")) for s in e.get("sources", [])]
        events.append(Event(id=e["id"], date=str(e["date"]), title=e["title"], text=e.get("text", ""),
                            sources=sources, end=e.get("end"), status=e.get("status"),
                            tags=list(e.get("tags", [])), confidence=e.get("confidence"),
                            conflict=list(e.get("conflict", []))))
    articles = {k: {kk: str(vv) for kk, vv in v.items()} for k, v in data["articles"].items()}
    return EventsFile(str(path), articles, sorted(events, key=Event.sort_key))


def options(**overrides):
    """A validated ``TimelineConfig`` as mkdocs.yml would give it."""
    from timeline.site.config import TimelineConfig

    config = TimelineConfig()
    config.load_dict(overrides)
    errors, warnings = config.validate()
    assert not errors, errors
    return config


def demo_project(tmp_path: Path) -> Path:
    """The demo (mkdocs.yml, content/, site_templates/) in ``tmp_path/demo``.

    Its events file is what ``timeline extract`` writes; when the working tree has none
    yet, it is extracted here with a fixed 'today' so the result does not drift.
    """
    from tests.conftest import REPO

    project = tmp_path / "demo"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(REPO / "site_templates", project / "site_templates")
    if not (project / "content" / "events.yaml").exists():
        result = subprocess.run([sys.executable, "-m", "timeline", "extract", "--today", "2024-12-01"],
                                cwd=project, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    return project
