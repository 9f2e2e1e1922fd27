"""What the sweep (ingest/sweep.py) has asked is never asked again: a feed with news, and the
feeds whose requests were on the wire when it answered, go to the pipeline on their own
connections with what was read of them; a server that never answers is waited for in the
sweep (its read timeout, once) while the others finish, and reported on its row."""

from __future__ import annotations

import socket
import time
from collections import Counter
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer, Route
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.refresh.events import FeedFailed, FeedFinished, FeedStarted, RefreshEvent


def _feeds(server: LocalServer, n: int) -> list[tuple[str, str]]:
    return [(f"Desk {k}", server.add(f"/d{k}.xml", body=rss(
        [{"title": f"Harbour reopens, day {k}", "guid": f"d{k}-0",
          "link": f"http://127.0.0.1/d{k}/0", "description": "Ships moved."}]),
        etag=f'"d{k}"')) for k in range(n)]


def test_a_refresh_with_news_asks_every_feed_once(server: LocalServer,
                                                  tmp_path: Path) -> None:
    """20 feeds, 3 with news: each path is asked once (the changed ones were asked twice,
    once by the sweep and again by the pipeline, with any request then on the wire)."""
    feeds = _feeds(server, 20)
    config = write_config(tmp_path, feeds, settings="extract = false")
    with Desk.open(load_config(config)) as desk:
        desk.refresh()
        for k in (3, 11, 17):
            server.add(f"/d{k}.xml", body=rss([{"title": f"Harbour closes again {k}",
                                                "guid": f"d{k}-1"}]), etag=f'"d{k}-2"')
        seen = len(server.seen)
        events: list[RefreshEvent] = []
        summary = desk.refresh(on_event=events.append)
        asked = Counter(s.path for s in server.seen[seen:])
        assert asked == Counter(f"/d{k}.xml" for k in range(20))
        assert (summary.feeds_ok, summary.not_modified, summary.new_articles) == (20, 17, 3)
        assert Counter(e.feed for e in events if isinstance(e, FeedFinished)) == Counter(
            name for name, _ in feeds)
        assert len([e for e in events if isinstance(e, FeedStarted)]) == 20
        assert desk.refresh().not_modified == 20  # the new validators were kept


def test_a_slow_answer_with_news_is_read_where_the_sweep_left_it(server: LocalServer,
                                                                  tmp_path: Path) -> None:
    """One thread: the first feed answers 304 late, the second has news. The sweep waits
    for the first (no lateness hands it over now) and the second is asked once."""
    feeds = _feeds(server, 2)
    config = write_config(tmp_path, feeds, settings="extract = false\nconcurrency = 1")
    with Desk.open(load_config(config)) as desk:
        desk.refresh()
        server.add("/d0.xml", Route(body=b"", delay=1.3, etag='"d0"'))
        server.add("/d1.xml", body=rss([{"title": "Cranes back", "guid": "d1-1"}]),
                   etag='"d1-2"')
        seen = len(server.seen)
        summary = desk.refresh()
        assert [s.path for s in server.seen[seen:]] == ["/d0.xml", "/d1.xml"]
        assert (summary.not_modified, summary.new_articles) == (1, 1)


def test_a_server_that_never_answers_costs_its_read_timeout_once(
        server: LocalServer, tmp_path: Path) -> None:
    """50 feeds, one on a server that accepts and never says a word: the others are stored
    and the silent one is reported on its row after read_timeout (it took LATE, 1 s, more:
    the sweep gave up on it and the pipeline asked it again)."""
    feeds = _feeds(server, 49)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # the kernel accepts; nobody reads or writes
        feeds.insert(20, ("Silent", f"http://127.0.0.1:{silent.getsockname()[1]}/s.xml"))
        config = write_config(tmp_path, feeds, settings="extract = false\nread_timeout = 2")
        with Desk.open(load_config(config)) as desk:
            desk.refresh()  # the silent feed fails; as an earlier answer left it: a validator
            desk.conn.execute("UPDATE feeds SET etag = '\"s\"', failures = 0, last_error = NULL"
                              " WHERE name = 'Silent'")
            desk.conn.commit()
            events: list[RefreshEvent] = []
            seen = len(server.seen)
            started = time.monotonic()
            summary = desk.refresh(on_event=events.append)
            took = time.monotonic() - started
    assert (summary.not_modified, summary.feeds_failed) == (49, 1)
    assert len(server.seen) - seen == 49
    error = "timed out (the server sent nothing for 2 s)"
    assert summary.errors == [{"feed": "Silent", "error": error}]
    assert [(e.feed, e.error) for e in events if isinstance(e, FeedFailed)] == [
        ("Silent", error)]
    assert 2 <= took < 2.8, took


def test_a_long_answer_is_read_on_from_the_sweeps_first_bytes(server: LocalServer,
                                                              tmp_path: Path) -> None:
    """The sweep read the head and the start of a big body (one recv); the fetcher reads the
    rest off the same connection, plain and chunked, and stores every item."""
    feeds = _feeds(server, 3)
    config = write_config(tmp_path, feeds, settings="extract = false\nconcurrency = 1")
    with Desk.open(load_config(config)) as desk:
        desk.refresh()
        items = [{"title": f"Convoy {i} crossed the bridge", "guid": f"c{i}",
                  "description": "Trucks waited for hours at the bridge. " * 70}
                 for i in range(60)]
        server.add("/d0.xml", body=rss(items), etag='"d0-2"')
        server.add("/d1.xml", Route(body=rss(items[:50]), etag='"d1-2"', chunked=True))
        seen = len(server.seen)
        summary = desk.refresh()
        assert len(rss(items)) > 2 * 65536
        assert sorted(s.path for s in server.seen[seen:]) == ["/d0.xml", "/d1.xml", "/d2.xml"]
        assert (summary.feeds_ok, summary.new_articles, summary.feeds_failed) == (3, 60, 0)


def test_a_connection_never_made_is_a_timeout_in_the_sweep(server: LocalServer) -> None:
    """A port whose backlog is full drops the handshake (as a firewall that drops): the feed
    fails after connect_timeout in the fetcher's words, and the feed beside it is swept."""
    from tui.core.ingest.feed_request import jobs_of
    from tui.core.ingest.sweep import TimedOut, sweep

    with socket.socket() as full:
        full.bind(("127.0.0.1", 0))
        full.listen(0)
        port = full.getsockname()[1]
        waiting = []
        for _ in range(3):  # the backlog fills; later handshakes go unanswered
            sock = socket.socket()
            sock.setblocking(False)
            sock.connect_ex(("127.0.0.1", port))
            waiting.append(sock)
        try:
            jobs = jobs_of([("dropped", f"http://127.0.0.1:{port}/f.xml", '"x"', None),
                            ("fine", server.add("/f.xml", body=b"", etag='"x"'), '"x"', None)])
            assert jobs is not None
            started = time.monotonic()
            got = list(sweep(jobs, threads=2, per_host=1, connect_timeout=0.5,
                             read_timeout=5))
        finally:
            for sock in waiting:
                sock.close()
    assert got == [("fine", None), ("dropped", TimedOut(
        "timed out connecting (no connection within 0.5 s)"))]
    assert time.monotonic() - started < 2
