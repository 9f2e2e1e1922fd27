"""Weighed link features in their own table (migration 0021): a cache linked by the previous
schema upgrades with every tag, saved article, link and story kept, its weighed features
moved as they were, and links as before; the writer never rewrites an indexed row to weigh
it. Real SQLite, the real linker."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.test_related import PEZ, SHOIGU, VISIT, _add
from tui.core.linking import index
from tui.core.store import coverage
from tui.core.store.db import connect
from tui.core.store.write_turns import transaction

BEFORE = 20  # the schema whose link_features held the weighed features and their docs
COPIED = ("links", "stories", "story_articles", "link_keys", "link_df")


def _articles(conn: sqlite3.Connection) -> tuple[int, int, int, int]:
    """Two reports of one visit, an unrelated one, and one stored but never weighed (a run
    killed between storing and weighing); a tag and a saved flag of the user's."""
    conn.execute("INSERT INTO feeds(id, url, name) VALUES(1, 'u1', 'One'), (2, 'u2', 'Two')")
    a = _add(conn, "a", 1, "Shoigu lands in Tehran", VISIT, "2024-08-05T10:00:00Z",
             [SHOIGU, PEZ])
    b = _add(conn, "b", 2, "Shoigu holds Tehran talks", VISIT + " Moscow sent him.",
             "2024-08-05T18:00:00Z", [SHOIGU, PEZ])
    c = _add(conn, "c", 2, "Central bank cuts rates", "Turkey's central bank cut rates.",
             "2024-08-05T12:00:00Z")
    d = _add(conn, "d", 1, "Shoigu leaves Tehran", VISIT, "2024-08-06T09:00:00Z", [SHOIGU])
    conn.execute("INSERT INTO tags(article_id, key, tag) VALUES(?, 'iran', 'Iran')", (a,))
    conn.execute("UPDATE articles SET saved = 1 WHERE id = ?", (b,))
    return a, b, c, d


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in conn.execute(sql)]


def test_a_cache_linked_by_the_previous_schema_upgrades_and_keeps_everything(
        tmp_path: Path) -> None:
    now = connect(tmp_path / "now.sqlite3")
    with transaction(now):
        a, b, c, d = _articles(now)
        index.index_articles(now, [a, b, c])
        index.store_raw(now, index.load_raw(now, [d]), [d])  # counted, not weighed
    weighed = _rows(now, "SELECT * FROM link_weighed ORDER BY 1")
    assert [row[0] for row in weighed] == [a, b, c]
    raws = _rows(now, "SELECT article_id, published, df_keys, raw FROM link_features "
                      "ORDER BY 1")
    assert len(raws) == 4

    old = connect(tmp_path / "old.sqlite3", migrate_to=BEFORE)
    with transaction(old):
        assert _articles(old) == (a, b, c, d)
        features = {row[0]: (row[2], row[3]) for row in weighed}  # docs, JSON
        old.executemany("INSERT INTO link_features(article_id, published, features, df_keys, "
                        "raw, docs) VALUES(?, ?, ?, ?, ?, ?)",
                        [(aid, published, features.get(aid, (0, ""))[1], keys, raw,
                          features.get(aid, (0, ""))[0])
                         for aid, published, keys, raw in raws])
        for table in COPIED:
            for row in now.execute(f"SELECT * FROM {table}"):
                old.execute(f"INSERT INTO {table} VALUES({','.join('?' * len(row))})",
                            tuple(row))
    old.close()

    up = connect(tmp_path / "old.sqlite3")
    assert _rows(up, "SELECT * FROM link_weighed ORDER BY 1") == weighed
    assert [r[1] for r in up.execute("PRAGMA table_info(link_features)")] == [
        "article_id", "published", "df_keys", "raw"]
    assert _rows(up, "SELECT article_id, published, df_keys, raw FROM link_features "
                     "ORDER BY 1") == raws
    for table in COPIED:
        assert sorted(_rows(up, f"SELECT * FROM {table}")) == sorted(
            _rows(now, f"SELECT * FROM {table}")), table
    assert _rows(up, "SELECT article_id, tag FROM tags") == [(a, "Iran")]
    assert _rows(up, "SELECT id FROM articles WHERE saved = 1") == [(b,)]
    assert up.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert up.execute("PRAGMA foreign_key_check").fetchone() is None
    assert [(r.id, r.score, r.reasons) for r in coverage.related(up, a)] == [
        (r.id, r.score, r.reasons) for r in coverage.related(now, a)]
    assert [r.id for r in coverage.related(up, a)] == [b]

    for conn in (now, up):  # the killed run's article, linked by the next run, alike
        with transaction(conn):
            index.index_articles(conn, [d])
    for sql in ("SELECT * FROM link_weighed ORDER BY 1", "SELECT * FROM links ORDER BY 1, 2",
                "SELECT * FROM story_articles ORDER BY 1, 2"):
        assert _rows(up, sql) == _rows(now, sql), sql
    assert d in [r.id for r in coverage.related(up, a)]


def test_weighing_leaves_the_stored_rows_alone_and_forgetting_takes_both(
        tmp_path: Path) -> None:
    """The raw row is written once; weighing adds a row beside it (an UPDATE rewrote the
    whole ~2.7 KB row through the WAL). An article analysed again loses both; one deleted
    takes its weighed row with it."""
    conn = connect(tmp_path / "c.sqlite3")
    with transaction(conn):
        a, b, c, d = _articles(conn)
        index.store_raw(conn, index.load_raw(conn, [a, b, c, d]), [a, b, c, d])
    conn.execute("CREATE TABLE touched(article_id INTEGER)")
    conn.execute("CREATE TEMP TRIGGER seen AFTER UPDATE ON link_features BEGIN "
                 "INSERT INTO touched VALUES(new.article_id); END")
    with transaction(conn):
        index.reweigh(conn, [a, b, c, d])
    assert conn.execute("SELECT count(*) FROM touched").fetchone()[0] == 0
    assert [r[0] for r in conn.execute("SELECT article_id FROM link_weighed ORDER BY 1")] == [
        a, b, c, d]
    with transaction(conn):
        index.store_raw(conn, index.load_raw(conn, [a]), [a])  # its body changed
        conn.execute("DELETE FROM articles WHERE id = ?", (c,))
    assert [r[0] for r in conn.execute("SELECT article_id FROM link_weighed ORDER BY 1")] == [
        b, d]
