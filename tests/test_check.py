"""`timeline check` reports each problem as FILE:LINE:COL: message, and never a traceback."""
from click.testing import CliRunner

from timeline.cli.check import check

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
    return CliRunner().invoke(check, [str(path)]), str(path)


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
    result = CliRunner().invoke(check, [str(tmp_path / "none.yaml")])
    assert result.exit_code == 1
    assert "events file not found" in result.output and "Traceback" not in result.output


def test_duplicate_keys_are_reported(tmp_path):
    result, path = run_check(tmp_path, GOOD.replace("    title: Talks begin\n",
                                                     "    title: Talks begin\n    title: Again\n"))
    assert result.exit_code == 1
    assert f"{path}:9:5: duplicate key 'title'" in result.stdout


def test_schema_errors_have_lines(tmp_path):
    text = GOOD.replace("    title: Talks begin\n",
                        "    title: Talks begin\n    confidence: high\n    locked: 'yes'\n"
                        "    tags: Moscow\n")
    result, path = run_check(tmp_path, text)
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert any(l.startswith(f"{path}:9:5: ") and "confidence" in l and "number" in l for l in lines), lines
    assert any(l.startswith(f"{path}:10:5: ") and "locked" in l and "boolean" in l for l in lines), lines
    assert any(l.startswith(f"{path}:11:5: ") and "tags" in l and "array" in l for l in lines), lines
    assert "Traceback" not in result.output


def test_malformed_calendar_value_is_one_problem(tmp_path):
    result, path = run_check(tmp_path, GOOD.replace("'2023-09-13'", "'Sept 13'"))
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path}:7:5: date 'Sept 13'"), lines


def test_shipped_schema_accepts_a_generated_file(tmp_path):
    import json
    import jsonschema
    from timeline.store.sync import package_schema_text
    jsonschema.Draft202012Validator.check_schema(json.loads(package_schema_text()))
    result, _ = run_check(tmp_path, GOOD)
    assert result.exit_code == 0


def test_non_mapping_file_is_one_line(tmp_path):
    result, path = run_check(tmp_path, "- just\n- a list\n")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stdout.startswith(f"{path}:1:1: ")


def test_not_utf8_is_a_message(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_bytes(b"events:\n  - id: \xff\xfe\n")
    result = CliRunner().invoke(check, [str(path)])
    assert result.exit_code == 1 and "UTF-8" in result.output
    assert isinstance(result.exception, SystemExit)


def test_file_written_by_extract_points_editors_at_the_schema(tmp_path):
    from timeline.store.sync import load_existing, plan_update, schema_path, write_plan

    out = tmp_path / "events.yaml"
    write_plan(out, plan_update(load_existing(out), {"articles": {}, "events": []}))
    first = out.read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=.timeline/events.schema.json"
    target = out.parent / first.split("$schema=", 1)[1]
    assert target == schema_path(out) and target.read_text().startswith("{")
    assert CliRunner().invoke(check, [str(out)]).exit_code == 0
