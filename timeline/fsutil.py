"""File writing that never leaves a half-written file behind."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, text: str, newline: str = "\n") -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename.

    A process killed mid-write leaves either the old file or the new one, whole.
    ``newline``: what each "\n" of ``text`` becomes in the file.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def line_end_of(path: str | Path) -> str:
    """The line end a text file uses ("\r\n" or "\n"; "\n" when it has none or is missing).

    Why: a file someone edits on Windows keeps its CRLF line ends when it is rewritten,
    so a version-control diff shows the lines that changed, not every line.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 16)
    except OSError:
        return "\n"
    first = head.find(b"\n")
    return "\r\n" if first > 0 and head[first - 1:first] == b"\r" else "\n"
