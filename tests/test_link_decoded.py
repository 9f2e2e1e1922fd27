"""A worker's decoded link features (index.features): within one finish_run (its token),
where no features are written after weighing, one read and checked once is served without
reading its text again; another run, or none, checks each against the stored text. Real
SQLite, the real weighing."""

from __future__ import annotations

from pathlib import Path

from tests.test_link_weighed import _articles
from tui.core.linking import index
from tui.core.linking.decoded import forget_df
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


def test_features_weighed_in_a_run_are_served_to_it_as_decoding_their_text_gives(
        tmp_path: Path) -> None:
    """A run's weighing job holds the Features it made: its later jobs in that worker get
    them unread, equal to what decoding the stored text gives; another run checks them."""
    conn = connect(tmp_path / "c.sqlite3")
    with transaction(conn):
        a, b, c, _d = _articles(conn)
        index.store_raw(conn, index.load_raw(conn, [a, b, c]), [a, b, c])
    index._decoded.clear()
    weighed = index.weighed(conn, [a, b, c], run="run-1")
    assert weighed == index.weighed(conn, [a, b, c])  # the same rows and postings as unheld
    made = {aid: index._decoded[aid][2] for aid in (a, b, c)}
    with transaction(conn):
        index.store_weighed(conn, weighed)
    stored = {aid: (published, text) for aid, published, text
              in conn.execute("SELECT article_id, published, features FROM link_weighed")}
    assert made == {aid: loads_any(*stored[aid]) for aid in (a, b, c)}
    with transaction(conn):  # text the run did not weigh: served as held, unread, in run-1
        conn.execute("UPDATE link_weighed SET features = ? WHERE article_id = ?",
                     (stored[c][1], a))
    served = index.features(conn, [a, b], run="run-1")
    assert served[a] is made[a] and served[b] is made[b]
    assert index.features(conn, [a], run="run-2")[a] == loads_any(stored[a][0], stored[c][1])
    conn.close()


def test_a_runs_weighing_reads_each_document_count_once_and_the_next_run_reads_again(
        tmp_path: Path) -> None:
    """The counts a run's weighing read are its counts for the rest of its weighing (the
    writer counts no keys meanwhile): a second job asks SQLite only for keys not read yet.
    The next run reads them again, so counts changed between runs are weighed in."""
    conn = connect(tmp_path / "c.sqlite3")
    with transaction(conn):
        a, b, c, _d = _articles(conn)
        index.store_raw(conn, index.load_raw(conn, [a, b, c]), [a, b, c])
    forget_df()
    asked: list[str] = []
    conn.set_trace_callback(asked.append)
    first = index.weighed(conn, [a, b], run="counts-1")
    reads = sum("FROM link_df" in sql for sql in asked)
    assert reads and index.weighed(conn, [a, b], run="counts-1") == first
    assert sum("FROM link_df" in sql for sql in asked) == reads  # none read again
    assert index.weighed(conn, [a, b, c], run="counts-1") == index.weighed(conn, [a, b, c])
    conn.set_trace_callback(None)
    with transaction(conn):  # ten more documents: every key is rarer in the next run
        conn.execute("UPDATE link_df SET df = df + 10 WHERE key = ''")
    again = index.weighed(conn, [a, b], run="counts-2")
    assert again == index.weighed(conn, [a, b]) and again.rows != first.rows
    conn.close()


def test_a_finished_run_leaves_no_document_counts_held_in_the_process_that_weighed(
        tmp_path: Path) -> None:
    """A run's counts are held for its weighing only: once its links are scored they go, in
    the process that weighed (here the writer, as when there is no pool or a worker died),
    on a run small enough to be linked article by article too (no scoring job cleared them
    there, so a long-lived app process held its last run's counts until the next run)."""
    from tui.core.config.loader import Config, Settings
    from tui.core.linking import decoded
    from tui.core.refresh.analysis import Analysis

    conn = connect(tmp_path / "c.sqlite3")
    with transaction(conn):
        _articles(conn)
    forget_df()
    analysis = Analysis(Config(path=None, settings=Settings(cache_dir=tmp_path)))
    assert analysis.run_pending(conn) == 4
    assert conn.execute("SELECT count(*) FROM links").fetchone()[0]  # weighed and linked
    assert decoded._run_df == {}
    conn.close()
