"""A worker's decoded link features (index.features): within one finish_run (its token),
where no features are written after weighing, one read and checked once is served without
reading its text again; another run, or none, checks each against the stored text. Real
SQLite, the real weighing."""

from __future__ import annotations

from pathlib import Path

from tests.test_link_weighed import _articles
from tui.core.linking import index
from tui.core.linking.features import loads_any
from tui.core.store.db import connect
from tui.core.store.write_turns import transaction


def test_a_run_reads_each_features_text_once_and_the_next_run_checks_it(
        tmp_path: Path) -> None:
    conn = connect(tmp_path / "c.sqlite3")
    with transaction(conn):
        a, b, c, _d = _articles(conn)
        index.store_raw(conn, index.load_raw(conn, [a, b, c]), [a, b, c])
        index.weigh_stored(conn, [a, b, c])
    stored = {aid: (published, text) for aid, published, text
              in conn.execute("SELECT article_id, published, features FROM link_weighed")}
    index._decoded.clear()
    first = index.features(conn, [a, b, c], run="run-1")
    assert first == {aid: loads_any(*stored[aid]) for aid in (a, b, c)}
    with transaction(conn):  # another writer's features for a (a re-analysed body)
        conn.execute("UPDATE link_weighed SET features = ? WHERE article_id = ?",
                     (stored[c][1], a))
    assert index.features(conn, [a, b], run="run-1") == {a: first[a], b: first[b]}  # unread
    again = index.features(conn, [a], run="run-2")[a]  # the next run reads and checks it
    assert again == loads_any(stored[a][0], stored[c][1]) and again != first[a]
    with transaction(conn):
        conn.execute("UPDATE link_weighed SET features = ? WHERE article_id = ?",
                     (stored[b][1], a))
    assert index.features(conn, [a])[a] == loads_any(stored[a][0], stored[b][1])  # no run
    conn.close()
