"""The feeds' client keeps one connection pool per origin: connections are reused across a
refresh (keep-alive, at most `per_host` to a host), plain-http feeds make no TLS context, and
pools beyond `KEEP_ORIGINS` are closed once idle, so a refresh of many hosts holds few sockets."""

from __future__ import annotations

import asyncio

import pytest

from tests.httpserver import LocalServer
from tui.core.ingest import fetch
from tui.core.ingest.fetch import Fetcher


def _conditional_feeds(server: LocalServer, count: int) -> list[str]:
    return [server.add(f"/feed{n}.xml", body=b"<rss/>", etag=f'"v{n}"') for n in range(count)]


async def _get_all(fetcher: Fetcher, urls: list[str]) -> list[int | None]:
    async def one(n: int, url: str) -> int | None:
        result = await fetcher.get(url, max_bytes=1 << 20, etag=f'"v{n}"')
        assert result.error is None, result.error
        return result.status

    return list(await asyncio.gather(*(one(int(u.rsplit("feed", 1)[1].split(".")[0]), u)
                                       for u in urls)))


def test_unchanged_feeds_reuse_connections_and_make_no_tls_context() -> None:
    with LocalServer("127.0.0.1") as one, LocalServer("127.0.0.2") as two:
        urls = _conditional_feeds(one, 12) + _conditional_feeds(two, 12)

        async def run() -> tuple[list[int | None], bool]:
            async with Fetcher(concurrency=8, per_host=2) as fetcher:
                statuses = await _get_all(fetcher, urls)
                return statuses, fetcher.tls.tls is None

        statuses, no_tls = asyncio.run(run())
        assert statuses == [304] * 24
        assert no_tls  # http only: the CA bundle was never loaded
        for server in (one, two):
            ports = {seen.client_port for seen in server.seen}
            assert len(server.seen) == 12 and 1 <= len(ports) <= 2  # keep-alive, per_host


def test_idle_pools_beyond_the_limit_are_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "KEEP_ORIGINS", 2)
    servers = [LocalServer() for _ in range(5)]
    for server in servers:
        server.__enter__()
    try:
        urls = [server.add("/feed0.xml", body=b"<rss/>", etag='"v0"') for server in servers]

        async def run() -> int:
            async with Fetcher(concurrency=1, per_host=1) as fetcher:
                for url in urls:  # one after another: each older pool is idle when evicted
                    assert (await _get_all(fetcher, [url])) == [304]
                return len(fetcher._feeds._pools)  # type: ignore[attr-defined]

        assert asyncio.run(run()) == 2
    finally:
        for server in servers:
            server.__exit__()


def test_a_cookie_set_on_a_redirect_is_sent_back(server: LocalServer) -> None:
    """Without a client's jar, a consent or cookie-check redirect would loop: the cookie the
    server sets is sent on the next hop and on later requests to that server."""
    from http.server import BaseHTTPRequestHandler

    from tests.httpserver import Route

    def check(handler: BaseHTTPRequestHandler) -> None:
        if "consent=yes" in (handler.headers.get("Cookie") or ""):
            handler.send_response(200)
            handler.send_header("Content-Length", "6")
            handler.end_headers()
            handler.wfile.write(b"<rss/>")
            return
        handler.send_response(302)
        handler.send_header("Set-Cookie", "consent=yes; Path=/")
        handler.send_header("Location", "/feed.xml")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    url = server.add("/feed.xml", Route(handler=check))

    async def run() -> tuple[int | None, str | None, int | None]:
        async with Fetcher() as fetcher:
            first = await fetcher.get(url, max_bytes=1 << 20)
            again = await fetcher.get(url, max_bytes=1 << 20)
            return first.status, first.error, again.status

    assert asyncio.run(run()) == (200, None, 200)
    assert [seen.path for seen in server.seen] == ["/feed.xml"] * 3  # one redirect, then none
