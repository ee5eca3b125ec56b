"""`timeline check` reports each problem as FILE:LINE:COL: message, and never a traceback."""
from click.testing import CliRunner

from timeline.cli import main

GOOD = """\
articles:
  a1:
    title: First
    published: 2023-10-02
events:
  - id: e1
    date: '2023-09-13'
    title: Talks begin
    sources:
      - article: a1
        quote: They met on September 13.
"""

BAD = """\
articles:
  a1:
    published: 2023-10-02
events:
  - id: e1
    date: '2023-02-30'
    title: Impossible
  - id: e1
    date: '2023'
    titel: Typo
  - id: e3
    date: '2023-11'
    title: Missing article
    sources:
      - article: nope
"""


def run_check(tmp_path, text):
    path = tmp_path / "events.yaml"
    path.write_text(text)
    return CliRunner().invoke(main, ["check", str(path)]), str(path)


def test_good_file_passes(tmp_path):
    result, _ = run_check(tmp_path, GOOD)
    assert result.exit_code == 0, result.output
    assert "OK" in result.output


def test_each_problem_has_its_line(tmp_path):
    result, path = run_check(tmp_path, BAD)
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert f"{path}:6:5: date '2023-02-30' is not a real calendar date" in lines[0]
    assert any(l.startswith(f"{path}:8:5: duplicate id 'e1'") for l in lines)
    assert any(l.startswith(f"{path}:10:5: unknown key 'titel'; did you mean 'title'?") for l in lines)
    assert any(l.startswith(f"{path}:8:5: missing required key 'title'") or
               l.startswith(f"{path}:8:") and "missing required key 'title'" in l for l in lines)
    assert any(l.startswith(f"{path}:15:") and "'nope'" in l for l in lines)


def test_syntax_error_is_one_line(tmp_path):
    result, path = run_check(tmp_path, "events:\n  - id: e1\n    date: [2023\n")
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}:")
    assert "Traceback" not in result.output


def test_missing_file(tmp_path):
    result = CliRunner().invoke(main, ["check", str(tmp_path / "none.yaml")])
    assert result.exit_code == 1
    assert "events file not found" in result.output and "Traceback" not in result.output


def test_duplicate_keys_are_reported(tmp_path):
    result, path = run_check(tmp_path, GOOD.replace("    title: Talks begin\n",
                                                     "    title: Talks begin\n    title: Again\n"))
    assert result.exit_code == 1
    assert f"{path}:9:5: duplicate key 'title'" in result.stdout
