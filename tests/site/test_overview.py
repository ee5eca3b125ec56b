"""The overview chart: months where the story is dense, years elsewhere, links to headings."""
from __future__ import annotations

from timeline.events import Event
from timeline.site.labels import DateLabels
from timeline.site.overview import build_overview
from timeline.site.plan import plan_site
from timeline.store import EventsFile

from tests.site.helpers import fixture_events, options


def overview_for(dates: list[str], **opts):
    events = [Event(id=f"e{i}", date=d, title=f"Event {i}", text="") for i, d in enumerate(dates)]
    plan = plan_site(EventsFile("x", {}, sorted(events, key=Event.sort_key)), options(**opts), DateLabels())
    return build_overview(plan.views, DateLabels(), by_month=True)


def test_fixture_chart_links_each_bar_to_its_heading():
    plan = plan_site(fixture_events(), options(), DateLabels())
    chart = build_overview(plan.views, DateLabels(), by_month=True)
    hrefs = [b.href for b in chart.bars if b.count]
    assert hrefs[0] == "#y2019-all"
    assert "#y2023-m09" in hrefs and "#y2024-q1" in hrefs
    assert sum(b.count for b in chart.bars) == len(plan.views)
    assert chart.monthly


def test_an_old_outlier_does_not_squash_the_story_into_one_bar():
    chart = overview_for(["1968-07", "2024-03-01", "2024-03-05", "2024-04-02", "2024-07-01"])
    labels = [b.label for b in chart.bars]
    assert labels[0] == "July 1968: 1 event" or labels[0] == "1968: 1 event"
    assert "March 2024: 2 events" in labels and "April 2024: 1 event" in labels
    assert any(t.text == "\u22ef" for t in chart.ticks)  # the empty decades are one gap
    assert len(chart.bars) < 12


def test_a_long_even_spread_is_drawn_by_year():
    chart = overview_for([f"{y}-06-01" for y in range(1990, 2024)])
    assert not chart.monthly and len(chart.bars) == 34
    years = [t.text for t in chart.ticks]
    assert years[0] == "1990" and len(years) < 34  # labels that would overlap are skipped


def test_links_follow_split_pages():
    chart = overview_for(["2023-01-05", "2023-02-05", "2024-01-05"], split="year")
    assert [b.href for b in chart.bars if b.count] == [
        "years/2023/#y2023-m01", "years/2023/#y2023-m02", "years/2024/#y2024-m01"]


def test_planned_share_and_empty_input():
    events = [Event(id="a", date="2024-03-01", title="a", text="", status="planned"),
              Event(id="b", date="2024-03-02", title="b", text="")]
    plan = plan_site(EventsFile("x", {}, events), options(), DateLabels())
    chart = build_overview(plan.views, DateLabels(), by_month=True)
    (bar,) = [b for b in chart.bars if b.count]
    assert bar.planned == 1 and bar.planned_height * 2 == bar.height
    assert build_overview([], DateLabels(), by_month=True) is None
