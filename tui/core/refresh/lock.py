"""One refresh at a time per cache: two overlapping cron runs (or a cron run and the reader's
R) fetched the same pages twice, each unaware of the other. A `flock` on a file in the cache
folder says who has it; the kernel lets go of it when its process ends, however it ends
(`kill -9` included), so a stale lock cannot be left behind."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = "refresh.lock"


class RefreshBusy(Exception):
    """Another process is refreshing this cache; `pid` is its process id (0: unknown)."""

    def __init__(self, pid: int) -> None:
        who = f" (pid {pid})" if pid else ""
        super().__init__(f"another fetch is running on this cache{who}")
        self.pid = pid


@contextlib.contextmanager
def refresh_lock(folder: Path) -> Iterator[None]:
    """Held while a refresh runs; RefreshBusy at once when another process holds it. A
    folder where the file cannot be made (a read-only cache) takes no lock: nothing can
    refresh there, and the refresh says why."""
    try:
        fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RefreshBusy(_holder(fd)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # the lock goes with it


def _holder(fd: int) -> int:
    try:
        return int(os.pread(fd, 32, 0).decode().strip() or 0)
    except (OSError, ValueError):
        return 0


@contextlib.contextmanager
def lock_if_free(folder: Path) -> Iterator[bool]:
    """The lock while inside when no one holds it (True), else nothing (False), at once:
    for work a running fetch does anyway (analysing a page the reader stored)."""
    try:
        with refresh_lock(folder):
            yield True
            return
    except RefreshBusy:
        pass
    yield False


def holder(folder: Path) -> RefreshBusy | None:
    """Who refreshes this cache now, or None: asked without keeping the lock."""
    try:
        with refresh_lock(folder):
            return None
    except RefreshBusy as busy:
        return busy
