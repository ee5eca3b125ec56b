"""Keep Python's cycle collector off the events while a build works on them.

Why: reading 100,000 events and planning their pages creates millions of objects that live
until the build ends. While they pile up the collector scans every one of them again and
again (each full pass ~0.6 s at that size; ~11 s of a 100,000-event build), and once they
are loaded every later full pass rescans them although none of them can be garbage yet.
So the collector pauses while they are made, and after that they are set aside
(``gc.freeze``) until the build ends; the collector keeps running for everything else.
Reference counting frees acyclic garbage as usual either way.
"""
from __future__ import annotations

import atexit
import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache


@contextmanager
def loading(*, freeze: bool = True) -> Iterator[None]:
    """No cycle collection while the body runs; afterwards, with ``freeze``, what it made is
    set aside. Not while serving: once unfrozen, the previous build's pages would wait for a
    full pass that comes late, and memory would grow by a build's worth each time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
    if freeze:
        gc.freeze()


def pages_made() -> None:
    """A build's pages are read (MkDocs' ``Page`` objects, their HTML, navigation, tables of
    contents): they live until the build ends too, so they are set aside as well. Why: the
    collections that writing 25,000 pages triggers would otherwise each rescan them (100,000
    events: ~3 s of full passes)."""
    gc.freeze()


@cache  # registered once per process
def no_collection_at_exit() -> None:
    """When the process ends, what is still alive is not collected object by object.

    Why: after ``mkdocs build`` of 100,000 events ~1.5 million objects are still alive (MkDocs
    keeps its plugins, their pages and the events for the life of the process), and the
    interpreter's last collection and teardown of them took ~5 s after the build had ended;
    the system takes the memory back at once. Set aside at exit (``gc.freeze`` in an
    ``atexit`` handler) they are skipped; nothing changes while the process runs."""
    atexit.register(gc.freeze)


def build_done() -> None:
    """The build is over: what was set aside may be collected again (serve rebuilds)."""
    gc.unfreeze()


class IdleCollector:
    """While serving: a full collection once a build is over and nothing happens, then what
    is left is set aside (``gc.freeze``) until the next idle moment.

    Why: during a serve rebuild after an edit, a full pass over the ~250,000 objects a
    10,000-event site keeps between builds (events, kept pages) costs ~0.25 s, and one comes
    every other rebuild or so. Done ``delay`` seconds after a build, while the server waits
    for the next change, the pass costs nobody anything; and with those objects set aside,
    the collections a rebuild triggers scan only what it made. Each idle pass first puts back
    what the last one set aside, so the garbage of every build is collected at the next one.
    """

    def __init__(self, delay: float = 0.5) -> None:
        self.delay = delay
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def schedule(self) -> None:
        self.cancel()
        timer = threading.Timer(self.delay, self._collect)
        timer.daemon = True
        with self._lock:
            self._timer = timer
        timer.start()

    def cancel(self) -> None:
        with self._lock:
            timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()

    def _collect(self) -> None:
        with self._lock:
            if self._timer is None:
                return  # cancelled: a build has started
            self._timer = None
            gc.unfreeze()
            gc.collect()
            gc.freeze()
