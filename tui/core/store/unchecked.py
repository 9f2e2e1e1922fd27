"""Bulk inserts whose parent articles are checked once, not per row.

A big linking round stores ~200k postings and links; SQLite's foreign-key check looked up
each row's articles, half the cost of storing them. Here the check is off for the round's
transactions and its articles are checked in bulk instead, so a row for an article pruned
meanwhile is dropped, never stored dangling.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager


@contextmanager
def parents_unchecked(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Foreign keys off for the transactions opened inside (SQLite fixes the setting for a
    transaction): looking up each inserted row's articles was half of storing a big run's
    postings and links. The caller inserts only rows whose articles it found in the same
    transaction, as the check would have (deletes by others still cascade: theirs is on)."""
    if conn.in_transaction:  # the pragma is a no-op here: nothing to change or restore
        yield conn
        return
    on = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        yield conn
    finally:
        if on:
            conn.execute("PRAGMA foreign_keys = ON")


def missing_articles(conn: sqlite3.Connection, ids: Sequence[int]) -> set[int]:
    """Which of these article ids are gone (pruned meanwhile): one count per 500 ids, and the
    ids themselves only for a chunk that lacks some."""
    gone: set[int] = set()
    for i in range(0, len(ids), 500):
        chunk = list(ids[i:i + 500])
        marks = ",".join("?" * len(chunk))
        if conn.execute(f"SELECT count(*) FROM articles WHERE id IN ({marks})",
                        chunk).fetchone()[0] < len(chunk):
            gone |= set(chunk) - {r[0] for r in conn.execute(
                f"SELECT id FROM articles WHERE id IN ({marks})", chunk)}
    return gone
