"""From articles to events: the seeds with a stand-in resolver, merging, planned, determinism."""
from __future__ import annotations

import pickle
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.events.fake_resolver import FakeResolver
from timeline.articles import load_articles
from timeline.events import EVENT_KEYS, assemble_events, build_events, events_from_article

TODAY = date(2026, 11, 22)
REPO = Path(__file__).resolve().parents[2]


def last_weekday(anchor: date, weekday: int) -> str:
    """A past-tense weekday: the latest such day on or before the anchor."""
    return (anchor - timedelta(days=(anchor.weekday() - weekday) % 7)).isoformat()


def next_month(anchor: date) -> str:
    return f"{anchor.year + anchor.month // 12}-{anchor.month % 12 + 1:02d}"


SEED_RESOLVER = FakeResolver({
    "September 13": ("DATE", "2023-09-13"),
    "on Tuesday": ("DATE", lambda a: last_weekday(a, 1), "anchor"),
    "on Wednesday": ("DATE", lambda a: last_weekday(a, 2), "anchor"),
    "in July": ("DATE", lambda a: f"{a.year}-07", "anchor"),
    "In April": ("DATE", lambda a: f"{a.year}-04", "anchor"),
    "this year": ("DATE", lambda a: str(a.year), "anchor"),
    "next month": ("DATE", next_month, "anchor"),
    "five hours": ("DURATION", "PT5H"),
    "01:15": ("TIME", "T01:15"),
})


def by_expression(events, article: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for event in events:
        for source in event.sources:
            if source.article == article:
                found.setdefault(source.expression, set()).add(event.date)
    return found


def test_seed_story_anchor_dates(seeds_dir):
    events = build_events(load_articles([seeds_dir], TODAY), SEED_RESOLVER)
    first = by_expression(events, "putin-kim-vostochny")
    assert first["on Tuesday"] == {"2023-09-12"}
    assert first["September 13"] == {"2023-09-13"}
    assert first["in July"] == {"2023-07"} and first["In April"] == {"2023-04"}
    assert first["this year"] == {"2023"}
    assert "five hours" not in first and "01:15" not in first
    assert by_expression(events, "kim-putin-military-matters")["next month"] == {"2023-11"}
    anchors = {s.anchor for e in events for s in e.sources if s.article == "putin-kim-vostochny"}
    assert anchors == {"2023-09-13"}


def test_seed_anchor_set_by_a_person(seeds_dir):
    articles = load_articles([seeds_dir], TODAY,
                             anchor_overrides={"kim-putin-military-matters": date(2023, 9, 13)})
    events = build_events(articles, SEED_RESOLVER)
    assert by_expression(events, "kim-putin-military-matters")["next month"] == {"2023-10"}


def test_planned_status_and_event_shape(seeds_dir):
    events = build_events(load_articles([seeds_dir], TODAY), SEED_RESOLVER)
    lavrov = next(e for e in events if "Lavrov" in e.text)
    assert lavrov.status == "planned" and lavrov.date == "2023-11"
    assert list(lavrov.as_dict()) == [k for k in EVENT_KEYS if k not in ("end", "conflict")]
    assert "Pyongyang" in lavrov.tags
    past = next(e for e in events if "commenced their talks" in e.text)
    assert past.status is None and past.title.startswith("Kim Jong Un and Vladimir Putin commenced")
    assert {"Kim Jong Un", "Vladimir Putin"} <= set(past.tags)
    weekday = next(e for e in events if e.sources[0].expression == "on Tuesday")
    assert weekday.confidence < past.confidence


DEMO_RESOLVER = FakeResolver({
    "on Tuesday": ("DATE", lambda a: last_weekday(a, 1), "anchor"),
    "in July": ("DATE", lambda a: f"{a.year}-07", "anchor"),
    "April 23": ("DATE", "2024-04-23"),
})


def test_demo_articles_merge_the_report_release():
    articles = load_articles([REPO / "content" / "articles"], TODAY)
    events = build_events(articles, DEMO_RESOLVER)
    release = [e for e in events if e.date == "2024-04-09"]
    assert len(release) == 1
    assert release[0].articles == ["2024-04-10-harbor-radio-report", "2024-04-11-courier-repair-plan"]
    assert release[0].id.endswith(events_from_article(articles[3], DEMO_RESOLVER)[0].id[-6:])
    repairs = [e for e in events if e.date == "2024-07" and "repair" in e.text.lower()]
    assert len(repairs) == 1 and len(repairs[0].sources) == 2


def test_output_is_independent_of_article_order_and_picklable():
    articles = load_articles([REPO / "content" / "articles"], TODAY)
    per_article = [events_from_article(a, DEMO_RESOLVER) for a in articles]
    pickle.dumps(events_from_article)
    pickle.dumps(per_article)
    forward = [e.as_dict() for e in assemble_events(articles, per_article)]
    fresh = [events_from_article(a, DEMO_RESOLVER) for a in reversed(articles)]
    backward = [e.as_dict() for e in assemble_events(list(reversed(articles)), fresh)]
    assert forward == backward


def test_real_resolver_on_seeds(seeds_dir):
    """The done-when figures with the real resolver, once it is in the tree."""
    try:
        from timeline.resolver import resolve
    except ImportError:
        pytest.skip("the resolver (timeline.resolver.resolve) is not in the tree yet")
    events = build_events(load_articles([seeds_dir], TODAY), resolve)
    first = by_expression(events, "putin-kim-vostochny")
    dates = {d for values in first.values() for d in values}
    assert {"2023-09-12", "2023-09-13", "2023-07", "2023-04", "2023"} <= dates
    assert "2023-11" in {d for v in by_expression(events, "kim-putin-military-matters").values()
                         for d in v}


def test_repeated_sentence_gets_its_own_id(tmp_path):
    path = tmp_path / "twice.md"
    path.write_text("---\ntitle: T\npublished: 2024-07-02\n---\nRepairs begin in July.\n\n"
                    "Repairs begin in July.\n", encoding="utf-8")
    events = events_from_article(load_articles([path], TODAY)[0], DEMO_RESOLVER)
    assert len({e.id for e in events}) == 2


@pytest.mark.parametrize("sentence,start,end", [
    ("The bridge was closed from June to August 2021.", "2021-06", "2021-08"),
    ("The fair ran from June 28 to July 3, 2021.", "2021-06-28", "2021-07-03"),
    ("The port was shut from Dec. 28 to Jan. 3, 2022.", "2021-12-28", "2022-01-03"),
])
def test_real_resolver_ranges_take_the_year_of_their_end(tmp_path, sentence, start, end):
    """A range whose year is only written after its end starts in that year too (or the
    year before, when it crosses New Year)."""
    from timeline.resolver import resolve

    (tmp_path / "story.md").write_text(f"---\ntitle: Story\npublished: 2023-10-04\n---\n\n{sentence}\n",
                                       encoding="utf-8")
    events = build_events(load_articles([tmp_path], TODAY), resolve)
    assert [(e.date, e.end) for e in events] == [(start, end)]
