"""The feeds' kept connections: one the server has since closed is never reused, and a silent
server times out."""

from __future__ import annotations

import asyncio
import time
from http.server import BaseHTTPRequestHandler

from tests.httpserver import LocalServer, Route
from tui.core.ingest.fetch import Fetcher


def test_a_connection_the_server_closed_while_idle_is_not_reused(server: LocalServer) -> None:
    def answer_then_hang_up(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)  # HTTP/1.1 without "Connection: close": looks reusable
        handler.send_header("Content-Length", "6")
        handler.end_headers()
        handler.wfile.write(b"<rss/>")
        handler.wfile.flush()
        handler.close_connection = True  # ... but the server hangs up, as idle servers do

    url = server.add("/feed.xml", Route(handler=answer_then_hang_up))

    async def run() -> list[tuple[int | None, str | None]]:
        async with Fetcher(connect_timeout=2, read_timeout=2) as fetcher:
            results = []
            for _ in range(3):
                result = await fetcher.get(url, max_bytes=1 << 20)
                results.append((result.status, result.error))
                await asyncio.sleep(0.05)  # the server's close arrives while the pool idles
            return results

    assert asyncio.run(run()) == [(200, None)] * 3
    assert len({seen.client_port for seen in server.seen}) == 3  # a new connection each time


def test_a_silent_server_times_out(server: LocalServer) -> None:
    url = server.add("/slow.xml", body=b"<rss/>", delay=3)

    async def run() -> str | None:
        async with Fetcher(connect_timeout=1, read_timeout=0.5) as fetcher:
            return (await fetcher.get(url, max_bytes=1 << 20)).error

    started = time.monotonic()
    error = asyncio.run(run())
    assert error is not None and "timed out" in error
    assert time.monotonic() - started < 2.5


def test_a_kept_connection_carries_the_next_requests(server: LocalServer) -> None:
    url = server.add("/feed.xml", body=b"<rss/>", etag='"v1"')

    async def run() -> list[int | None]:
        async with Fetcher(connect_timeout=2, read_timeout=2) as fetcher:
            return [(await fetcher.get(url, max_bytes=1 << 20, etag='"v1"')).status
                    for _ in range(3)]

    assert asyncio.run(run()) == [304] * 3
    assert len({seen.client_port for seen in server.seen}) == 1


def test_a_body_bigger_than_the_read_ahead_arrives_whole(server: LocalServer) -> None:
    """asyncio's stream stops reading the socket past its read-ahead (twice plain.CHUNK
    unread bytes) and reads again as the body is taken: nothing is lost or reordered."""
    body = b"".join(b"%07d\n" % i for i in range(200_000))  # 1.6 MB, every line numbered
    url = server.add("/big.xml", body=body)

    async def run() -> bytes:
        async with Fetcher(connect_timeout=2, read_timeout=5) as fetcher:
            return (await fetcher.get(url, max_bytes=1 << 24)).body

    assert asyncio.run(run()) == body


def test_a_server_that_sends_nothing_back_is_said_as_before(server: LocalServer) -> None:
    def hang_up(handler: BaseHTTPRequestHandler) -> None:
        handler.close_connection = True

    url = server.add("/gone.xml", Route(handler=hang_up))

    async def run() -> str | None:
        async with Fetcher(connect_timeout=2, read_timeout=2) as fetcher:
            return (await fetcher.get(url, max_bytes=1 << 20)).error

    assert asyncio.run(run()) == ("the server broke the HTTP protocol: Server disconnected "
                                  "without sending a response.")
