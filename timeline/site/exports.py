"""The export files (TimelineJS3 JSON, iCalendar, CSV), on disk for MkDocs to copy into the site.

Why on disk: with 100,000 events the three are ~200 MB of text, which would otherwise be
held in memory until MkDocs copies them. Why kept: while serving, a rebuild that did not
change what they show (an article or a page was edited) reuses them instead of exporting
all events again (~1 s at 10,000 events).

Why in a forked child when there are few events: exporting is ~1 s of a 10,000-event build
that nothing else waits for until MkDocs copies the files, so the second core does it while
this one renders pages. Not above ``MAX_FORK_EVENTS``: a child shares the parent's memory,
but counts it again. If the child fails or hangs, the files are written here after all.
"""
from __future__ import annotations

import atexit
import os
import posixpath
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from timeline.export import ExportOptions, export
from timeline.store import EventsFile

#: Most events for which the exports are written in a forked child.
MAX_FORK_EVENTS = 30_000
#: Longest wait for the child, in seconds, before writing the files here instead.
CHILD_TIMEOUT = 120.0


class ExportFiles:
    """A temporary folder with one file per export, valid while its key is unchanged."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.key: tuple | None = None
        self.paths: dict[str, str] = {}
        self._child: int | None = None
        self._job: tuple | None = None  # what the child writes, to write it here if it fails
        atexit.register(self.remove)  # a serve that ends without on_shutdown, or a test

    def write(self, events_file: EventsFile, exports: dict[str, str], options: ExportOptions,
              key: tuple, *, fork: bool = False) -> dict[str, str]:
        """uri -> file for each of ``exports`` (format -> uri); ``key`` holds everything
        besides the events that the files depend on. With ``fork``, the files may still be
        being written until ``wait()``."""
        full_key = (events_file, tuple(exports.items()), key)
        if (self.key is not None and self.key[0] is events_file and self.key[1:] == full_key[1:]
                and all(Path(p).is_file() for p in self.paths.values())):
            return self.paths
        self.remove()
        if not exports:
            return {}
        self.folder = Path(tempfile.mkdtemp(prefix="timeline-exports-"))
        self.paths = {uri: str(self.folder / posixpath.basename(uri)) for uri in exports.values()}
        self._job = (events_file, exports, options)
        if fork and hasattr(os, "fork") and sys.platform != "win32" and len(events_file.events) <= MAX_FORK_EVENTS:
            self._child = _fork(lambda: self._write_all(*self._job))
        else:
            self._write_all(*self._job)
            self._job = None
        self.key = full_key
        return self.paths

    def wait(self) -> None:
        """Before MkDocs copies the files: the child's, or written here if it did not finish."""
        if self._child is None:
            return
        ok = _reap(self._child, CHILD_TIMEOUT)
        self._child = None
        if not ok or not all(Path(p).is_file() for p in self.paths.values()):
            assert self._job is not None
            self._write_all(*self._job)
        self._job = None

    def _write_all(self, events_file: EventsFile, exports: dict[str, str], options: ExportOptions) -> None:
        for fmt, uri in exports.items():
            data = export(events_file, fmt, options)
            part = self.paths[uri] + ".part"  # a child killed mid-write leaves no half file
            Path(part).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
            os.replace(part, self.paths[uri])

    def remove(self) -> None:
        """Delete the files (MkDocs has copied them, or the build failed)."""
        if self._child is not None:
            _reap(self._child, 0)
            self._child = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        self.folder, self.key, self.paths, self._job = None, None, {}, None


def _fork(work) -> int:
    """Run ``work()`` in a child that leaves without running any cleanup; its pid."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            work()
            code = 0
        finally:
            os._exit(code)
    return pid


def _reap(pid: int, timeout: float) -> bool:
    """True if the child exited cleanly within ``timeout`` s; otherwise it is killed."""
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status) == 0
        if time.monotonic() >= deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return False
        time.sleep(0.005)
