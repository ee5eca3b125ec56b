"""`mkdocs gh-deploy` publishes the demo timeline to the gh-pages branch of origin."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.site.helpers import demo_project

GIT_ENV = {"GIT_AUTHOR_NAME": "Timeline Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Timeline Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "NO_MKDOCS_2_WARNING": "1"}


def _git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60,
                            env={**os.environ, **GIT_ENV})
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_gh_deploy_to_a_local_bare_remote(tmp_path: Path):
    project = demo_project(tmp_path)
    remote = tmp_path / "remote.git"
    _git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    _git("init", "-q", "-b", "main", cwd=project)
    _git("add", ".", cwd=project)
    _git("commit", "-q", "-m", "demo", cwd=project)
    _git("remote", "add", "origin", str(remote), cwd=project)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "gh-deploy", "--message", "Publish timeline"],
                            cwd=project, capture_output=True, text=True, timeout=180,
                            env={**os.environ, **GIT_ENV})
    assert result.returncode == 0, result.stderr
    files = _git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    for name in ("index.html", ".nojekyll", "timeline.json", "timeline.ics", "timeline.csv",
                 "search/search_index.json", "assets/timeline/timeline.css"):
        assert name in files
    assert any(f.startswith("sources/") and f.endswith("/index.html") for f in files)
    index = _git("show", "gh-pages:index.html", cwd=remote)
    assert "tl-timeline" in index and "Alder Street Bridge" in index
    assert _git("log", "-1", "--format=%s", "gh-pages", cwd=remote).startswith("Publish timeline")


def test_pages_workflow_builds_and_deploys():
    import yaml

    from tests.conftest import REPO

    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    uses = [step.get("uses", "") for step in steps + workflow["jobs"]["deploy"]["steps"]]
    assert "pip install -e ." in runs and "mkdocs build" in runs and "extract" not in runs
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    assert workflow["permissions"]["pages"] == "write"
