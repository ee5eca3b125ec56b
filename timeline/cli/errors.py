"""Turn library errors into click's one-line error messages."""
from __future__ import annotations

import contextlib
from typing import Iterator

import click

from timeline.errors import TimelineError
from timeline.resolver import ResolverDataError


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Inside this block a ``TimelineError`` exits with its message and status 1, and so does
    a malformed resolver data file (someone editing rules or adding a language)."""
    try:
        yield
    except TimelineError as exc:
        raise click.ClickException(str(exc)) from None
    except ResolverDataError as exc:
        raise click.ClickException(f"{exc} (fix that data file, or reinstall timeline)") from None
