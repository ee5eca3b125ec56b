"""While serving: a file whose bytes are what this server last wrote there is not written again.

Why: a rebuild after a one-line edit replays some 2,500 unchanged pages of a 10,000-event
site (see ``pagecache``), and MkDocs then writes each of them again, byte for byte what the
file already holds: ~0.3-0.7 s of a rebuild, more on a busy disk. So while serving (and only
between ``on_env`` and the end of the build), MkDocs' ``write_file`` is wrapped: a write is
skipped when a digest of the bytes equals the digest of the bytes this server last wrote to
that path and the file on disk still has the size and change time it had just after that
write (so a file changed, replaced or deleted by anything else is written). Otherwise it is
written as usual. The site kept across MkDocs' cleaning (``keepsite``) is what makes the old
files still be there; a skipped file counts as written for its pruning.
"""
from __future__ import annotations

import hashlib
import os

import mkdocs.utils


class SkipUnchangedWrites:
    """Wraps ``mkdocs.utils.write_file`` for the length of a build (``install``/``uninstall``)."""

    def __init__(self) -> None:
        #: path -> (digest of the bytes written, size, st_mtime_ns just after writing)
        self.known: dict[str, tuple[bytes, int, int]] = {}
        #: paths not written this build because they were unchanged (they count as written)
        self.skipped: set[str] = set()
        self._original = None

    def install(self) -> None:
        if self._original is None:
            self._original = mkdocs.utils.write_file
            mkdocs.utils.write_file = self._write
        self.skipped = set()

    def uninstall(self) -> None:
        if self._original is not None:
            if mkdocs.utils.write_file == self._write:
                mkdocs.utils.write_file = self._original
            self._original = None

    def unchanged(self, output_path: str, digest: bytes, size: int) -> bool:
        """True (and counted as written) if the file holds the bytes of ``digest`` as this
        server left it; then it need not be written."""
        known = self.known.get(output_path)
        if known is None or known[0] != digest or known[1] != size:
            return False
        try:
            stat = os.stat(output_path)
        except OSError:
            return False
        if stat.st_size != size or stat.st_mtime_ns != known[2]:
            return False
        self.skipped.add(output_path)
        return True

    def _write(self, content: bytes, output_path: str) -> None:
        digest = digest_of(content)
        if self.unchanged(output_path, digest, len(content)):
            return
        assert self._original is not None
        self.known.pop(output_path, None)
        self._original(content, output_path)
        try:
            stat = os.stat(output_path)
        except OSError:
            return
        self.known[output_path] = (digest, len(content), stat.st_mtime_ns)


def digest_of(content: bytes) -> bytes:
    return hashlib.blake2b(content, digest_size=16).digest()
