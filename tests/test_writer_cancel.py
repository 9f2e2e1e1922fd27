"""The refresh's Writer when the refresh itself is cancelled (Ctrl-C, SIGTERM) while it closes
the writer: the cancellation goes on after the queued results are written. It was swallowed
(`suppress(CancelledError)` around the wait for the writer's own task), so, by timing, an
interrupted `newsdesk fetch` or demo went on and ended 0 as if it had finished."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

from tui.core.refresh.writer import Writer


def _table() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (v INTEGER)")
    return conn


def _insert(conn: sqlite3.Connection, value: int) -> int:
    conn.execute("INSERT INTO t VALUES (?)", (value,))
    return value


def test_a_cancellation_during_close_goes_on_and_what_was_queued_is_written() -> None:
    conn = _table()

    async def main() -> None:
        writer = Writer(conn)
        queued = asyncio.ensure_future(writer.call(_insert, 1))
        await asyncio.sleep(0)  # the job is queued, not yet written

        async def closing() -> str:
            await writer.close()
            return "went on as if finished"

        closer = asyncio.ensure_future(closing())
        await asyncio.sleep(0)  # the closer waits for the writer's task to end
        closer.cancel()
        with pytest.raises(asyncio.CancelledError):
            await closer
        queued.cancel()

    asyncio.run(main())
    assert conn.execute("SELECT v FROM t").fetchall() == [(1,)]


def test_a_plain_close_writes_what_is_queued() -> None:
    conn = _table()

    async def main() -> None:
        writer = Writer(conn)
        queued = asyncio.ensure_future(writer.call(_insert, 2))
        await asyncio.sleep(0)
        await writer.close()
        assert await queued == 2

    asyncio.run(main())
    assert conn.execute("SELECT v FROM t").fetchall() == [(2,)]
