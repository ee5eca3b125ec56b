"""Which pages the site gets: split per year and paged, order, grouping, tags, sources."""
from __future__ import annotations

from timeline.site.labels import DateLabels
from timeline.site.model import group_views
from timeline.site.plan import base_of, page_url, plan_site, slugify

from tests.site.helpers import fixture_events, options


def plan(**opts):
    return plan_site(fixture_events(), options(**opts), DateLabels())


def test_small_timeline_is_one_page_in_date_order():
    p = plan()
    assert not p.split and [pg.uri for pg in p.timeline_pages] == ["index.md"]
    starts = [v.period.start for v in p.views]
    assert starts == sorted(starts)
    assert p.views[0].url == "#maintenance-lapsed"


def test_descending_order():
    p = plan(order="descending")
    starts = [v.period.start for v in p.views]
    assert starts == sorted(starts, reverse=True)


def test_split_auto_makes_year_pages_past_page_size_and_pages_large_years():
    p = plan(page_size=3)
    assert p.split
    uris = [pg.uri for pg in p.timeline_pages]
    assert uris == ["years/2019.md", "years/2023.md", "years/2023-2.md", "years/2024.md"]
    big = p.timeline_pages[1]
    assert (big.number, big.pages, big.next.url, big.title) == (1, 2, "years/2023-2/", "2023 (1 of 2)")
    assert p.timeline_pages[2].prev.url == "years/2023/"
    assert all(len(pg.views) <= 3 for pg in p.timeline_pages)
    assert [y.year for y in p.years] == [2019, 2023, 2024]
    assert p.years[2].planned == 2
    view = next(v for v in p.views if v.id == "pier-reopens")
    assert view.url == "years/2024/#pier-reopens"


def test_split_year_and_none():
    assert plan(split="year").split
    assert not plan(split="none", page_size=1).split


def test_timeline_page_in_a_subfolder_keeps_its_pages_beside_it():
    p = plan(page="story/timeline.md", split="year")
    assert p.timeline_pages[0].uri == "story/years/2019.md"
    assert p.tags[0].uri.startswith("story/tags/")
    assert p.exports["json"] == "story/timeline.json"


def test_tags_and_sources_pages():
    p = plan()
    names = [t.name for t in p.tags]
    assert names == sorted(names, key=str.casefold) and "Pier 4" in names
    pier = next(t for t in p.tags if t.name == "Pier 4")
    assert [v.id for v in pier.views] == ["pier-closed", "crane-collapse", "pier-reopens"]
    assert pier.url == "tags/pier-4/"
    hostile = next(t for t in p.tags if "onerror" in t.name)
    assert hostile.uri == "tags/img-src-x-onerror-window-pwned-1.md"
    assert p.tags_index == "tags/index.md" and p.sources_index == "sources/index.md"
    assert {s.article_id for s in p.sources} == {"harbor-ledger", "courier-review", "hostile"}
    review = next(s for s in p.sources if s.article_id == "courier-review")
    assert [v.id for v in review.views] == ["maintenance-lapsed", "crane-collapse-review",
                                            "review-published", "repair-plan"]


def test_pages_can_be_turned_off():
    p = plan(tags=False, sources=False, exports=[])
    assert p.tags == [] and p.sources == [] and p.exports == {}
    assert p.tags_index is None and p.sources_index is None
    assert all(s.url is None for v in p.views for s in v.sources)


def test_group_by_month_puts_coarse_periods_under_their_own_heading():
    p = plan()
    years = group_views(p.views, DateLabels())
    by_year = {y.year: [g.label for g in y.groups] for y in years}
    assert by_year[2019] == ["During 2019"]
    assert by_year[2023] == ["July 2023", "September 2023", "October 2023"]
    # A coarse period comes before the month it starts in: spring starts 1 March.
    assert by_year[2024] == ["Q1 2024", "Spring 2024", "March 2024"]
    desc = group_views(list(reversed(p.views)), DateLabels(), descending=True)
    assert [g.label for g in desc[0].groups] == ["March 2024", "Spring 2024", "Q1 2024"]


def test_group_by_year_has_no_month_headings():
    years = group_views(plan().views, DateLabels(), by_month=False)
    assert all(len(y.groups) == 1 and y.groups[0].label == "" for y in years)


def test_urls_and_slugs():
    assert page_url("index.md", True) == "" and page_url("a/index.md", True) == "a/"
    assert page_url("years/2024.md", True) == "years/2024/"
    assert page_url("years/2024.md", False) == "years/2024.html"
    assert page_url("timeline.json", True) == "timeline.json"
    assert base_of("") == "" and base_of("years/2024/") == "../../"
    taken: set[str] = set()
    assert [slugify(t, taken) for t in ["Ana Silva", "ana silva", "Émile", "???"]] == [
        "ana-silva", "ana-silva-2", "emile", "item"]
