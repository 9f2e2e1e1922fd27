"""A new linker (its weights file changed) links the recent fortnight again on the next
refresh: an upgraded cache must not keep the old linker's related items."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tests.test_actors_store import add_article
from tui.core.config.loader import Config, Settings
from tui.core.models import to_iso, utcnow
from tui.core.refresh import analysis as analysis_module
from tui.core.refresh.analysis import LINKER_HASH_KEY, Analysis
from tui.core.store.db import connect, get_meta


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    db = connect(tmp_path / "cache.sqlite3")
    yield db
    db.close()


@pytest.fixture
def analysis(tmp_path: Path) -> Analysis:
    return Analysis(Config(path=None, settings=Settings(cache_dir=tmp_path)))


def pending(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute("SELECT id FROM articles WHERE analysed = 0 ORDER BY id")]


def test_a_new_linker_relinks_the_recent_fortnight_only(
        conn: sqlite3.Connection, analysis: Analysis, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    recent = add_article(conn, "Shoigu in Tehran", "Shoigu met Ahmadian in Tehran.",
                         to_iso(utcnow() - timedelta(days=2)))
    old = add_article(conn, "Shoigu in Pyongyang", "Shoigu met Kim in Pyongyang.",
                      to_iso(utcnow() - timedelta(days=60)))
    assert analysis.run_pending(conn) == 2
    shipped = get_meta(conn, LINKER_HASH_KEY)
    assert shipped is not None and pending(conn) == []

    assert analysis.run_pending(conn) == 0  # the same linker: nothing to do
    weights = tmp_path / "weights.json"  # a refitted linker ships another weights file
    weights.write_bytes(analysis_module._WEIGHTS.read_bytes() + b"\n")
    monkeypatch.setattr(analysis_module, "_WEIGHTS", weights)
    assert analysis.run_pending(conn) == 1  # the recent article, analysed and linked again
    assert get_meta(conn, LINKER_HASH_KEY) not in (None, shipped)
    assert pending(conn) == [] and old != recent


def test_a_cache_from_before_the_key_relinks_but_a_new_one_does_not(
        conn: sqlite3.Connection, analysis: Analysis) -> None:
    add_article(conn, "Shoigu in Tehran", "Shoigu met Ahmadian.",
                to_iso(utcnow() - timedelta(days=1)))
    assert analysis.run_pending(conn) == 1  # a new cache: analysed once, not twice
    conn.execute("DELETE FROM meta WHERE key = ?", (LINKER_HASH_KEY,))  # as an older release
    assert analysis.run_pending(conn) == 1
    assert analysis.run_pending(conn) == 0
