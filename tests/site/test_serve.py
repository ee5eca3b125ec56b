"""`mkdocs serve`: an edit to the events file rebuilds; a broken save is one clear message,
the server keeps running, and the next good save recovers."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

from tests.site.helpers import make_project


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(predicate, timeout: float = 45.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_edit_break_and_recover(tmp_path: Path):
    project = make_project(tmp_path)
    events = project / "events.yaml"
    article = project / "articles" / "harbor-ledger.md"
    port = _free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project, stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/harbor/"  # serve mounts the site at site_url's path
    try:
        _wait_for(lambda: "Harbor crane collapses" in (_get(url) or ""), 60, "the first build")

        # 1. An edit to the events file shows up.
        data = yaml.safe_load(events.read_text())
        data["events"][3]["title"] = "A title edited while serving"
        events.write_text(yaml.safe_dump(data, sort_keys=False))
        _wait_for(lambda: "A title edited while serving" in (_get(url) or ""), what="the edit")

        # 2. A broken save: one message with file and line; the server keeps answering with
        #    the last good timeline and the message above it.
        events.write_text(events.read_text() + "  - id: broken\n    date: [oops\n")
        _wait_for(lambda: "events.yaml:" in log_path.read_text(), what="the error message")
        _wait_for(lambda: "tl-error" in (_get(url) or ""), what="the error banner")
        page = _get(url) or ""
        assert "A title edited while serving" in page and "events.yaml:141" in page
        message = log_path.read_text()
        assert "Traceback" not in message
        error_lines = [ln for ln in message.splitlines() if "events.yaml:" in ln]
        assert len(error_lines) == 1 and "ERROR" in error_lines[0], error_lines
        assert server.poll() is None

        # 3. The next good save recovers.
        data["events"][3]["title"] = "Fixed and rebuilt"
        events.write_text(yaml.safe_dump(data, sort_keys=False))
        _wait_for(lambda: "Fixed and rebuilt" in (_get(url) or ""), what="the recovery")

        # 4. Articles are watched too: the provenance page shows the edited text.
        article.write_text(article.read_text().replace("the port authority said", "officials said"))
        _wait_for(lambda: "officials said" in (_get(url + "sources/harbor-ledger/") or ""),
                  what="the article edit")
    finally:
        _stop(server)


def test_serve_starts_with_a_broken_file_and_recovers(tmp_path: Path):
    project = make_project(tmp_path)
    events = project / "events.yaml"
    good = events.read_text()
    events.write_text("events:\n  - id: a\n    date: [oops\n")
    port = _free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project, stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/harbor/"
    try:
        _wait_for(lambda: "tl-error" in (_get(url) or ""), 60, "the error banner")
        assert "events.yaml:4:1: not valid YAML" in log_path.read_text() and "Traceback" not in log_path.read_text()
        events.write_text(good)
        _wait_for(lambda: "Harbor crane collapses" in (_get(url) or ""), what="the recovery")
        assert "tl-error" not in (_get(url) or "")
    finally:
        _stop(server)


def _stop(server: subprocess.Popen) -> None:
    """Ctrl-C, as a person stops serve (it then cleans up), and SIGTERM if that does not do."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.terminate()
        server.wait(timeout=20)
