"""``timeline check``: validate an events file, one line per problem."""
from __future__ import annotations

from pathlib import Path

import click

from timeline.cli.errors import user_errors
from timeline.cli.extract import DEFAULT_OUTPUT
from timeline.store import check_file


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False), default=DEFAULT_OUTPUT)
def check(file: Path) -> None:
    """Validate the events file (default: content/events.yaml); print FILE:LINE:COL: problems."""
    with user_errors():
        problems = check_file(file)
    for problem in problems:
        click.echo(f"{file}:{problem.line}:{problem.column}: {problem.message}")
    if problems:
        click.echo(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {file}", err=True)
        raise SystemExit(1)
    click.echo(f"{file}: OK")
