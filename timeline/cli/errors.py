"""Turn library errors into click's one-line error messages."""
from __future__ import annotations

import contextlib
from typing import Iterator

import click

from timeline.errors import TimelineError


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Inside this block a ``TimelineError`` exits with its message and status 1."""
    try:
        yield
    except TimelineError as exc:
        raise click.ClickException(str(exc)) from None
