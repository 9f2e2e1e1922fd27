"""One connection pool per origin (ingest/origins.py), against real servers on loopback:
connections are reused within an origin, pools beyond the bound are closed least recently used
first, and never one whose response is still being read."""

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
    return PerOrigin(lambda: origin_transport(tls, LIMITS, None), max_origins)


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
    from tui.core.ingest.addresses import LinkPolicy

    async def run() -> bool:
        async with Fetcher(connect_timeout=2, read_timeout=2) as fetcher:
            policy = LinkPolicy.for_feeds([servers[0].url("/a")], False)
            feed = await fetcher.get(servers[0].url("/a"), max_bytes=10_000)
            page = await fetcher.get(servers[0].url("/a"), max_bytes=10_000, policy=policy)
            assert feed.ok and page.ok and feed.body == page.body
            return fetcher._tls is not None

    assert asyncio.run(run())
