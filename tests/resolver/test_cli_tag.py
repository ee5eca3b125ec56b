"""timeline tag / eval through click's CliRunner."""
import json

from click.testing import CliRunner

from timeline.cli.tag import eval_cmd, tag


def test_tag_json_timeml_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("They met on Tuesday & talked <five hours>.", encoding="utf-8")
    r = CliRunner().invoke(tag, [str(f), "--anchor", "2023-09-13"])
    assert r.exit_code == 0
    assert json.loads(r.output)[0]["value"] == "2023-09-12"
    r = CliRunner().invoke(tag, [str(f), "--anchor", "2023-09-13", "--format", "timeml"])
    assert '<TIMEX3 tid="t1" type="DATE" value="2023-09-12">Tuesday</TIMEX3> &amp;' in r.output
    r = CliRunner().invoke(tag, [str(f), "--anchor", "2023-09-13", "--format", "text"])
    assert "PT5H" in r.output


def test_user_errors_are_messages(tmp_path):
    r = CliRunner().invoke(tag, [str(tmp_path / "missing.txt"), "--anchor", "2023-09-13"])
    assert r.exit_code != 0 and "no such file" in r.output and "Traceback" not in r.output
    f = tmp_path / "a.txt"
    f.write_text("x")
    r = CliRunner().invoke(tag, [str(f), "--anchor", "13/09/2023"])
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output


def test_a_malformed_data_file_is_one_message(tmp_path, monkeypatch):
    import sys

    from timeline.resolver import ResolverDataError
    cli_tag = sys.modules["timeline.cli.tag"]  # the module (the package exports the command)

    def broken(text, anchor):
        raise ResolverDataError("data/en/rules.yaml rule #14 'month_alone': bad pattern")
    monkeypatch.setattr(cli_tag, "resolve", broken)
    f = tmp_path / "a.txt"
    f.write_text("They met on Tuesday.", encoding="utf-8")
    r = CliRunner().invoke(tag, [str(f), "--anchor", "2023-09-13"])
    assert r.exit_code == 1 and "rules.yaml rule #14" in r.output and "reinstall" in r.output
    assert "Traceback" not in r.output


def test_corpus_and_eval(tmp_path):
    src = tmp_path / "gold"
    src.mkdir()
    (src / "d.txt").write_text("Sales fell yesterday.")
    (src / "d.json").write_text(json.dumps({"dct": "2023-09-13", "timexes": [
        {"start": 11, "end": 20, "text": "yesterday", "type": "DATE", "value": "2023-09-12"}]}))
    out = tmp_path / "out"
    r = CliRunner().invoke(tag, ["--corpus", str(src), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert json.loads((out / "d.json").read_text())[0]["value"] == "2023-09-12"
    r = CliRunner().invoke(eval_cmd, [str(src), "--json", "--min-value-f1", "0.9"])
    assert r.exit_code == 0 and json.loads(r.output)["value_f1"] == 1.0
    (src / "d.txt").write_text("Sales fell.")
    r = CliRunner().invoke(eval_cmd, [str(src), "--min-value-f1", "0.9"])
    assert r.exit_code == 1


def test_help():
    for cmd in (tag, eval_cmd):
        r = CliRunner().invoke(cmd, ["--help"])
        assert r.exit_code == 0 and cmd.help
