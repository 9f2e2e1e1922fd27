"""The analysis takes the newest articles a round at a time, and writes each round in batches
of neighbouring ids: a batch's transaction then rewrites few pages of the tables keyed by
article (a cold fill's newest hundred came from every feed, ids all over the tables)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tui.core.refresh import analysis
from tui.core.store.db import connect


def _fill(path: Path, feeds: int = 3, items: int = 20) -> sqlite3.Connection:
    """Ids by arrival, feed after feed; item i of every feed published at hour i."""
    conn = connect(path)
    for feed in range(feeds):
        for i in range(items):
            at = f"2024-08-10T{i:02d}:00:00Z"
            conn.execute("INSERT INTO articles(key, title, body, published, first_seen) "
                         "VALUES(?, 'Talks resume', 'Envoys met again.', ?, ?)",
                         (f"k{feed}-{i}", at, at))
    return conn


def test_each_round_of_the_newest_is_written_in_batches_by_id(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conn = _fill(tmp_path / "c.sqlite3")
    monkeypatch.setattr(analysis, "ROUND", 21)
    monkeypatch.setattr(analysis, "BATCH", 5)
    newest_first = [r[0] for r in conn.execute(
        "SELECT id FROM articles ORDER BY published DESC, id DESC")]
    chunks = list(analysis._pending_chunks(conn))
    taken = [aid for chunk in chunks for aid in chunk]
    assert sorted(taken) == sorted(newest_first)  # every article once
    rounds = [newest_first[i:i + 21] for i in range(0, len(newest_first), 21)]
    assert taken == [aid for one in rounds for aid in sorted(one)]  # rounds newest first
    assert chunks[0] == [14, 15, 16, 17, 18]  # not 20, 40, 60, 19, 39: one feed's neighbours
    conn.close()
