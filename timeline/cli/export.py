"""``timeline export``: the events as TimelineJS3 JSON, iCalendar or CSV (the site's exports)."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from timeline.cli.errors import user_errors
from timeline.cli.extract import DEFAULT_OUTPUT
from timeline.export import WRITERS, ExportOptions, export as export_events
from timeline.site.loading import load_events


@click.command(name="export")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(WRITERS)), required=True,
              help="json: TimelineJS3; ics: iCalendar (all-day events); csv: one row per event.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="File to write (default: standard output).")
@click.option("--title", default="Timeline", show_default=True, help="Title of the timeline or calendar.")
@click.argument("events", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT)
def export_cmd(fmt: str, output: Path | None, title: str, events: Path) -> None:
    """Export EVENTS (an events file or a folder of them; default: content/events.yaml)."""
    with user_errors():
        data = export_events(load_events(events), fmt, ExportOptions(title=title))
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    _write_bytes(output, data)
    click.echo(f"{output}: {fmt}", err=True)


def _write_bytes(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename: a reader never sees half a file.

    Bytes, not text: the CRLF line ends iCalendar and CSV require must survive as written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


#: The name the ``timeline`` group registers.
export = export_cmd
