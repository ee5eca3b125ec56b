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

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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


def build_done() -> None:
    """The build is over: what was set aside may be collected again (serve rebuilds)."""
    gc.unfreeze()
