"""The benchmark generator makes input the real code accepts, in the real layout: otherwise
the benchmarks would measure something users never run."""
from __future__ import annotations

import importlib.util
from datetime import date

from click.testing import CliRunner

from tests.conftest import REPO
from timeline.articles import Article, load_articles
from timeline.cli import main
from timeline.events import Event, Source
from timeline.store import render_document


def _generate_module():
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _generate_module()


def test_generated_events_file_passes_check(tmp_path):
    path = generate.generate_events(tmp_path / "events.yaml", 300, seed=3)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output[-2000:]


def test_generated_events_file_has_render_document_layout(tmp_path):
    data = generate.events_data(60, seed=5)
    articles = [Article(id=key, path=a["path"], title=a["title"], text="",
                        published=date.fromisoformat(a["published"]),
                        anchor=date.fromisoformat(a["anchor"]), url=a["url"], outlet=a["outlet"])
                for key, a in data["articles"].items()]
    events = [Event(id=e["id"], date=e["date"], title=e["title"], text=e["text"],
                    sources=[Source(**s) for s in e["sources"]], status=e.get("status"))
              for e in data["events"]]
    assert generate.render_events(data) == render_document(articles, events)


def test_generated_articles_load(tmp_path):
    paths = generate.generate_articles(tmp_path, 60, seed=2)
    assert len(paths) == 60
    articles = load_articles([tmp_path], date(2025, 12, 31))
    assert len(articles) == 60
    assert len({a.outlet for a in articles if a.outlet}) >= 3
    assert any(a.published_inferred for a in articles) or not any(p.suffix == ".txt" for p in paths)
