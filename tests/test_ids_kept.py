"""Migration 0015 (AUTOINCREMENT, a rebuilt articles table) on a cache written before it,
with tags, a saved article, actors, links, a story and the full-text index: everything is
kept under the same ids, and an id pruned afterwards is never given again. Migration 0016
marks what each feed sent as its newest items. Real SQLite files."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui.core.store.db import connect, migrations
from tui.core.store.pruning import prune
from tui.core.store.write_turns import transaction


def _version(name: str) -> int:
    return next(v for v, file, _ in migrations() if name in file)


def _old_cache(path: Path) -> None:
    """A cache as the version before 0015 wrote it."""
    conn = connect(path, migrate_to=_version("article_ids_never_reused") - 1)
    with transaction(conn):
        conn.execute("INSERT INTO feeds(id, url, name, item_count) VALUES (1, 'http://f/', 'F', 2)")
        for i, (title, saved) in enumerate([("Shoigu in Tehran", 1), ("Kursk raid", 0),
                                            ("Lavrov talks", 0)], 1):
            conn.execute("INSERT INTO articles(id, key, title, body, published, first_seen, "
                         "saved) VALUES (?, ?, ?, 'text', ?, '2024-08-06T00:00:00Z', ?)",
                         (i, f"k{i}", title, f"2024-08-0{i}T00:00:00Z", saved))
            conn.execute("INSERT INTO article_feeds(article_id, feed_id) VALUES (?, 1)", (i,))
        conn.execute("INSERT INTO tags(article_id, key, tag) VALUES (1, 'iran', 'Iran')")
        conn.execute("INSERT INTO actor_mentions VALUES (2, 'valery-gerasimov', 1, '[]')")
        conn.execute("INSERT INTO links VALUES (2, 3, 0.9, '[]')")
        conn.execute("INSERT INTO stories VALUES (7, 'Kursk', '2024-08-02', '2024-08-03')")
        conn.execute("INSERT INTO story_articles(story_id, article_id) VALUES (7, 2), (7, 3)")
    conn.close()


def test_an_old_cache_keeps_every_row_and_ids_are_never_reused(tmp_path: Path) -> None:
    _old_cache(tmp_path / "old.sqlite3")
    path = tmp_path / "copy.sqlite3"
    shutil.copy(tmp_path / "old.sqlite3", path)  # the upgrade runs on a copy: the old stays
    conn = connect(path)
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [tuple(r) for r in conn.execute("SELECT id, title, saved FROM articles ORDER BY id")] \
        == [(1, "Shoigu in Tehran", 1), (2, "Kursk raid", 0), (3, "Lavrov talks", 0)]
    assert [tuple(r) for r in conn.execute("SELECT article_id, tag FROM tags")] == [(1, "Iran")]
    assert conn.execute("SELECT count(*) FROM actor_mentions").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM links").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 2
    assert [r[0] for r in conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'kursk'")] == [2]
    # the feed's two newest items stand for what it sent; the oldest (saved) was not
    assert [tuple(r) for r in conn.execute(
        "SELECT article_id, in_feed FROM article_feeds ORDER BY article_id")] \
        == [(1, 0), (2, 1), (3, 1)]
    with transaction(conn):
        conn.execute("UPDATE article_feeds SET in_feed = 0")  # the feed dropped them
    assert prune(conn, 30, listed=[1]) == 2  # the saved one stays
    assert conn.execute("SELECT count(*) FROM links").fetchone()[0] == 0  # cascades work
    with transaction(conn):
        conn.execute("INSERT INTO articles(key, title, published, first_seen) "
                     "VALUES ('k4', 'New', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")
    assert conn.execute("SELECT id FROM articles WHERE key = 'k4'").fetchone()[0] == 4
    conn.close()


def test_a_migration_that_fails_leaves_the_cache_as_it_was(tmp_path: Path) -> None:
    """The rebuild is one transaction: a clash midway leaves schema 14 and every row."""
    import pytest

    from tui.core.store.db import StoreError

    path = tmp_path / "old.sqlite3"
    _old_cache(path)
    before = _version("article_ids_never_reused") - 1
    conn = connect(path, migrate_to=before)
    with transaction(conn):  # a table in the way of the copy: the step fails at its start
        conn.execute("CREATE TABLE articles_kept_ids (x)")
    conn.close()
    with pytest.raises(StoreError, match="left at schema"):
        connect(path)
    import sqlite3

    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == before
    assert raw.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert raw.execute("SELECT count(*) FROM tags").fetchone()[0] == 1
