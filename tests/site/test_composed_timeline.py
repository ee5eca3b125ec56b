"""Pages of events rendered from timeline.html with event.html written in (no include per
event) equal the usual rendering, byte for byte, whatever the options; an overridden template
or a difference falls back to the usual rendering."""
from __future__ import annotations

import jinja2
import pytest

from tests.site.helpers import build_to, files_of, make_project
from timeline.site import render
from timeline.site.render import ComposedTimeline


def _spy(monkeypatch) -> list:
    made: list = []
    original = ComposedTimeline.make.__func__

    def make(cls, env, render_usual):
        made.append(original(cls, env, render_usual))
        return made[-1]
    monkeypatch.setattr(ComposedTimeline, "make", classmethod(make))
    return made


@pytest.mark.parametrize("options", [{}, {"order": "descending", "group_by": "year"},
                                     {"split": "none"}, {"split": "year", "page_size": 2}])
def test_composed_pages_of_events_equal_the_usual(tmp_path, monkeypatch, options) -> None:
    project = make_project(tmp_path, options)
    with monkeypatch.context() as m:
        m.setattr(ComposedTimeline, "make", classmethod(lambda cls, env, render_usual: None))
        build_to(project, tmp_path / "usual")
    made = _spy(monkeypatch)
    build_to(project, tmp_path / "composed")
    assert made and made[-1] is not None and made[-1].checked and made[-1].template is not None
    assert files_of(tmp_path / "usual") == files_of(tmp_path / "composed")


def test_an_overridden_event_template_is_not_composed(tmp_path, monkeypatch) -> None:
    project = make_project(tmp_path, config={"theme": {"name": "material", "font": False,
                                                       "custom_dir": "overrides"}})
    event = (render.PACKAGE_TEMPLATES / "timeline" / "event.html").read_text()
    (project / "overrides" / "timeline").mkdir(parents=True)
    (project / "overrides" / "timeline" / "event.html").write_text(event.replace("tl-event__title", "mine"))
    made = _spy(monkeypatch)
    build_to(project, tmp_path / "out")
    assert made and made[-1] is None
    assert 'class="mine"' in (tmp_path / "out" / "index.html").read_text() or any(
        'class="mine"' in p.read_text() for p in (tmp_path / "out").rglob("*.html"))


def test_a_composed_page_that_differs_is_rendered_the_usual_way(tmp_path, monkeypatch) -> None:
    project = make_project(tmp_path, {"split": "year", "page_size": 2})
    build_to(project, tmp_path / "usual")
    original = ComposedTimeline.__init__

    def broken(self, template, render_usual):
        original(self, jinja2.Environment().from_string("wrong"), render_usual)
    monkeypatch.setattr(ComposedTimeline, "__init__", broken)
    made = _spy(monkeypatch)
    build_to(project, tmp_path / "fallback")
    assert made and made[-1].template is None
    assert files_of(tmp_path / "usual") == files_of(tmp_path / "fallback")
