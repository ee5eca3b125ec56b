"""Errors a user can cause, carrying where the problem is and what to do about it.

The library raises these; the CLI prints them as one line and the MkDocs plugin re-raises
them as ``PluginError``. Neither shows a traceback for them.
"""
from __future__ import annotations

from pathlib import Path


class TimelineError(Exception):
    """A problem in the user's input: a file, an optional position, a message and a hint."""

    def __init__(self, message: str, *, path: str | Path | None = None,
                 line: int | None = None, column: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.hint = hint

    def location(self) -> str:
        """``FILE:LINE:COL`` with whatever parts are known."""
        parts = [p for p in (self.path, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)

    def __str__(self) -> str:
        where = self.location()
        text = f"{where}: {self.message}" if where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class ArticleError(TimelineError):
    """An article that cannot be read or has no usable publication date."""


class StoreError(TimelineError):
    """An events file that cannot be read, parsed or validated."""
