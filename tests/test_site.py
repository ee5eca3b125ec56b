"""The demo site builds, lists events in date order, and `mkdocs serve` picks up edits."""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO
from timeline.periods import parse_period

DATETIME = re.compile(r'<time datetime="([^"]+)"')


def copy_demo(tmp_path: Path) -> Path:
    """The demo project (config, content, templates) in a temporary folder."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(REPO / "site_templates", project / "site_templates")
    return project


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "out")],
                          cwd=project, capture_output=True, text=True, timeout=120)


def test_demo_site_lists_events_in_date_order(tmp_path):
    project = copy_demo(tmp_path)
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "out" / "index.html").read_text()
    values = DATETIME.findall(page)
    events = yaml.safe_load((project / "content" / "events.yaml").read_text())["events"]
    assert len(values) == len(events) > 5
    starts = [parse_period(v).start for v in values]
    assert starts == sorted(starts)
    for event in events:
        assert f'id="{event["id"]}"' in page
    # Each source page exists and links back.
    for article_id in yaml.safe_load((project / "content" / "events.yaml").read_text())["articles"]:
        assert (project / "out" / "sources" / article_id / "index.html").exists()


def test_hostile_titles_are_escaped(tmp_path):
    project = copy_demo(tmp_path)
    events_path = project / "content" / "events.yaml"
    data = yaml.safe_load(events_path.read_text())
    data["events"][0]["title"] = '<script>window.pwned=1</script><img src=x onerror=alert(1)>'
    data["events"][0]["sources"][0]["quote"] = '<b onmouseover="x()">quote</b>'
    first_article = next(iter(data["articles"]))
    data["articles"][first_article]["title"] = "<script>alert('t')</script>"
    events_path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert build(project).returncode == 0
    out = project / "out"
    html = (out / "index.html").read_text()
    assert "<script>window.pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert '<b onmouseover' not in html
    source = (out / "sources" / first_article / "index.html").read_text()
    assert "<script>alert('t')</script>" not in source


def test_broken_events_file_is_a_clear_error(tmp_path):
    project = copy_demo(tmp_path)
    (project / "content" / "events.yaml").write_text("events:\n  - id: a\n    date: [oops\n")
    result = build(project)
    assert result.returncode != 0
    assert "events.yaml:" in result.stderr and "Traceback" not in result.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str, deadline: float) -> str | None:
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8")
        except OSError:
            time.sleep(0.3)
    return None


def test_serve_rebuilds_after_an_edit(tmp_path):
    project = copy_demo(tmp_path)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        page = _fetch(url, time.time() + 60)
        assert page is not None, "mkdocs serve did not answer"
        events_path = project / "content" / "events.yaml"
        data = yaml.safe_load(events_path.read_text())
        data["events"][0]["title"] = "A title edited while serving"
        events_path.write_text(yaml.safe_dump(data, sort_keys=False))
        deadline = time.time() + 60
        while time.time() < deadline:
            page = _fetch(url, deadline) or ""
            if "A title edited while serving" in page:
                break
            time.sleep(0.5)
        assert "A title edited while serving" in page
    finally:
        server.terminate()
        server.wait(timeout=20)
