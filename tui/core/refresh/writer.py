"""The refresh's writes, several results per transaction.

A transaction per feed and per page meant 200 commits for an unchanged refresh and 2,000 for
2,000 pages: each commit writes its pages to the WAL again and closes a small full-text segment
that has to be merged later. Here every write is queued, and the writer task writes all that
is queued in one transaction: while one transaction is written, the event loop stops, and the
feeds and pages that arrive meanwhile go into the next one together. Pages come back from the
workers one at a time, though, so that alone wrote nearly every page in its own transaction
(1,721 for 2,040 results): in a refresh, a writer woken with less than a batch queued waits up
to `GATHER_S` for more (a commit and its full-text segment cost ~0.7 ms, twice a page's
writes; 2,040 results now take ~150 transactions). A result is reported stored only once its
transaction has committed. Each write runs in its own savepoint, so one that fails costs only
its own result; `MAX_BATCH` bounds what a crash could lose.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from tui.core.store.write_turns import transaction

T = TypeVar("T")
MAX_BATCH = 32
GATHER_S = 0.05  # a refresh's writer with less than MAX_BATCH queued waits this long for more
_Job = tuple[Callable[..., Any], tuple[Any, ...], "asyncio.Future[Any]"]


class Writer:
    """`await writer.call(fn, *args)` runs `fn(conn, *args)` and returns once it committed."""

    def __init__(self, conn: sqlite3.Connection, gather_s: float = 0.0,
                 more_coming: Callable[[], bool] = lambda: True) -> None:
        self.conn = conn
        self.gather_s = gather_s  # 0: write what is queued at once (one page the reader asked)
        self._more = more_coming  # False: no other result is on its way, nothing to wait for
        self._jobs: list[_Job] = []
        self._wake = asyncio.Event()
        self._full = asyncio.Event()  # a batch is queued, or the last result: no more waiting
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._jobs.append((fn, args, future))
        self._wake.set()
        if len(self._jobs) >= MAX_BATCH or not self._more():
            self._full.set()
        return await future

    async def close(self) -> None:
        """Stop the writer task and write whatever is still queued. A cancellation of the
        closing task itself (Ctrl-C) goes on once that is written: swallowed here, it let an
        interrupted fetch end as if it had finished."""
        self._task.cancel()
        try:
            await self._task
        except asyncio.CancelledError:
            closing = asyncio.current_task()
            if closing is not None and closing.cancelling():
                self._write_queued()
                raise
        self._write_queued()

    def _write_queued(self) -> None:
        while self._jobs:
            self._write_batch()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            await asyncio.sleep(0)  # what the tasks ready now are about to queue joins in
            if self.gather_s and len(self._jobs) < MAX_BATCH and self._more():
                self._full.clear()
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self.gather_s):
                        await self._full.wait()
            while self._jobs:
                self._write_batch()

    def _write_batch(self) -> None:
        batch, self._jobs = self._jobs[:MAX_BATCH], self._jobs[MAX_BATCH:]
        outcomes: list[tuple[bool, Any]] = []
        try:
            with transaction(self.conn):
                for fn, args, _future in batch:
                    self.conn.execute("SAVEPOINT job")
                    try:
                        outcomes.append((True, fn(self.conn, *args)))
                    except Exception as exc:
                        self.conn.execute("ROLLBACK TO job")
                        outcomes.append((False, exc))
                    self.conn.execute("RELEASE job")
        except Exception as exc:  # the commit itself failed: nothing of the batch is stored
            outcomes = [(False, exc)] * len(batch)
        for (_fn, _args, future), (ok, value) in zip(batch, outcomes, strict=True):
            if future.cancelled():
                continue
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)
