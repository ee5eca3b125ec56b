"""The export files (TimelineJS3 JSON, iCalendar, CSV), on disk for MkDocs to copy into the site.

Why on disk: with 100,000 events the three are ~200 MB of text, which would otherwise be
held in memory until MkDocs copies them. Why kept: while serving, a rebuild that did not
change what they show (an article or a page was edited) reuses them instead of exporting
all events again (~1 s at 10,000 events).

Why in a forked child when there are few events: exporting is ~1 s of a 10,000-event build
that nothing else waits for until MkDocs copies the files, so the second core does it while
this one renders pages. Not above ``MAX_FORK_EVENTS``: a child shares the parent's memory,
but counts it again; above it a fresh interpreter is sent the events (``exportjob``). If the
child fails or hangs, the files are written here after all.

Why in parts while serving: after a one-line edit, exporting all 10,000 events again (~1 s
in the child) became the longest step of a rebuild. Each format is a head, one part per
event and a tail (JSON: the parts joined by commas), and an event's part depends only on
the event, the article table and its permalink. So while serving, the child also writes
every event's parts to a file, having checked that head + parts + tail is byte for byte
the whole export of these events; the next rebuild takes the parts of unchanged events
(same ``Event`` object, same permalink, same article table and options) from it, exports
only the other events (each alone, cut the same way) and joins them here.
"""
from __future__ import annotations

import atexit
import os
import pickle
import posixpath
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from timeline.export import ExportOptions, export
from timeline.site import exportjob
from timeline.store import EventsFile

#: Per format: the export's tail after the last event, and what goes between two events.
_TAILS = {"json": (b"]}\n", b","), "ics": (b"END:VCALENDAR\r\n", b""), "csv": (b"", b"")}
_PARTS_FILE = "parts.pickle"

#: Most events for which the exports are written in a forked child.
MAX_FORK_EVENTS = 30_000
#: Longest wait for the child, in seconds, before writing the files here instead.
CHILD_TIMEOUT = 120.0
#: Above this many events an export is written this many events at a time (see _write_chunked).
CHUNK_EVENTS = 10_000


