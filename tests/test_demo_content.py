"""The bundled demo: the README's first command finds the events that are committed."""
import shutil

from click.testing import CliRunner

from tests.conftest import REPO
from timeline.cli.extract import extract


def test_the_demo_extract_keeps_the_committed_events(tmp_path, monkeypatch):
    """A resolver change that moves a demo date shows here, not in a person's first run."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns("cache"))
    before = (content / "events.yaml").read_bytes()
    monkeypatch.chdir(tmp_path)  # as the README runs it: `timeline extract` in the project
    result = CliRunner().invoke(extract, [])
    assert result.exit_code == 0, result.output
    assert "events: 0 new, 0 updated" in result.output and ", 0 removed" in result.output, result.output
    assert (content / "events.yaml").read_bytes() == before
