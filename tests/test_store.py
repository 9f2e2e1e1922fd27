"""The cache file: migrations one step at a time with data kept, a newer or foreign or damaged
file handled with a clear message and a backup, and concurrent first opens."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from tui.core.config.loader import parse_config
from tui.core.desk import Desk
from tui.core.store.db import (
    DB_NAME,
    StoreError,
    _statements,
    connect,
    latest_version,
    migrations,
    register_functions,
)
from tui.core.store.write_turns import transaction

LATEST = latest_version()


def _seed(conn: sqlite3.Connection) -> None:
    """User state that every migration must keep: an article, its tag, its saved flag."""
    with transaction(conn):
        conn.execute("INSERT INTO feeds(url, name) VALUES('http://127.0.0.1/f', 'F')")
        conn.execute("INSERT INTO articles(key, url, title, published, first_seen, saved, read) "
                     "VALUES('guid:1', 'http://127.0.0.1/1', 'Kept title', "
                     "'2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 1, 1)")
        conn.execute("INSERT INTO article_feeds(article_id, feed_id) VALUES(1, 1)")
        columns = {r[1] for r in conn.execute("PRAGMA table_info(tags)")}
        if "key" in columns:  # 0006 on: matched by key, shown as spelt
            conn.execute("INSERT INTO tags(article_id, key, tag) VALUES(1, 'iran', 'iran')")
        else:
            conn.execute("INSERT INTO tags(article_id, tag) VALUES(1, 'iran')")


def _state(conn: sqlite3.Connection) -> tuple[object, ...]:
    return (conn.execute("SELECT title, saved, read FROM articles").fetchall()[0][:],
            conn.execute("SELECT tag FROM tags").fetchall()[0][0],
            conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'kept'")
            .fetchone()[0])


def test_migration_files_are_numbered_and_split_whole() -> None:
    steps = migrations()
    assert [v for v, _, _ in steps] == list(range(1, LATEST + 1))
    for _version, _name, sql in steps:
        reference = sqlite3.connect(":memory:")
        register_functions(reference)
        for earlier in steps[: _version - 1]:
            reference.executescript(earlier[2])
        before = set(reference.execute("SELECT type, name FROM sqlite_master"))
        reference.executescript(sql)
        expected = set(reference.execute("SELECT type, name FROM sqlite_master")) - before
        ours = sqlite3.connect(":memory:")
        register_functions(ours)
        for earlier in steps[: _version - 1]:
            ours.executescript(earlier[2])
        for statement in _statements(sql):
            ours.execute(statement)
        assert set(ours.execute("SELECT type, name FROM sqlite_master")) - before == expected


@pytest.mark.parametrize("target", range(2, LATEST + 1))
def test_each_migration_from_the_one_before_keeps_data(tmp_path: Path, target: int) -> None:
    path = tmp_path / "cache.sqlite3"
    conn = connect(path, migrate_to=target - 1)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == target - 1
    _seed(conn)
    before = _state(conn)
    conn.close()
    conn = connect(path, migrate_to=target)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == target
    assert _state(conn) == before and conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    conn = connect(path)  # and on to the latest
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST and _state(conn) == before
    conn.close()


def test_first_migration_from_empty(tmp_path: Path) -> None:
    conn = connect(tmp_path / "c.sqlite3", migrate_to=1)
    _seed(conn)
    assert _state(conn) == (("Kept title", 1, 1), "iran", 1)


def test_newer_cache_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    conn = connect(path)
    _seed(conn)
    conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer newsdesk"):
        connect(path)
    assert path.exists() and not list(tmp_path.glob("*.broken-*"))
    config = parse_config({"settings": {"cache_dir": str(tmp_path)}})
    with pytest.raises(StoreError, match="newer newsdesk"):
        Desk.open(config).__class__  # noqa: B018 - the Desk refuses too, nothing moved
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT title FROM articles").fetchone()[0] == "Kept title"


@pytest.mark.parametrize("kind", ["random", "foreign", "truncated"])
def test_bad_file_is_moved_aside_with_a_message(tmp_path: Path, kind: str) -> None:
    config = parse_config({"settings": {"cache_dir": str(tmp_path)}})
    path = tmp_path / "newsdesk.sqlite3"
    if kind == "random":
        path.write_bytes(os.urandom(64 * 1024))
    elif kind == "foreign":
        other = sqlite3.connect(path)
        other.execute("CREATE TABLE contacts(name TEXT, phone TEXT)")
        other.execute("INSERT INTO contacts VALUES('a', '1')")
        other.commit()
        other.close()
    else:  # a real cache cut short, as by a full disk
        conn = connect(path)
        _seed(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        data = path.read_bytes()
        path.write_bytes(data[:100] + os.urandom(len(data) - 100))
    original = path.read_bytes()
    desk = Desk.open(config)
    try:
        assert desk.warning and "moved to" in desk.warning and "nothing was deleted" in desk.warning
        backups = list(tmp_path.glob("newsdesk.sqlite3.broken-*"))
        assert any(b.read_bytes() == original for b in backups)  # kept byte for byte
        assert desk.count() == 0  # and a fresh, working cache
    finally:
        desk.close()
    assert connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_quarantines_never_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    for _ in range(3):
        path.write_bytes(os.urandom(4096))
        with pytest.raises(StoreError) as info:
            connect(path)
        assert info.value.moved_to is not None and info.value.moved_to.exists()
    assert len(list(tmp_path.glob("c.sqlite3.broken-*"))) == 3


def test_locked_cache_is_not_called_damaged(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.core.store.db as db

    path = tmp_path / "c.sqlite3"
    connect(path, migrate_to=1).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 200)
    try:
        with pytest.raises(StoreError, match=r"cannot open|failed") as info:
            connect(path)
        assert "moved" not in str(info.value) and info.value.moved_to is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(tmp_path.glob("*.broken-*"))
    assert connect(path).execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_concurrent_first_open_of_an_old_cache(tmp_path: Path) -> None:
    """The TUI and a cron fetch upgrading the same cache at once: both succeed, none moves it."""
    path = tmp_path / "c.sqlite3"
    conn = connect(path, migrate_to=1)
    _seed(conn)
    conn.close()
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def opener() -> None:
        start.wait()
        try:
            connect(path).close()
        except BaseException as exc:  # collected for the assert
            errors.append(exc)

    threads = [threading.Thread(target=opener) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors and not list(tmp_path.glob("*.broken-*"))
    conn = connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert _state(conn)[:2] == (("Kept title", 1, 1), "iran")


def test_a_refresh_checkpoints_the_wal_rarely_and_leaves_it_copied_back(tmp_path: Path) -> None:
    """bulk(): a larger auto-checkpoint while it runs (fewer syncs on the writer's thread),
    the connection's own afterwards, and what the WAL held copied back into the file."""
    from tui.core.store.db import BULK_CHECKPOINT_PAGES, bulk

    path = tmp_path / "c.sqlite3"
    conn = connect(path)
    conn.execute("CREATE TABLE t (x TEXT)")
    before = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    with bulk(conn):
        assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == BULK_CHECKPOINT_PAGES
        for _ in range(40):
            with transaction(conn):
                conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
        # past SQLite's 1,000 pages and still all in the WAL: no checkpoint ran
        assert os.path.getsize(f"{path}-wal") > 1000 * 4096 > path.stat().st_size
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == before
    assert path.stat().st_size > 4_000_000  # copied back on the way out
    conn.close()
