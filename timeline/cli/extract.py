"""``timeline extract``: articles in, events merged into the events file, hand edits kept."""
from __future__ import annotations

import gc
import sys
import threading
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Callable, Iterator, NamedTuple, Sequence

import click

from timeline.cli.errors import user_errors
from timeline.errors import TimelineError
from timeline.store.sync import Plan, load_existing, plan_update, write_plan

DEFAULT_ARTICLES = "content/articles"
DEFAULT_OUTPUT = "content/events.yaml"
PROGRESS_MIN = 50  # fewer articles finish before a bar would be worth drawing


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              default=DEFAULT_OUTPUT, show_default=True, help="Events file to write.")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Take this as today when inferring a missing publication year (default: the clock).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes; the output is the same for any number.")
@click.option("-n", "--dry-run", is_flag=True, help="Show what would change; write nothing.")
def extract(paths: tuple[Path, ...], output: Path, today, jobs: int, dry_run: bool) -> None:
    """Find dated sentences in articles (files or folders; default: content/articles) and
    merge them as events into the events file, keeping every hand edit."""
    with user_errors():
        existing = load_existing(output)
        extracted = _load_and_extract(
            paths or (Path(DEFAULT_ARTICLES),), today.date() if today else date.today(),
            existing.anchor_overrides(), jobs)
        articles, per_article = extracted.articles, extracted.per_article
        _settled()
        fresh = _fresh_document(articles, per_article, extracted.names, extracted.words,
                                extracted.entries)
        _settled()
        with _texts_known(extracted.texts):
            plan = plan_update(existing, fresh)
            if not dry_run:
                write_plan(output, plan)
    if dry_run:
        click.echo(plan.diff(output) or "no change to the events file")
    click.echo(summary(articles, per_article, plan, output, dry_run))


class Extracted(NamedTuple):
    """Per article, in file order: the article, its events, the names it mentions, the
    content words of each event (``timeline.events.merge.wording``) and the article's entry
    in the events file; and ``(value, YAML text)`` of the texts the events file will hold
    (``timeline.store.emit.texts_of``), worked out where the articles were extracted."""

    articles: list
    per_article: list[list]
    names: list[set[str]]
    words: list[list[frozenset[str]]]
    entries: list[dict]
    texts: list[tuple[str, str]]


def _load_and_extract(paths: Sequence[Path], today: date, overrides: dict[str, date],
                      jobs: int) -> Extracted:
    """Articles and their events, in file order, read and extracted in ``jobs`` processes.

    Each file is read, dated and extracted whole; problems come back as values and the
    first one in file order is raised, so any ``jobs`` gives the same result and the same
    error.
    """
    from timeline.articles.loader import UniqueIds, find_article_files

    files = find_article_files(paths)
    work = partial(_file_events, today=today, overrides=overrides)
    with _Progress(len(files)) as progress:
        if jobs > 1 and len(files) > 1:
            _load_what_workers_need()
            results = _in_processes(work, files, jobs, progress)
        else:
            results = []
            for path in files:
                results.append(work(path))
                progress.advance(1)
                if len(results) % CHUNK_FILES == 0:
                    _settled()
    ids = UniqueIds()
    extracted = Extracted([], [], [], [], [], [])
    for path, result in zip(files, results):
        if isinstance(result, TimelineError):
            raise result
        for article, line, events, found, wordings, entry, texts in result:
            ids.claim(article, path, line)
            extracted.articles.append(article)
            extracted.per_article.append(events)
            extracted.names.append(found)
            extracted.words.append(wordings)
            extracted.entries.append(entry)
            extracted.texts.extend(texts)
    return extracted


#: Files per task sent to a worker: enough that sending it costs little next to the work,
#: few enough that the processes finish together.
CHUNK_FILES = 32


def _in_processes(work: Callable, files: list[Path], jobs: int, progress: _Progress) -> list:
    """``work`` on every file in ``jobs`` processes: this one and ``jobs - 1`` workers.

    The files go out in chunks, from the front, to the workers; this process takes chunks
    from the back that no worker has started yet (a queued task can be cancelled until it
    starts), until the two meet. So the work is shared out as it goes, this process's
    share is never sent anywhere, and the results are in file order whatever the timing.
    """
    chunks = _chunks(files, jobs)
    results: list[list | None] = [None] * len(chunks)
    with ProcessPoolExecutor(max_workers=jobs - 1) as pool:
        futures = [pool.submit(_chunk_events, work, chunk) for chunk in chunks]
        for future, chunk in zip(futures, chunks):
            future.add_done_callback(lambda f, n=len(chunk): f.cancelled() or progress.advance(n))
        try:
            mine = len(chunks)
            while mine > 0 and futures[mine - 1].cancel():
                mine -= 1
                results[mine] = _chunk_events(work, chunks[mine])
                progress.advance(len(chunks[mine]))
                _settled()
            for k in range(mine):
                results[k] = futures[k].result()
        except BaseException:  # interrupted, or a bug: do not wait for the rest of the work
            for future in futures:
                future.cancel()
            raise
    return [result for chunk in results for result in chunk]


def _chunks(files: list[Path], jobs: int) -> list[list[Path]]:
    """``files`` cut in order into chunks that shrink towards where the processes are
    expected to meet (the workers' share from the front, this one's from the back).

    Why: a worker's chunk cannot be taken back once it is queued, so the run ends when
    the last queued chunk does; small chunks where the two sides meet keep that wait
    short, large ones elsewhere keep the cost of sending them low.
    """
    meet = len(files) * (jobs - 1) // jobs
    front: list[list[Path]] = []
    start = 0
    while start < meet:
        size = _chunk_size(meet - start)
        front.append(files[start:min(start + size, meet)])
        start += size
    back: list[list[Path]] = []
    end = len(files)
    while end > meet:
        size = _chunk_size(end - meet)
        back.append(files[max(meet, end - size):end])
        end -= size
    return front + back[::-1]