class ExportFiles:
    """A temporary folder with one file per export, valid while its key is unchanged."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.key: tuple | None = None
        self.paths: dict[str, str] = {}
        self._child: int | None = None
        self._spawned: subprocess.Popen | None = None  # above MAX_FORK_EVENTS (see exportjob)
        self._job: tuple | None = None  # what the child writes, to write it here if it fails
        #: serving: the events last exported and each one's parts (see the module docstring)
        self._parts: dict | None = None
        atexit.register(self.remove)  # a serve that ends without on_shutdown, or a test

    def write(self, events_file: EventsFile, exports: dict[str, str], options: ExportOptions,
              key: tuple, *, fork: bool = False, parts: bool = False) -> dict[str, str]:
        """uri -> file for each of ``exports`` (format -> uri); ``key`` holds everything
        besides the events that the files depend on. With ``fork``, the files may still be
        being written until ``wait()``. With ``parts`` (serving), unchanged events' parts
        of the last export are reused."""
        full_key = (events_file, tuple(exports.items()), key)
        if (self.key is not None and self.key[0] is events_file and self.key[1:] == full_key[1:]
                and all(Path(p).is_file() for p in self.paths.values())):
            return self.paths
        previous = self._load_parts() if parts else None
        self.remove()
        if not exports:
            return {}
        self.folder = Path(tempfile.mkdtemp(prefix="timeline-exports-"))
        self.paths = {uri: str(self.folder / posixpath.basename(uri)) for uri in exports.values()}
        self._job = (events_file, exports, options)
        can_fork = fork and hasattr(os, "fork") and sys.platform != "win32"
        if (previous is not None and previous["exports"] == full_key[1] and previous["key"] == key
                and previous["articles"] == events_file.articles
                and self._write_from_parts(previous, events_file, exports, options)):
            self._job = None
        elif can_fork and len(events_file.events) <= MAX_FORK_EVENTS:
            self._child = _fork(lambda: self.write_all(*self._job, parts_key=key if parts else None))
        elif (fork and not parts
              and (spawned := exportjob.spawn((*self._job, self.paths))) is not None):
            self._spawned = spawned
        else:
            self.write_all(*self._job)
            self._job = None
        self.key = full_key
        return self.paths

    @property
    def spawned(self) -> bool:
        """A spawned child is writing the files (see ``exportjob``): they may be copied late."""
        return self._spawned is not None

    def wait(self) -> None:
        """Before MkDocs copies the files: the child's, or written here if it did not finish."""
        if self._spawned is not None:
            ok = _reap_spawned(self._spawned, CHILD_TIMEOUT)
            self._spawned = None
        elif self._child is not None:
            ok = _reap(self._child, CHILD_TIMEOUT)
            self._child = None
        else:
            return
        if not ok or not all(Path(p).is_file() for p in self.paths.values()):
            assert self._job is not None
            self.write_all(*self._job)
        self._job = None

    def write_all(self, events_file: EventsFile, exports: dict[str, str], options: ExportOptions,
                  parts_key: tuple | None = None) -> None:
        """Write every export file of `exports` (format -> URI) now, in this process (also the
        entry point of the export child, ``exportjob``)."""
        for fmt, uri in exports.items():
            if len(events_file.events) > CHUNK_EVENTS and self._write_chunked(uri, events_file, fmt, options):
                continue
            self._put(uri, _bytes(export(events_file, fmt, options)))
        if parts_key is not None:  # serving: each event's parts, for the next rebuild
            cut = {fmt: _event_parts(events_file, fmt, options) for fmt in exports}
            whole = {fmt: None if c is None else c[0] + _TAILS[fmt][1].join(c[1]) + c[2]
                     for fmt, c in cut.items()}
            if all(whole[fmt] == Path(self.paths[uri]).read_bytes() for fmt, uri in exports.items()):
                data = {"exports": tuple(exports.items()), "key": parts_key,
                        "articles": events_file.articles,
                        "links": [_link(options, e.id) for e in events_file.events],
                        "parts": {fmt: c[1] for fmt, c in cut.items()}}
                assert self.folder is not None
                with open(self.folder / (_PARTS_FILE + ".part"), "wb") as handle:
                    pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(self.folder / (_PARTS_FILE + ".part"), self.folder / _PARTS_FILE)

    def _write_chunked(self, uri: str, events_file: EventsFile, fmt: str, options: ExportOptions) -> bool:
        """The export written ``CHUNK_EVENTS`` events at a time: each chunk exported on its
        own (with the whole article table), its head and tail cut off, the bodies joined as
        the format joins events (see ``_TAILS``). Why: a 100,000-event JSON export built
        every event's dict and the whole text before writing, ~400 MB at the build's peak.
        False (nothing written) if a chunk does not have the expected head and tail."""
        tail, joiner = _TAILS[fmt]
        path, articles, events = events_file.path, events_file.articles, events_file.events
        head = _head(events_file, fmt, options)
        if head is None:
            return False
        part = self.paths[uri] + ".part"
        with open(part, "wb") as out:
            out.write(head)
            for start in range(0, len(events), CHUNK_EVENTS):
                data = _bytes(export(EventsFile(path, articles, events[start:start + CHUNK_EVENTS]), fmt, options))
                if not (data.startswith(head) and data.endswith(tail)) or len(data) <= len(head) + len(tail):
                    out.close()
                    os.unlink(part)
                    return False
                if start:
                    out.write(joiner)
                out.write(memoryview(data)[len(head):len(data) - len(tail)])
                del data
            out.write(tail)
        os.replace(part, self.paths[uri])
        return True

    def _put(self, uri: str, data: bytes) -> None:
        part = self.paths[uri] + ".part"  # a child killed mid-write leaves no half file
        Path(part).write_bytes(data)
        os.replace(part, self.paths[uri])

    def _load_parts(self) -> dict | None:
        """The parts of the last export (kept here, or written by the child), with its events."""
        if self._parts is not None:
            return self._parts
        if self.folder is None or self.key is None or self._child is not None:
            return None
        try:
            with open(self.folder / _PARTS_FILE, "rb") as handle:
                data = pickle.load(handle)  # our own child wrote it, in a folder only we use
        except (OSError, pickle.UnpicklingError, EOFError):
            return None
        data["events"] = self.key[0].events
        if len(data["links"]) != len(data["events"]):
            return None
        return data

    def _write_from_parts(self, previous: dict, events_file: EventsFile, exports: dict[str, str],
                          options: ExportOptions) -> bool:
        """The files from the last export's parts and the changed events' own; False (nothing
        written) if an export does not cut into parts as expected."""
        index = {id(event): i for i, event in enumerate(previous["events"])}
        links = [_link(options, e.id) for e in events_file.events]
        new_parts: dict[str, list[bytes]] = {}
        for fmt, uri in exports.items():
            cutter = _Cutter(events_file, fmt, options)
            if cutter.head is None:
                return False
            old_parts, out = previous["parts"][fmt], []
            for event, link in zip(events_file.events, links):
                i = index.get(id(event))
                if i is not None and previous["links"][i] == link:
                    out.append(old_parts[i])
                    continue
                one = cutter.part(event)
                if one is None:
                    return False
                out.append(one)
            new_parts[fmt] = out
            self._put(uri, cutter.head + _TAILS[fmt][1].join(out) + cutter.tail)
        self._parts = {"exports": previous["exports"], "key": previous["key"],
                       "articles": events_file.articles, "events": events_file.events,
                       "links": links, "parts": new_parts}
        return True

    def remove(self) -> None:
        """Delete the files (MkDocs has copied them, or the build failed)."""
        if self._child is not None:
            _reap(self._child, 0)
            self._child = None
        if self._spawned is not None:
            _reap_spawned(self._spawned, 0)
            self._spawned = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        self.folder, self.key, self.paths, self._job, self._parts = None, None, {}, None, None


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


