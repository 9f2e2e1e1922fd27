"""An unchanged refresh asks its plain-http feeds on one thread's sockets (ingest/sweep.py)
before any event loop: the server sees the request the fetcher sends, each feed is asked once when all are
unchanged, and a feed with news hands the refresh over to the pipeline without losing the
feeds found unchanged or saying any twice."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer, Route, once_per_connection
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.ingest.feed_request import FEED_ACCEPT, jobs_of
from tui.core.ingest.fetch import Fetcher
from tui.core.ingest.sweep import sweep
from tui.core.refresh.events import FeedFinished, FeedStarted, Progress, RefreshEvent
from tui.core.refresh.stopping import StopSignal


def _feeds(server: LocalServer, n: int, *, prefix: str = "w") -> list[tuple[str, str]]:
    feeds = []
    for k in range(n):
        items = [{"title": f"Ceasefire talks, round {k}-{i}", "guid": f"{prefix}{k}-{i}",
                  "link": f"http://127.0.0.1/{prefix}{k}/{i}", "description": "Talks went on."}
                 for i in range(2)]
        feeds.append((f"Wire {k}", server.add(f"/{prefix}{k}.xml", body=rss(items),
                                              etag=f'"{prefix}{k}"')))
    return feeds


def _swept(feeds: list[tuple[str, str, str | None, str | None]], **how: Any) -> list[str]:
    """The keys the sweep found unchanged, in the order they answered."""
    jobs = jobs_of(feeds)
    assert jobs is not None
    return [key for key, failed in sweep(jobs, **{"read_timeout": 2, **how}) if failed is None]


def _desk(tmp_path: Path, feeds: list[tuple[str, str]]) -> Desk:
    return Desk.open(load_config(write_config(tmp_path, feeds, settings="extract = false")))


def test_the_sweep_sends_the_fetchers_request(server: LocalServer) -> None:
    url = server.add("/wire.xml", body=b"<rss/>", etag='"w1"') + "?lang=en&page=2"
    modified = "Mon, 02 Dec 2024 10:00:00 GMT"
    assert _swept([("wire", url, '"w1"', modified)], threads=2, per_host=2,
                  connect_timeout=2) == ["wire"]

    async def fetch() -> int | None:
        async with Fetcher(connect_timeout=2, read_timeout=2) as fetcher:
            return (await fetcher.get(url, max_bytes=1 << 20, etag='"w1"',
                                      last_modified=modified, accept=FEED_ACCEPT)).status

    assert asyncio.run(fetch()) == 304
    swept, fetched = server.seen
    assert swept.path == fetched.path == "/wire.xml?lang=en&page=2"
    assert list(swept.headers.items()) == list(fetched.headers.items())


def test_an_unchanged_refresh_asks_each_feed_once_on_kept_connections(
        server: LocalServer, tmp_path: Path) -> None:
    feeds = _feeds(server, 12)
    with _desk(tmp_path, feeds) as desk:
        assert desk.refresh().new_articles == 24
        seen = len(server.seen)
        events: list[RefreshEvent] = []
        summary = desk.refresh(on_event=events.append)
        assert (summary.feeds_ok, summary.not_modified, summary.feeds_failed) == (12, 12, 0)
        asked = server.seen[seen:]
        assert sorted(s.path for s in asked) == sorted(f"/w{k}.xml" for k in range(12))
        # one host, per_host = 2: its feeds asked one after another on two kept connections
        assert len({s.client_port for s in asked}) <= 2
        assert [e.done for e in events if isinstance(e, Progress)] == list(range(1, 13))
        assert sorted(e.feed for e in events if isinstance(e, FeedFinished)) == sorted(
            name for name, _ in feeds)


def test_each_host_is_asked_on_one_connection_whatever_the_feeds_order() -> None:
    """Feeds listed host after host in turn (as a list often is) still go one connection per
    host, each asked in turn on it: 4 connections for 12 feeds, with room for 8."""
    servers = [LocalServer(f"127.0.0.{n}").__enter__() for n in range(1, 5)]
    try:
        jobs = [(f"h{n}-{k}", srv.add(f"/f{k}.xml", body=b"", etag='"x"'), '"x"', None)
                for k in range(3) for n, srv in enumerate(servers)]
        assert sorted(_swept(jobs, threads=8, per_host=1, connect_timeout=2)) == sorted(
            key for key, *_ in jobs)
        assert [len({s.client_port for s in srv.seen}) for srv in servers] == [1, 1, 1, 1]
    finally:
        for srv in servers:
            srv.__exit__()


def test_a_host_name_is_looked_up_and_a_refused_port_ends_the_sweep(
        server: LocalServer) -> None:
    """`localhost` is looked up off the loop (tried at each of its addresses: ::1 may come
    first, where nothing listens); a port nobody listens on ends the sweep at once."""
    url = server.add("/named.xml", body=b"", etag='"n"').replace("127.0.0.1", "localhost")
    assert _swept([("named", url, '"n"', None)], threads=2, per_host=1,
                  connect_timeout=2) == ["named"]
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{unused.getsockname()[1]}/f.xml"
        started = time.monotonic()
        assert _swept([("shut", closed, '"s"', None), ("named", url, '"n"', None)],
                      threads=1, per_host=1, connect_timeout=2) == []
    assert time.monotonic() - started < 0.5


def test_a_feed_with_news_hands_the_refresh_to_the_pipeline(server: LocalServer,
                                                            tmp_path: Path) -> None:
    """The feeds found unchanged before the changed one are counted once and not asked
    again; every feed is said once and the progress counts up to all of them."""
    feeds = _feeds(server, 6)
    with _desk(tmp_path, feeds) as desk:
        desk.refresh()
        changed = [{"title": "Ceasefire talks resume", "guid": "w5-new",
                    "link": "http://127.0.0.1/w5/new", "description": "They did."}]
        server.add("/w5.xml", body=rss(changed), etag='"w5-2"')
        events: list[RefreshEvent] = []
        seen = len(server.seen)
        summary = desk.refresh(on_event=events.append)
        assert (summary.feeds_ok, summary.not_modified, summary.new_articles) == (6, 5, 1)
        asked = [s.path for s in server.seen[seen:]]  # each once: the pipeline reads on
        assert sorted(asked) == sorted(f"/w{k}.xml" for k in range(6))
        finished = [e.feed for e in events if isinstance(e, FeedFinished)]
        assert sorted(finished) == sorted(name for name, _ in feeds)
        assert len([e for e in events if isinstance(e, FeedStarted)]) == 6
        assert [e.done for e in events if isinstance(e, Progress) and e.stage == "feeds"] \
            == list(range(1, 7))
        assert desk.refresh().not_modified == 6  # the new validator was kept


def test_each_feed_found_unchanged_is_asked_once_when_another_has_news(
        server: LocalServer, tmp_path: Path) -> None:
    """On one thread the order is the feeds': the first four answer 304 to the sweep, the
    fifth has news, which the pipeline reads on, and it asks only the one after it."""
    feeds = _feeds(server, 6)
    config = write_config(tmp_path, feeds, settings="extract = false\nconcurrency = 1")
    with Desk.open(load_config(config)) as desk:
        desk.refresh()
        server.add("/w4.xml", body=rss([{"title": "Talks end", "guid": "w4-new"}]),
                   etag='"w4-2"')
        seen = len(server.seen)
        summary = desk.refresh()
        assert (summary.not_modified, summary.new_articles) == (5, 1)
        asked = [s.path for s in server.seen[seen:]]
        assert asked == ["/w0.xml", "/w1.xml", "/w2.xml", "/w3.xml", "/w4.xml", "/w5.xml"]


def test_a_304_that_closes_its_connection_and_a_kept_one_dropped(server: LocalServer) -> None:
    """`Connection: close` on a 304 is honoured (a new connection next), and a kept
    connection the server has dropped meanwhile is replaced: both still count as 304s."""
    ports: list[int] = []

    def closing(handler: BaseHTTPRequestHandler) -> None:
        ports.append(handler.client_address[1])
        handler.send_response(304)
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True

    answered: set[int] = set()

    def unchanged(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(304)
        handler.end_headers()

    closes = server.add("/closes.xml", Route(handler=closing))
    flaky = server.add("/flaky.xml", once_per_connection(unchanged, answered))
    jobs = [(f"c{i}", closes, '"x"', None) for i in range(3)] + [
        (f"f{i}", flaky, '"x"', None) for i in range(3)]
    got = _swept(jobs, threads=1, per_host=1, connect_timeout=2)
    assert got == [key for key, *_ in jobs]
    assert len(set(ports)) == 3 and len(answered) == 3


def test_a_stop_ends_the_sweep_at_once(server: LocalServer) -> None:
    slow = server.add("/slow.xml", Route(body=b"<rss/>", delay=3, etag='"s"'))
    stopping = StopSignal()
    threading.Timer(0.3, stopping.set).start()
    started = time.monotonic()
    got = _swept([("slow", slow, '"s"', None)], threads=1, per_host=1, connect_timeout=2,
                  wake=stopping.calls)
    assert got == [] and time.monotonic() - started < 2


def test_slow_answers_are_swept_within_the_read_timeout(server: LocalServer) -> None:
    """A feed may take up to read_timeout (a loaded machine, a slow network): after answers
    of 0.4 s, one of 1.3 s is still swept, not handed to the pipeline."""
    jobs = [(f"s{k}", server.add(f"/s{k}.xml", Route(body=b"", delay=0.4, etag='"s"')), '"s"',
             None) for k in range(3)]
    jobs.append(("slow", server.add("/slow.xml", Route(body=b"", delay=1.3, etag='"s"')),
                 '"s"', None))
    assert _swept(jobs, threads=1, per_host=1, connect_timeout=2) == ["s0", "s1", "s2", "slow"]


def test_an_unchanged_refresh_clears_a_past_failure_and_keeps_warnings(
        server: LocalServer, tmp_path: Path) -> None:
    feeds = _feeds(server, 2)
    with _desk(tmp_path, feeds) as desk:
        desk.refresh()
        server.add("/w1.xml", status=503, body=b"down")
        assert desk.refresh().feeds_failed == 1
        server.add("/w1.xml", body=b"", etag='"w1"')  # back, and unchanged
        summary = desk.refresh()
        assert (summary.not_modified, summary.feeds_failed, summary.errors) == (2, 0, [])
        assert all(f.failures == 0 and f.last_error is None for f in desk.feeds())


def test_a_validator_h11_would_not_send_is_left_to_the_fetcher() -> None:
    """A stored ETag with a line break (or a space at its end) is no header to send: the
    fetcher says why, the sweep never asks."""
    from tui.core.ingest.feed_request import request

    assert request("http://127.0.0.1:9/f.xml", '"a"\r\nX-Evil: 1', None) is None
    assert request("http://127.0.0.1:9/f.xml", '"a" ', None) is None
    assert request("http://127.0.0.1:9/f.xml", None, None) is None
    assert request("https://127.0.0.1:9/f.xml", '"a"', None) is None
    made = request("http://127.0.0.1:9/f.xml", '"a"', None)
    assert made is not None and made[1].startswith(b"GET /f.xml HTTP/1.1\r\nHost: 127.0.0.1:9\r\n")
