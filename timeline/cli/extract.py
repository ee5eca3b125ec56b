"""``timeline extract``: articles in, events file out."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterator

import click

from timeline.articles import load_articles
from timeline.cli.errors import user_errors
from timeline.events import build_events
from timeline.fsutil import write_atomic
from timeline.store import render_document

DEFAULT_ARTICLES = "content/articles"
DEFAULT_OUTPUT = "content/events.yaml"


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              default=DEFAULT_OUTPUT, show_default=True, help="Events file to write.")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Take this as today when inferring a missing publication year (default: the clock).")
def extract(paths: tuple[Path, ...], output: Path, today) -> None:
    """Find dated sentences in articles (files or folders; default: content/articles) and
    write them as events to the events file."""
    with user_errors():
        reference_day = today.date() if today else date.today()
        articles = load_articles(paths or (Path(DEFAULT_ARTICLES),), reference_day)
        events = build_events(_with_progress(articles))
        write_atomic(output, render_document(articles, events))
    merged = sum(len(e.sources) > 1 for e in events)
    inferred = sum(a.published_inferred for a in articles)
    click.echo(f"{len(articles)} articles, {len(events)} events ({merged} reported by several "
               f"articles), {inferred} publication years inferred -> {output}")


def _with_progress(articles: list) -> Iterator:
    """Yield the articles, with a progress bar on stderr when there is enough work to wait for."""
    if len(articles) < 50:
        yield from articles
        return
    with click.progressbar(articles, label="Resolving dates", file=click.get_text_stream("stderr")) as bar:
        yield from bar
