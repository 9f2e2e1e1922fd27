"""One refresh at a time per cache: two overlapping cron runs (or a cron run and the reader's
R) fetched the same pages twice, each unaware of the other. A `flock` on a file in the cache
folder says who has it; the kernel lets go of it when its process ends, however it ends
(`kill -9` included), so a stale lock cannot be left behind."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

LOCK_NAME = "refresh.lock"


LONG = 3600.0  # seconds: a fetch holding the cache longer is stuck on something, not busy


class RefreshBusy(Exception):
    """Another process is refreshing this cache; `pid` is its process id (0: unknown),
    `held_for` how long it has (the lock file's time, written as it took it). `long`: over
    an hour, which a cron `fetch --quiet` says where it keeps quiet about a running one."""

    def __init__(self, pid: int, held_for: float = 0.0) -> None:
        self.pid, self.held_for = pid, held_for
        self.long = held_for >= LONG
        said = [f"pid {pid}"] if pid else []
        if self.long:
            said.append(f"for {int(held_for // 3600)} h")
        who = f" ({', '.join(said)})" if said else ""
        super().__init__(f"another fetch is running on this cache{who}")


@contextlib.contextmanager
def refresh_lock(folder: str | Path) -> Iterator[None]:
    """Held while a refresh runs; RefreshBusy at once when another process holds it. A
    folder where the file cannot be made (a read-only cache) takes no lock: nothing can
    refresh there, and the refresh says why."""
    try:
        fd = os.open(os.path.join(folder, LOCK_NAME), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RefreshBusy(_holder(fd), _held_for(fd)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # the lock goes with it


def _held_for(fd: int) -> float:
    try:
        return max(0.0, time.time() - os.fstat(fd).st_mtime)
    except OSError:
        return 0.0


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
