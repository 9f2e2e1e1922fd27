"""Quitting the app while a refresh runs: the desk stops at its next step instead of holding the
exit until its analysis is done (12 s after `q` on a 3,000-article refresh), what is stored
stays, and the next refresh finishes the analysis."""

from __future__ import annotations

import time
from concurrent.futures import Future
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.refresh.analysis import Analysis, Stopped
from tui.core.refresh.events import Progress, RefreshEvent, Stored


def _site(server: LocalServer, tmp_path: Path, feeds: int = 3, items: int = 50) -> Path:
    urls = []
    for f in range(feeds):
        entries = [{"title": f"Shoigu meets Larijani in Tehran, part {f}-{i}",
                    "link": f"http://127.0.0.1/{f}/{i}", "guid": f"g{f}-{i}",
                    "pubDate": f"Mon, 05 Aug 2024 {10 + i % 10}:{i:02d}:00 +0000",
                    "description": f"Sergei Shoigu met Ali Larijani in Tehran ({f}, {i})."}
                   for i in range(items)]
        urls.append((f"Feed {f}", server.add(f"/{f}.xml", body=rss(entries))))
    return write_config(tmp_path, urls, settings="extract = false")


def _pending(desk: Desk) -> int:
    return int(desk.conn.execute("SELECT count(*) FROM articles WHERE analysed = 0")
               .fetchone()[0])


@pytest.mark.parametrize("stop_on", [Stored, Progress])
def test_a_stopped_refresh_keeps_what_it_stored_and_the_next_one_analyses_it(
        tmp_path: Path, stop_on: type[RefreshEvent]) -> None:
    """Stopped when everything is stored, or after the first batch of analysis is written:
    every article is kept and none is marked analysed; the next refresh does them all."""
    with LocalServer() as server:
        config = load_config(_site(server, tmp_path))
        desk = Desk.open(config)
        try:
            def on_event(event: RefreshEvent) -> None:
                # Progress: the analysis's, not the feeds' (the first feed's came while the
                # others could still be parsing: a stop then kept one feed, by timing)
                if isinstance(event, stop_on) and getattr(event, "stage", "analyse") == "analyse":
                    desk.stop()

            summary = desk.refresh(on_event=on_event)
            assert summary.new_articles == 150
            assert _pending(desk) == 150
        finally:
            desk.close()
        again = Desk.open(config)
        try:
            again.refresh()
            assert _pending(again) == 0
            assert again.conn.execute("SELECT count(*) FROM actor_mentions").fetchone()[0] > 0
        finally:
            again.close()


def test_a_desk_told_to_stop_fetches_nothing_more(tmp_path: Path) -> None:
    with LocalServer() as server:
        desk = Desk.open(load_config(_site(server, tmp_path)))
        try:
            desk.stop()
            summary = desk.refresh()
            assert summary.new_articles == 0 and summary.feeds_failed == 0
        finally:
            desk.close()


def test_a_wait_for_a_worker_ends_when_told_to_stop(tmp_path: Path) -> None:
    """The analysis thread waits on a pool result that may be seconds away (workers still
    building their matchers): it must not outlive the app by that long."""
    analysis = Analysis(load_config(write_config(tmp_path, [])))
    never: Future[int] = Future()
    analysis.stopping.set()
    start = time.monotonic()
    with pytest.raises(Stopped):
        analysis._result(int, (), None, never)
    assert time.monotonic() - start < 2


def test_closing_the_desk_under_another_threads_query_does_not_crash(tmp_path: Path) -> None:
    """A view-tree recount in a thread worker still querying when the Desk closed: closing its
    connection under the query crashed the interpreter (a segfault in CI); now the query is
    interrupted and the connection closes when its thread lets go."""
    import sqlite3
    import threading

    desk = Desk.open(load_config(write_config(tmp_path, [])))
    started, outcome = threading.Event(), []

    def long_query() -> None:
        conn = desk.conn
        started.set()
        try:
            rows = conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                "FROM n WHERE i < 2000) SELECT i FROM n")
            for _row in rows:  # a row at a time, as the tree's recount reads stories
                time.sleep(0.001)
            outcome.append("finished")
        except (sqlite3.OperationalError, sqlite3.ProgrammingError) as error:
            outcome.append(str(error))

    worker = threading.Thread(target=long_query)
    worker.start()
    started.wait(5)
    time.sleep(0.2)
    desk.close()
    worker.join(30)
    assert outcome in (["interrupted"], ["finished"])
