"""Short write transactions that take turns: BEGIN IMMEDIATE ... COMMIT, and the small
protocol that keeps a long loop of writes (a cron fetch) from starving a keypress's write."""

from __future__ import annotations

import _thread  # threading's local and get_ident, without loading threading
import os
import sqlite3
import time
from contextlib import contextmanager

TYPE_CHECKING = False
if TYPE_CHECKING:  # (a write of an all-304 fetch loads neither: typing loads re)
    from collections.abc import Iterator
    from pathlib import Path

BUSY_TIMEOUT_MS = 30_000
YIELD_S = 0.12  # a writer that others wait for leaves the lock free this long (> busy poll)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error (including KeyboardInterrupt)."""
    if conn.in_transaction:  # nested use joins the outer transaction
        yield conn
        return
    begun = time.monotonic()
    _begin(conn)
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    _step_aside(conn, begun)


@contextmanager
def if_free(conn: sqlite3.Connection) -> Iterator[bool]:
    """A transaction only if the write lock is free now (yields False, and writes nothing,
    when another writer holds it): for writes that may be skipped rather than waited for."""
    if not _begin_now(conn):
        yield False
        return
    try:
        yield True
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# SQLite's write lock is not fair: a waiting writer polls every <= 100 ms, while a loop of
# transactions (a cron fetch storing feeds and analysis batches) re-takes the lock within
# microseconds, starving the app's one-row triage writes until "database is locked". So a
# writer that finds the lock taken says so with a small file beside the cache while it waits,
# and a writer in such a loop that sees the file after its COMMIT leaves the lock free for a
# moment. With nobody waiting a bulk ingest never sleeps; a lone write (a keypress) never does.
_WANT = ".want-"
_STALE_WANT_S = BUSY_TIMEOUT_MS / 1000 + 5  # nobody waits longer: a file this old was left


def db_file(conn: sqlite3.Connection) -> Path | None:
    """The file behind a connection (None for an in-memory database)."""
    from pathlib import Path  # a write that waits, or loops: an all-304 fetch's does neither

    row = conn.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row is not None and row[2] else None


def _begin_now(conn: sqlite3.Connection) -> bool:
    """BEGIN IMMEDIATE if the write lock is free now; False (no transaction) if it is held."""
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
        return True
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _begin(conn: sqlite3.Connection) -> None:
    if _begin_now(conn):
        return
    db = db_file(conn)
    want = db.with_name(f"{db.name}{_WANT}{os.getpid()}-{_thread.get_ident()}") if db else None
    try:
        if want is not None:
            want.touch()
    except OSError:  # a read-only folder: wait unannounced, as SQLite alone would
        want = None
    try:
        conn.execute("BEGIN IMMEDIATE")
    finally:
        if want is not None:
            want.unlink(missing_ok=True)


def _someone_waits(db: Path) -> bool:
    prefix = db.name + _WANT
    try:
        entries = [e for e in os.scandir(db.parent) if e.name.startswith(prefix)]
    except OSError:
        return False
    now = time.time()
    waiting = False
    for entry in entries:
        try:
            if now - entry.stat().st_mtime > _STALE_WANT_S:
                os.unlink(entry.path)
            else:
                waiting = True
        except OSError:
            continue
    return waiting


_last_commit = _thread._local()


def _step_aside(conn: sqlite3.Connection, begun: float) -> None:
    looping = begun - getattr(_last_commit, "at", float("-inf")) < YIELD_S
    if looping and (db := db_file(conn)) is not None and _someone_waits(db):
        time.sleep(YIELD_S)
    _last_commit.at = time.monotonic()