#: Chunk sizes near the meeting point: a chunk is at most 1/CHUNK_TAPER of the files
#: left before it, and at least MIN_CHUNK_FILES.
CHUNK_TAPER = 8
MIN_CHUNK_FILES = 2


def _chunk_size(left: int) -> int:
    """The size of the next chunk with `left` files between it and the meeting point."""
    return max(MIN_CHUNK_FILES, min(CHUNK_FILES, left // CHUNK_TAPER))


def _load_what_workers_need() -> None:
    """Import the extraction modules and compile the resolver's rules here, before the
    workers start: forked workers inherit them instead of each paying ~0.2 s to load them
    again (a worker started another way loads them itself, as before)."""
    import timeline.articles.loader  # noqa: F401
    import timeline.events  # noqa: F401
    import timeline.events.merge  # noqa: F401
    import timeline.events.tags  # noqa: F401
    import timeline.store.document  # noqa: F401
    import timeline.store.emit  # noqa: F401
    from timeline.resolver.data_loader import load_language

    load_language("en")


def _settled() -> None:
    """What is in memory now stays until the run ends: the cyclic garbage collector need
    not look at it again. (Each full collection walks every object; over a large run's
    articles and events that was about 5% of the run.)"""
    gc.freeze()


def _chunk_events(work: Callable, chunk: list[Path]) -> list:
    return [work(path) for path in chunk]


def _file_events(path: Path, today: date, overrides: dict[str, date]) -> list | TimelineError:
    """One file's articles with their events (a worker's job), or the problem it has.

    The articles come back without their text: everything after extraction needs only
    their metadata, and the text would be most of what a worker sends back. What the rest
    of the run needs per article or per event is worked out here, in parallel: the
    events' content words (merging compares them), the article's entry in the events
    file, and how the file will write the events' and the entry's texts.
    """
    from timeline.articles.loader import load_article_file
    from timeline.events import events_from_article
    from timeline.events.merge import wording
    from timeline.events.tags import names_in
    from timeline.store.document import article_entry
    from timeline.store.emit import texts_of

    try:
        found = []
        for article, line in load_article_file(path, today, overrides):
            events = events_from_article(article)
            entry = article_entry(article)
            found.append((replace(article, text=""), line, events, names_in(article.text),
                          [wording(event) for event in events], entry,
                          texts_of(_long_texts(events, entry))))
        return found
    except TimelineError as exc:
        return exc


def _long_texts(events: list, entry: dict) -> list[str]:
    """The texts of an article's entry and events that are costly to write and rarely
    repeat (sentences, titles, ids, paths, links); the events' dates and anchors, which
    repeat a lot, are written once per run from the emitter's own table."""
    texts = [value for value in entry.values() if isinstance(value, str)]
    for event in events:
        texts += (event.id, event.title, event.text)
        texts += (text for source in event.sources for text in (source.quote, source.expression))
    return texts


class _Progress:
    """A bar on stderr when there is enough work to wait for; advanced from any thread."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar = None
        self.lock = threading.Lock()

    def __enter__(self) -> _Progress:
        if self.total >= PROGRESS_MIN:
            self.bar = click.progressbar(length=self.total, label="Extracting", file=sys.stderr)
            self.bar.__enter__()
        return self

    def advance(self, count: int) -> None:
        if self.bar is not None:
            with self.lock:
                self.bar.update(count)

    def __exit__(self, *exc_info) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc_info)


def _fresh_document(articles: list, per_article: list[list], names: list[set[str]],
                    words: list[list[frozenset[str]]] | None = None,
                    entries: list[dict] | None = None) -> dict:
    """The generator's own events file for these articles, as plain data (``entries``:
    each article's ``article_entry``, when the workers made them)."""
    from timeline.events import assemble_events
    from timeline.store.document import article_entry

    events = assemble_events(articles, per_article, names, words)
    if entries is None:
        entries = [article_entry(a) for a in articles]
    return {"articles": {a.id: entry for a, entry in zip(articles, entries)},
            "events": [e.as_dict() for e in events]}


@contextmanager
def _texts_known(texts: list[tuple[str, str]]) -> Iterator[None]:
    """The emitter knows how to write these texts while the block runs (then forgets them)."""
    from timeline.store import emit

    emit.remember(texts)
    try:
        yield
    finally:
        emit.forget()


def summary(articles: list, per_article: list[list], plan: Plan, output: Path, dry_run: bool) -> str:
    """The one line every run ends with."""
    report = plan.report
    expressions = sum(len(batch) for batch in per_article)
    conflicts = sum(bool(e.get("conflict")) for e in plan.merged["events"])
    inferred = sum(a.anchor_source == "inferred" for a in articles)
    kept_edits = f", {len(report.overridden)} hand edits kept over new output" if report.overridden else ""
    target = f"would write {output} (dry run)" if dry_run else f"-> {output}"
    return (f"{len(articles)} articles, {expressions} expressions, events: {len(report.new)} new, "
            f"{len(report.updated)} updated, {len(report.kept)} kept, {len(report.removed)} removed, "
            f"{conflicts} conflicts, {inferred} inferred anchors{kept_edits} {target}")
