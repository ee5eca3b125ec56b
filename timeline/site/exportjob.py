"""Write the exports in a fresh interpreter that is handed the events, for large timelines.

Why: with 100,000 events the exports are ~6 s of a build that nothing waits for until MkDocs
copies the files, but a forked child counts the parent's ~450 MB again in the process tree's
memory (``exports.MAX_FORK_EVENTS``). A new interpreter holds only what it is sent: the
events and articles (pickled down a pipe, ~1 s here against ~6 s of exporting), the options
and the file paths. It writes the files as ``ExportFiles`` would here; if it fails, the
parent writes them after all (``ExportFiles.wait``).
"""
from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import timeline

#: The folder ``timeline`` is imported from, so the child runs this very code.
_ROOT = str(Path(timeline.__file__).resolve().parent.parent)
_CHILD = "import sys; sys.path.insert(0, sys.argv[1]); from timeline.site.exportjob import main; main()"


@dataclass(frozen=True)
class Permalinks:
    """Event id -> its URL on the published site (a function a child can be sent)."""

    site_url: str
    urls: dict[str, str]

    def __call__(self, event_id: str) -> str:
        return self.site_url.rstrip("/") + "/" + self.urls.get(event_id, "")


def spawn(job: tuple) -> subprocess.Popen | None:
    """Start a child writing ``job`` (events file, exports, options, paths); None if it
    could not be started or sent the job (then write the files here)."""
    try:
        child = subprocess.Popen([sys.executable, "-c", _CHILD, _ROOT], stdin=subprocess.PIPE,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True)
    except OSError:
        return None
    assert child.stdin is not None
    try:
        pickle.dump(job, child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        child.stdin.close()
    except (OSError, pickle.PicklingError):
        child.kill()
        child.wait()
        return None
    return child


def main() -> None:
    """The child: read the job from stdin, write the files, leave without cleanup."""
    from timeline.site.exports import ExportFiles

    gc.disable()  # everything read lives until the end
    events_file, exports, options, paths = pickle.load(sys.stdin.buffer)
    files = ExportFiles()
    files.paths = paths
    files.write_all(events_file, exports, options)
    sys.stdout.flush()
    os._exit(0)  # no atexit: the parent owns the folder
