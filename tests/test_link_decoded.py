"""A worker's decoded link features (index.features): those it weighed in a finish_run are
held as decoding the stored text gives them, and within that run (its token) served without
reading the text again; another run checks each against the stored text. Real SQLite, the
real weighing job."""

from __future__ import annotations

from pathlib import Path

from tests.test_link_weighed import _articles
from tui.core.linking import index
from tui.core.linking.features import loads_any
from tui.core.linking.pool import weigh_job
from tui.core.store.db import connect
from tui.core.store.write_turns import transaction


def test_a_run_serves_what_its_worker_weighed_and_the_next_run_checks_the_text(
        tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    conn = connect(path)
    with transaction(conn):
        a, b, c, _d = _articles(conn)
        index.store_raw(conn, index.load_raw(conn, [a, b, c]), [a, b, c])  # counted, unweighed
    index._decoded.clear()
    out = weigh_job(str(path), [a, b, c], "run-1")
    with transaction(conn):
        index.store_weighed(conn, out)
    stored = {aid: (published, text) for aid, published, text
              in conn.execute("SELECT article_id, published, features FROM link_weighed")}
    assert sorted(index._decoded) == [a, b, c]
    for aid, (published, text) in stored.items():  # as decoding the stored text gives them
        held = index._decoded[aid][2]
        assert held == loads_any(published, text) and held.published == published
        assert held.sums == loads_any(published, text).sums  # type: ignore[union-attr]
    held_a = index._decoded[a][2]
    assert index.features(conn, [a, b, c], run="run-1") == {
        aid: index._decoded[aid][2] for aid in (a, b, c)}
    with transaction(conn):  # another writer's features for a (a re-analysed body)
        conn.execute("UPDATE link_weighed SET features = ? WHERE article_id = ?",
                     (stored[c][1], a))
    assert index.features(conn, [a], run="run-1")[a] is held_a  # the run's own, unread
    again = index.features(conn, [a], run="run-2")[a]  # the next run reads and checks it
    assert again == loads_any(stored[a][0], stored[c][1]) and again != held_a
    assert index.features(conn, [a])[a] == again  # no run: checked against the text
    conn.close()
