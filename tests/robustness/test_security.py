"""Security: payloads in articles and YAML come out escaped in every built page, and paths
written in the events file never read or write outside the project."""
from __future__ import annotations

import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tests.conftest import REPO
from timeline.cli import main

MARK = "31337"
PAYLOADS = (f"<script>alert({MARK})</script>", f'<img src=x onerror="alert({MARK})">',
            f"<svg onload=alert({MARK})>", f'"><iframe src="javascript:alert({MARK})">',
            f"' onmouseover='alert({MARK})", f"</title><script>alert({MARK})</script>")
DANGEROUS_TAGS = {"script", "iframe", "svg", "img", "object", "embed", "style", "link", "meta"}

ARTICLE = """---
title: "Bridge {quoted} closes"
published: 2024-03-12
outlet: "Ledger {quoted}"
url: "javascript:alert({mark})"
---
The council voted on Monday to close the bridge {payload} for repairs.

Repairs will begin in July, {payload} the mayor said.
"""


class PayloadFinder(HTMLParser):
    """Collects every place where a payload became markup instead of text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and MARK in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and \
                    value.strip().lower().startswith(("javascript:", "data:text/html", "vbscript:")):
                self.found.append(f"<{tag} {name}={value!r}>")
            if tag in DANGEROUS_TAGS and MARK in value:
                self.found.append(f"<{tag} {name}={value!r}>")
        self._in = tag if tag in DANGEROUS_TAGS else None

    def handle_data(self, data: str) -> None:
        if self._in in ("script", "style") and MARK in data:
            self.found.append(f"<{self._in}>{data[:80]}")


def unescaped_payloads(site: Path) -> dict[str, list[str]]:
    """``{file: [what was found]}`` over every built HTML file."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        finder = PayloadFinder()
        finder.feed(page.read_text(encoding="utf-8", errors="replace"))
        if finder.found:
            found[str(page.relative_to(site))] = finder.found
    return found


def make_project(root: Path) -> Path:
    """The demo's mkdocs.yml and Material overrides, with our own content."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "site_templates", root / "site_templates")
    content = root / "content"
    (content / "articles").mkdir(parents=True)
    (content / "index.md").write_text("# Timeline\n")
    return root


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "out")],
                          cwd=project, capture_output=True, text=True, timeout=120)


def test_finder_sees_real_markup():
    finder = PayloadFinder()
    finder.feed(f'<p>{PAYLOADS[0]}</p><a href="javascript:x()">a</a><img src=x onerror="alert({MARK})">')
    assert len(finder.found) >= 3
    finder = PayloadFinder()
    finder.feed("<p>&lt;script&gt;alert(31337)&lt;/script&gt;</p>")
    assert finder.found == []


def test_payloads_in_articles_and_yaml_are_escaped_everywhere(tmp_path):
    project = make_project(tmp_path / "project")
    articles = project / "content" / "articles"
    for index, payload in enumerate(PAYLOADS):
        quoted = payload.replace("\\", "\\\\").replace('"', '\\"')
        (articles / f"story-{index}.md").write_text(
            ARTICLE.format(payload=payload, quoted=quoted, mark=MARK))
    events = project / "content" / "events.yaml"
    result = CliRunner().invoke(main, ["extract", str(articles), "-o", str(events),
                                       "--today", "2024-12-31"])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(events.read_text())
    assert data["events"], "extract found no events in the hostile articles"
    # Hand edits with payloads in every free-text field the file allows.
    for index, event in enumerate(data["events"]):
        payload = PAYLOADS[index % len(PAYLOADS)]
        event["title"] = f"{event['title']} {payload}"
        event["text"] = f"{payload} {event.get('text', '')}"
        for source in event.get("sources", []):
            source["expression"] = f"{source.get('expression', '')} {payload}"
    for entry in data["articles"].values():
        entry["anchor_reason"] = PAYLOADS[1]
        entry["published_inferred"] = PAYLOADS[2]
    events.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    site = project / "out"
    assert len(list(site.rglob("*.html"))) >= 2
    assert unescaped_payloads(site) == {}
    index_html = (site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(31337)" in index_html  # shown as text, not dropped silently


@pytest.mark.parametrize("article_id,path", [
    ("../../../escaped", "content/articles/a.md"),
    ("a", "../../secret.txt"),
    ("b", "/etc/passwd"),
], ids=["id climbs out", "path climbs out", "absolute path"])
def test_paths_in_yaml_never_leave_the_project(tmp_path, article_id, path):
    project = make_project(tmp_path / "project")
    (tmp_path / "secret.txt").write_text("TOPSECRET-31337")
    (project / "content" / "events.yaml").write_text(yaml.safe_dump({
        "articles": {article_id: {"title": "T", "path": path, "published": "2024-03-12"}},
        "events": [{"id": "e1", "date": "2024-03-11", "title": "Closed",
                    "sources": [{"article": article_id, "quote": "Closed on Monday."}]}]}))
    before = {p for p in tmp_path.rglob("*")}
    result = build(project)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    if result.returncode != 0:
        assert "events.yaml" in result.stderr, result.stderr[-2000:]
    site = project / "out"
    created = {p for p in tmp_path.rglob("*")} - before
    outside = [p for p in created if not p.is_relative_to(site) and not p.is_relative_to(project)]
    assert outside == [], outside
    escaped = [p for p in created if "escaped" in p.name and not p.is_relative_to(site)]
    assert escaped == [], escaped
    for page in site.rglob("*") if site.exists() else []:
        if page.is_file():
            assert "TOPSECRET" not in page.read_text(errors="replace"), page