def _reap_spawned(child: subprocess.Popen, timeout: float) -> bool:
    """True if the spawned child exited cleanly within ``timeout`` s; otherwise it is killed."""
    try:
        return child.wait(timeout) == 0
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
        return False


def _link(options: ExportOptions, event_id: str) -> str | None:
    return options.permalink(event_id) if options.permalink else None


class _Cutter:
    """Cuts one format's export into head, one part per event, and tail.

    An event's part is its export alone, less the head and tail; it is made with only the
    articles it cites plus the newest one (the iCalendar DTSTAMP is the newest article's
    day), so that it costs the event's size, not the article table's. Whoever uses the parts
    has checked once that they join into the whole export.
    """

    def __init__(self, events_file: EventsFile, fmt: str, options: ExportOptions) -> None:
        self.path, self.articles, self.fmt, self.options = events_file.path, events_file.articles, fmt, options
        self.tail = _TAILS[fmt][0]
        self.head = _head(events_file, fmt, options)
        newest = None
        for article_id, entry in self.articles.items():
            try:
                day = date.fromisoformat(str(entry.get("published")))
            except ValueError:
                continue
            if newest is None or day > newest[0]:
                newest = (day, article_id)
        self.newest = {} if newest is None else {newest[1]: self.articles[newest[1]]}

    def part(self, event) -> bytes | None:
        if self.head is None:
            return None
        cited = dict(self.newest)
        for source in event.sources:
            if source.article in self.articles:
                cited[source.article] = self.articles[source.article]
        one = _bytes(export(EventsFile(self.path, cited, [event]), self.fmt, self.options))
        if not (one.startswith(self.head) and one.endswith(self.tail)) or len(one) < len(self.head) + len(self.tail):
            return None
        return one[len(self.head):len(one) - len(self.tail)]


def _event_parts(events_file: EventsFile, fmt: str, options: ExportOptions):
    """(head, [each event's part], tail) of the ``fmt`` export, or None."""
    cutter = _Cutter(events_file, fmt, options)
    parts = []
    for event in events_file.events:
        one = cutter.part(event)
        if one is None:
            return None
        parts.append(one)
    return cutter.head, parts, cutter.tail


def _head(events_file: EventsFile, fmt: str, options: ExportOptions) -> bytes | None:
    """What the ``fmt`` export of these articles has before its first event: the export
    with no events, less the format's tail; None if it does not end with that tail."""
    tail = _TAILS[fmt][0]
    empty = _bytes(export(EventsFile(events_file.path, events_file.articles, []), fmt, options))
    return empty[:len(empty) - len(tail)] if empty.endswith(tail) else None


def _bytes(data) -> bytes:
    return data if isinstance(data, bytes) else data.encode("utf-8")
