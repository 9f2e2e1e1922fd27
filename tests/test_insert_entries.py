"""Storing a feed's entries: new articles are inserted several rows per statement (the
full-text trigger's cost is per statement), and each id must still belong to its own entry."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.core.store.articles import insert_entries
from tui.core.store.db import connect
from tui.core.store.entries import NewEntry
from tui.core.store.write_turns import transaction


def _entry(n: int, *, key: str | None = None, url: str | None = None,
           shared: bool = False) -> NewEntry:
    return NewEntry(key=key or f"guid:{n}", url=url or f"http://127.0.0.1/a/{n}",
                    title=f"Dispatch number {n} from the harbour", author=None,
                    summary=f"Word{n} summary", feed_content=None,
                    published="2025-03-01T00:00:00Z", lang="en", body=f"Body word{n} here.",
                    body_source="summary", shared_link=shared)


def _feeds(conn: sqlite3.Connection, *names: str) -> list[int]:
    with transaction(conn):
        return [int(conn.execute("INSERT INTO feeds(url, name) VALUES(?, ?)",
                                 (f"http://127.0.0.1/{n}.xml", n)).lastrowid or 0) for n in names]


def test_ids_match_their_entries_across_statement_chunks(tmp_path: Path) -> None:
    conn = connect(tmp_path / "cache.db")
    one, two = _feeds(conn, "one", "two")
    entries = [_entry(n) for n in range(150)]  # more than two statements' worth of rows
    entries.insert(10, _entry(3))  # the same guid twice in one feed: stored once
    entries.insert(20, _entry(999, url="http://127.0.0.1/a/5"))  # a known url: same article
    with transaction(conn):
        ids = insert_entries(conn, one, entries, ["Harbour"])
    assert len(ids) == 150
    for n, article_id in enumerate(ids):
        title, body, key = conn.execute("SELECT title, body, key FROM articles WHERE id = ?",
                                        (article_id,)).fetchone()
        assert (key, title, body) == (f"guid:{n}", f"Dispatch number {n} from the harbour",
                                      f"Body word{n} here.")
    hits = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'word77'")
    assert [r[0] for r in hits] == [ids[77]]
    assert conn.execute("SELECT count(*) FROM tags WHERE tag = 'Harbour'").fetchone()[0] == 150
    # A second feed carrying some of the same stories links them, tags them, inserts none.
    with transaction(conn):
        again = insert_entries(conn, two, [_entry(n) for n in range(140, 152)], ["harbour"])
    assert len(again) == 2
    linked = conn.execute("SELECT count(*) FROM article_feeds WHERE feed_id = ?",
                          (two,)).fetchone()[0]
    assert linked == 12
    assert conn.execute("SELECT count(DISTINCT tag) FROM tags").fetchone()[0] == 1


def test_a_shared_link_identifies_no_article(tmp_path: Path) -> None:
    conn = connect(tmp_path / "cache.db")
    (feed,) = _feeds(conn, "one")
    shared = "http://127.0.0.1/live"
    with transaction(conn):
        ids = insert_entries(conn, feed, [_entry(n, url=shared, shared=True) for n in range(3)],
                             want_pages=True)
    assert len(ids) == 3
    rows = [tuple(r) for r in conn.execute(
        "SELECT page_due, extract_error IS NOT NULL FROM articles")]
    assert rows == [(0, 1)] * 3
