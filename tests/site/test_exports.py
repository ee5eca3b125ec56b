"""Exports parsed back with real parsers: json (TimelineJS3 shape), icalendar, csv; and the CLI."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import icalendar
from click.testing import CliRunner

from timeline.cli.export import export as export_command
from timeline.export import ExportOptions, export

from tests.site.helpers import DATA, fixture_events

OPTIONS = ExportOptions(title="Harbor <b>", permalink=lambda i: f"https://example.test/#{i}")


def test_timelinejs_json():
    doc = json.loads(export(fixture_events(), "json", OPTIONS))
    assert doc["title"]["text"]["headline"] == "Harbor &lt;b&gt;"
    events = {e["unique_id"]: e for e in doc["events"]}
    assert len(events) == 9
    assert events["crane-collapse"]["start_date"] == {"year": 2023, "month": 9, "day": 13}
    assert events["review-published"]["start_date"] == {"year": 2023, "month": 10}
    assert events["maintenance-lapsed"]["start_date"] == {"year": 2019}
    assert events["pier-closed"]["end_date"] == {"year": 2023, "month": 9, "day": 13}
    assert events["repair-plan"]["end_date"] == {"year": 2024, "month": 3, "day": 31}
    assert events["pier-closed"]["display_date"] == "12 September 2023 – 13 September 2023"
    hostile = events["hostile-event"]["text"]
    assert "<script>" not in hostile["headline"] + hostile["text"] and "&lt;script&gt;" in hostile["headline"]
    assert "https://example.test/#crane-collapse" in events["crane-collapse"]["text"]["text"]


def test_icalendar_all_day_events_and_spans():
    cal = icalendar.Calendar.from_ical(export(fixture_events(), "ics", OPTIONS))
    vevents = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert len(vevents) == 9

    def days(uid):
        e = vevents[f"{uid}@timeline"]
        return e.decoded("dtstart"), e.decoded("dtend")

    assert days("crane-collapse") == (date(2023, 9, 13), date(2023, 9, 14))
    assert days("pier-closed") == (date(2023, 9, 12), date(2023, 9, 14))
    assert days("review-published") == (date(2023, 10, 1), date(2023, 11, 1))
    assert days("maintenance-lapsed") == (date(2019, 1, 1), date(2020, 1, 1))
    assert days("repair-plan") == (date(2024, 1, 1), date(2024, 4, 1))
    assert days("pier-reopens") == (date(2024, 3, 4), date(2024, 3, 11))
    assert str(vevents["repair-plan@timeline"]["status"]) == "TENTATIVE"
    assert "Pier 4" in vevents["crane-collapse@timeline"]["categories"].to_ical().decode()
    assert str(vevents["hostile-event@timeline"]["summary"]).startswith("<script>")  # plain text here


def test_ics_is_reproducible():
    assert export(fixture_events(), "ics", OPTIONS) == export(fixture_events(), "ics", OPTIONS)


def test_csv_rows_and_formula_defusing():
    events = fixture_events()
    events.events[0].title = "=HYPERLINK(\"http://evil\")"
    rows = list(csv.DictReader(io.StringIO(export(events, "csv", OPTIONS).decode("utf-8"))))
    assert len(rows) == 9
    assert rows[0]["title"].startswith("'=")
    pier = next(r for r in rows if r["id"] == "pier-closed")
    assert (pier["first_day"], pier["last_day"], pier["end"], pier["tags"]) == (
        "2023-09-12", "2023-09-13", "2023-09-13", "Pier 4")
    assert pier["permalink"] == "https://example.test/#pier-closed"


def test_cli_export_each_format(tmp_path):
    runner = CliRunner()
    for fmt in ("json", "ics", "csv"):
        out = tmp_path / f"t.{fmt}"
        result = runner.invoke(export_command, ["--format", fmt, "-o", str(out), str(DATA / "events.yaml")])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 100
    assert json.loads((tmp_path / "t.json").read_text())["events"]
    result = runner.invoke(export_command, ["--format", "csv", str(DATA / "events.yaml")])
    assert result.exit_code == 0 and result.output.startswith("id,date,end")


def test_cli_errors_are_one_line(tmp_path):
    result = CliRunner().invoke(export_command, ["--format", "json", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 1 and "events file not found" in result.output
    assert "Traceback" not in result.output
    result = CliRunner().invoke(export_command, ["--format", "xml", str(DATA / "events.yaml")])
    assert result.exit_code == 2 and "xml" in result.output
    assert "--format" in CliRunner().invoke(export_command, ["--help"]).output


def test_ics_lines_fold_at_75_octets_without_splitting_characters():
    from timeline.export.ical import fold, text

    line = "DESCRIPTION:" + text("Café “quoted”, a; b\\c\nnext " * 20)
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
    assert text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
