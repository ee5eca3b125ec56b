"""Three-way merge of events files: the last generated version, a person's file, a fresh run.

Pure data in, pure data out (plain dicts and lists, no YAML), so the rules can be tested
for all inputs. The person always wins: a field they changed keeps their value, an event
they deleted stays deleted, events they added stay, and ``locked: true`` freezes an event.
The machine may only change what the person left exactly as it generated it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

Doc = dict  # {"articles": {id: entry}, "events": [event, ...]}
_MISSING = object()


@dataclass
class MergeReport:
    """What the merge did, by event id, for the summary line and ``--dry-run``."""

    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: (event id, field): both the person and the generator changed it; the person's value won
    overridden: list[tuple[str, str]] = field(default_factory=list)
    articles_new: list[str] = field(default_factory=list)
    articles_updated: list[str] = field(default_factory=list)
    articles_removed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.new or self.updated or self.removed or self.articles_new
                    or self.articles_updated or self.articles_removed)


def merge_documents(base: Doc | None, ours: Doc | None, theirs: Doc) -> tuple[Doc, MergeReport]:
    """Merge ``theirs`` (fresh) into ``ours`` (the person's file) relative to ``base``.

    ``ours`` None: no file yet, the result is ``theirs``. ``base`` None: no snapshot, so
    everything in ``ours`` counts as the person's and is kept as it is.
    """
    report = MergeReport()
    if ours is None:
        report.new = [e["id"] for e in _events(theirs)]
        report.articles_new = list(_articles(theirs))
        return {"articles": dict(_articles(theirs)), "events": list(_events(theirs))}, report
    base = base or {"articles": {}, "events": []}
    events = _merge_events(_events(base), _events(ours), _events(theirs), report)
    cited = {s.get("article") for e in events for s in _sources(e)}
    articles = _merge_articles(_articles(base), _articles(ours), _articles(theirs), cited, report)
    return {"articles": articles, "events": events}, report


def person_anchors(base: Doc | None, ours: Doc | None) -> dict[str, str]:
    """Article anchors a person set in the article table, to resolve the re-run against.

    An anchor counts as the person's when it differs from the generated one, or when the
    generator already recorded it as coming from the events file.
    """
    if not ours:
        return {}
    base_articles = _articles(base) if base else {}
    found: dict[str, str] = {}
    for article_id, entry in _articles(ours).items():
        if not isinstance(entry, dict) or not entry.get("anchor"):
            continue
        generated = base_articles.get(article_id, {}) if base else {}
        if (entry.get("anchor_source") == "events file"
                or (base and isinstance(generated, dict) and generated.get("anchor") != entry["anchor"])):
            found[str(article_id)] = str(entry["anchor"])
    return found


def merge_fields(base: dict | None, ours: dict, theirs: dict) -> tuple[dict, list[str]]:
    """Key by key: the person's change wins, otherwise the generator's value (or absence).

    Returns the merged mapping (key order: ours, then new keys in theirs' order) and the
    keys both sides changed differently.
    """
    if base is None:
        return dict(ours), []
    merged: dict = {}
    clashes: list[str] = []
    for key in list(ours) + [k for k in theirs if k not in ours] + [k for k in base if k not in ours
                                                                     and k not in theirs]:
        if key in merged:
            continue
        b, o, t = base.get(key, _MISSING), ours.get(key, _MISSING), theirs.get(key, _MISSING)
        if o != b:
            value = o
            if t != b and t != o:
                clashes.append(key)
        else:
            value = t
        if value is not _MISSING:
            merged[key] = value
    if all(k in theirs for k in merged) and set(merged) == set(theirs) and ours == base:
        merged = {k: merged[k] for k in theirs}  # untouched: take the generator's key order too
    return merged, clashes


def is_locked(event: dict) -> bool:
    """``locked: true``, also as YAML 1.1 spells it (``yes``, ``on``), which PyYAML reads as true."""
    value = event.get("locked")
    return value is True or (isinstance(value, str) and value.strip().lower() in _TRUE_WORDS)


_TRUE_WORDS = {"true", "yes", "y", "on"}


def _merge_events(base: list[dict], ours: list[dict], theirs: list[dict],
                  report: MergeReport) -> list[dict]:
    base_by, ours_by, theirs_by = _by_id(base), _by_id(ours), _by_id(theirs)
    result: dict[str, dict] = {}
    for event_id, mine in ours_by.items():
        generated, fresh = base_by.get(event_id), theirs_by.get(event_id)
        if is_locked(mine) or generated is None:
            result[event_id] = mine  # locked, or the person's own event
            report.kept.append(event_id)
        elif fresh is None:
            if mine == generated:
                report.removed.append(event_id)  # its article is gone or it changed
            else:
                result[event_id] = mine
                report.kept.append(event_id)
        else:
            merged, clashes = merge_fields(generated, mine, fresh)
            result[event_id] = merged
            (report.updated if merged != mine else report.kept).append(event_id)
            report.overridden.extend((event_id, key) for key in clashes)
    for event_id, fresh in theirs_by.items():
        if event_id not in ours_by and event_id not in base_by:
            result[event_id] = fresh
            report.new.append(event_id)
    # Ids in base but not in ours were deleted by the person and stay deleted.
    order = _order(base, ours, theirs, result)
    return [result[i] for i in order]


def _order(base: list[dict], ours: list[dict], theirs: list[dict], result: dict) -> list[str]:
    """Follow the generator's order unless the person reordered; new events go after their
    predecessor in the fresh run."""
    ours_ids, theirs_ids = [e["id"] for e in ours], [e["id"] for e in theirs]
    base_ids = [e["id"] for e in base]
    common = set(ours_ids) & set(base_ids)
    reordered = [i for i in ours_ids if i in common] != [i for i in base_ids if i in common]
    primary, secondary = (ours_ids, theirs_ids) if reordered else (theirs_ids, ours_ids)
    order = [i for i in primary if i in result]
    placed = set(order)
    for position, event_id in enumerate(secondary):
        if event_id in placed or event_id not in result:
            continue
        before = next((secondary[p] for p in range(position - 1, -1, -1) if secondary[p] in placed), None)
        order.insert(order.index(before) + 1 if before is not None else 0, event_id)
        placed.add(event_id)
    return order


def _merge_articles(base: dict, ours: dict, theirs: dict, cited: set,
                    report: MergeReport) -> dict:
    merged: dict = {}
    for article_id in list(ours) + [a for a in theirs if a not in ours]:
        mine, generated, fresh = ours.get(article_id), base.get(article_id), theirs.get(article_id)
        if mine is None:
            if generated is None or article_id in cited:
                merged[article_id] = fresh
                report.articles_new.append(article_id)
            continue  # the person removed it from the table
        if fresh is None:
            if mine == generated and article_id not in cited:
                report.articles_removed.append(article_id)
            else:
                merged[article_id] = mine
            continue
        if not isinstance(mine, dict) or not isinstance(fresh, dict):
            merged[article_id] = mine
            continue
        value, _ = merge_fields(generated if isinstance(generated, dict) else None, mine, fresh)
        merged[article_id] = value
        if value != mine:
            report.articles_updated.append(article_id)
    return merged


def _by_id(events: Iterable[dict]) -> dict[str, dict]:
    """Events by id; the first of a duplicated id wins (``timeline check`` reports the rest)."""
    found: dict[str, dict] = {}
    for event in events:
        if isinstance(event, dict) and isinstance(event.get("id"), str):
            found.setdefault(event["id"], event)
    return found


def _events(doc: Doc) -> list[dict]:
    events = doc.get("events") if isinstance(doc, dict) else None
    return [e for e in events or [] if isinstance(e, dict) and isinstance(e.get("id"), str)]


def _articles(doc: Doc) -> dict:
    articles = doc.get("articles") if isinstance(doc, dict) else None
    return dict(articles) if isinstance(articles, dict) else {}


def _sources(event: dict) -> list[dict]:
    sources: Any = event.get("sources")
    return [s for s in sources if isinstance(s, dict)] if isinstance(sources, list) else []
