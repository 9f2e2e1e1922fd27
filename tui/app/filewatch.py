"""Whether a user's file (feeds.toml, actors.toml) changed since it was last looked at.

A stat (modification time and size) says so at almost no cost, but not always: a file system
keeps times to its own tick (a second on some), so an edit that keeps the size and comes
within the tick of the last one looks unchanged, and stayed unseen until the next edit (a
feed renamed to a name as long, twice in a second). While the time it gives is that recent,
the bytes are compared too, as git treats a "racily clean" file: at every poll until a
comparison made once that time is old (not while it is young only: actors.toml is not polled
while its re-match runs, and an edit within the tick of the one that started it was missed
when the job outlasted the window)."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

RACY_SECONDS = 10.0
"""How long after its modification time a file with an unchanged stat is read and compared:
beyond any file system's tick, and beyond a poll delayed by a busy machine."""


class FileWatch:
    """`changed()` at each poll: True once for each change of the file at `path`. With
    `gone_counts`, the file removed is a change too (actors.toml: the bundled actors again);
    without, a missing file is asked again at the next poll (feeds.toml being replaced)."""

    def __init__(self, path: Path | None, *, gone_counts: bool = False) -> None:
        self.path = path
        self.gone_counts = gone_counts
        self._stamp: tuple[int, int, int] | None = None
        self._digest: bytes | None = None
        self.seen()

    def seen(self) -> None:
        """The file as it is now counts as seen (it was just read, or never was)."""
        self._stamp = self._stat()
        self._digest = self._read() if self._racy(self._stamp) else None

    def changed(self) -> bool:
        stamp = self._stat()
        if stamp is None:  # none (yet), or being replaced: asked again at the next poll
            gone = self.gone_counts and self._stamp is not None
            self._stamp = None if gone else self._stamp
            self._digest = None if gone else self._digest
            return gone
        if stamp != self._stamp:
            self._stamp = stamp
            self._digest = self._read() if self._racy(stamp) else None
            return True
        if self._digest is None:  # its time was old when last looked at: an edit since
            return False  # gave it a new one
        digest = self._read()
        if digest is None:
            return False
        edited, self._digest = digest != self._digest, digest
        if not self._racy(stamp):  # compared once after its time grew old: no edit since
            self._digest = None  # can keep the stat
        return edited

    def _stat(self) -> tuple[int, int, int] | None:
        if self.path is None:
            return None
        try:
            found = os.stat(self.path)
        except OSError:
            return None
        return found.st_mtime_ns, found.st_size, found.st_ino

    def _racy(self, stamp: tuple[int, int, int] | None) -> bool:
        return stamp is not None and time.time_ns() - stamp[0] < RACY_SECONDS * 1e9

    def _read(self) -> bytes | None:
        if self.path is None:
            return None
        try:
            return hashlib.blake2b(self.path.read_bytes(), digest_size=16).digest()
        except OSError:
            return None
