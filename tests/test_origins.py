"""One connection pool per origin (ingest/origins.py), against real servers on loopback:
connections are reused within an origin, pools beyond the bound are closed least recently used
first, and never one whose response is still being read. And the Fetcher on them (without an
httpx client): plain-http feeds load no TLS context, a server's cookies are sent back to it."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Iterator

import httpx
import pytest

from tests.httpserver import LocalServer
from tui.core.ingest.fetch import Fetcher
from tui.core.ingest.origins import PerOrigin, origin_transport

LIMITS = httpx.Limits(max_connections=4, max_keepalive_connections=2)


@pytest.fixture
def servers() -> Iterator[list[LocalServer]]:
    """Three origins: 127.0.0.1, .2 and .3 are all loopback on Linux."""
    made = [LocalServer(f"127.0.0.{i}") for i in (1, 2, 3)]
    for s in made:
        s.__enter__()
        s.add("/a", body=b"alpha " * 100)
    yield made
    for s in made:
        s.__exit__()


def _transport(max_origins: int) -> PerOrigin:
    tls = ssl.create_default_context()
    return PerOrigin(lambda _scheme: origin_transport(tls, LIMITS, None), max_origins)


def _connections(transport: PerOrigin) -> dict[bytes, int]:
    return {key[1]: len(o.transport._pool.connections)  # type: ignore[attr-defined]
            for key, o in transport._origins.items()}


def test_one_connection_per_origin_is_reused(servers: list[LocalServer]) -> None:
    async def run() -> dict[bytes, int]:
        transport = _transport(8)
        async with httpx.AsyncClient(transport=transport) as client:
            for _ in range(3):
                for s in servers[:2]:
                    assert (await client.get(s.url("/a"))).content == b"alpha " * 100
            return _connections(transport)

    assert asyncio.run(run()) == {b"127.0.0.1": 1, b"127.0.0.2": 1}


def test_least_recently_used_idle_origin_is_closed(servers: list[LocalServer]) -> None:
    async def run() -> list[bytes]:
        transport = _transport(2)
        async with httpx.AsyncClient(transport=transport) as client:
            await client.get(servers[0].url("/a"))
            await client.get(servers[1].url("/a"))
            await client.get(servers[0].url("/a"))  # .1 is now the most recently used
            await client.get(servers[2].url("/a"))
            return [key[1] for key in transport._origins]

    assert asyncio.run(run()) == [b"127.0.0.1", b"127.0.0.3"]


def test_an_origin_being_read_is_never_closed(servers: list[LocalServer]) -> None:
    async def run() -> tuple[list[bytes], bytes]:
        transport = _transport(1)
        async with httpx.AsyncClient(transport=transport) as client:
            async with client.stream("GET", servers[0].url("/a")) as open_response:
                await client.get(servers[1].url("/a"))  # over the bound, .1 still in flight
                kept = [key[1] for key in transport._origins]
                body = await open_response.aread()
            await client.get(servers[2].url("/a"))  # both idle now: down to the bound
            return kept + [key[1] for key in transport._origins], body

    kept, body = asyncio.run(run())
    assert kept == [b"127.0.0.1", b"127.0.0.2", b"127.0.0.3"]
    assert body == b"alpha " * 100


def test_fetcher_pages_and_feeds_share_one_tls_context(servers: list[LocalServer]) -> None:
    """One context for both transports, and none at all while every origin is plain http
    (loading the CA bundle was ~30 ms of an unchanged refresh)."""
    from tui.core.ingest.addresses import LinkPolicy

    async def run() -> bool:
        async with Fetcher(connect_timeout=2, read_timeout=2) as fetcher:
            policy = LinkPolicy.for_feeds([servers[0].url("/a")], False)
            feed = await fetcher.get(servers[0].url("/a"), max_bytes=10_000)
            page = await fetcher.get(servers[0].url("/a"), max_bytes=10_000, policy=policy)
            assert feed.ok and page.ok and feed.body == page.body
            assert fetcher.tls.tls is None  # http only: no CA bundle loaded
            return fetcher.tls.for_scheme(b"https") is fetcher.tls.for_scheme(b"https")

    assert asyncio.run(run())


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
