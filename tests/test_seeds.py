"""The walking skeleton's acceptance on the two real seed articles."""
from pathlib import Path

import yaml
from click.testing import CliRunner

from timeline.cli import main


def extract(seeds_dir: Path, tmp_path: Path) -> dict:
    out = tmp_path / "events.yaml"
    result = CliRunner().invoke(main, ["extract", str(seeds_dir), "-o", str(out), "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert "2 articles" in result.output
    return yaml.safe_load(out.read_text())


def expressions_by_date(data: dict, article: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for event in data["events"]:
        for source in event["sources"]:
            if source["article"] == article:
                found.setdefault(event["date"], set()).add(source["expression"])
    return found


def test_publication_dates(seeds_dir, tmp_path):
    articles = extract(seeds_dir, tmp_path)["articles"]
    assert articles["putin-kim-vostochny"]["published"] == "2023-10-04"
    assert "no year" in articles["putin-kim-vostochny"]["published_inferred"]
    assert articles["kim-putin-military-matters"]["published"] == "2023-10-02"
    assert "published_inferred" not in articles["kim-putin-military-matters"]


def test_event_dates(seeds_dir, tmp_path):
    data = extract(seeds_dir, tmp_path)
    first = expressions_by_date(data, "putin-kim-vostochny")
    assert "September 13" in first["2023-09-13"]
    assert any("July" in e for e in first["2023-07"])
    assert any("April" in e for e in first["2023-04"])
    assert "this year" in first["2023"]
    second = expressions_by_date(data, "kim-putin-military-matters")
    assert "next month" in second["2023-11"]


def test_no_events_from_time_codes_or_durations(seeds_dir, tmp_path):
    data = extract(seeds_dir, tmp_path)
    expressions = {s["expression"] for e in data["events"] for s in e["sources"]}
    assert not any("01:15" in e or "five hours" in e for e in expressions)
    quotes = " ".join(s["quote"] for e in data["events"] for s in e["sources"])
    assert "01:15" not in quotes and "five hours" not in quotes


def test_events_in_date_order(seeds_dir, tmp_path):
    from timeline.periods import parse_period
    events = extract(seeds_dir, tmp_path)["events"]
    starts = [parse_period(e["date"]).start for e in events]
    assert starts == sorted(starts)
