"""Plain-http feeds go over ingest/plain.py (asyncio and h11), not httpx: the server sees the
same request, the answer reads the same, a kept connection the server drops as the next
request goes out is replaced, and URLs httpx would rewrite stay on httpx."""

from __future__ import annotations

import asyncio
from http.server import BaseHTTPRequestHandler

import pytest

from tests.httpserver import LocalServer, Route, once_per_connection
from tui.core.ingest import plain
from tui.core.ingest.addresses import LinkPolicy
from tui.core.ingest.fetch import Fetcher, FetchResult


def _get(url: str, **kwargs: object) -> FetchResult:
    async def run() -> FetchResult:
        async with Fetcher(connect_timeout=2, read_timeout=2) as fetcher:
            return await fetcher.get(url, max_bytes=1 << 20, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(run())


def test_a_feed_request_is_the_one_httpx_sends(server: LocalServer) -> None:
    """The feed (plain.py) and the same URL as a page (httpx) carry the same headers."""
    url = server.add("/wire.xml", body=b"<rss/>", etag='"w1"') + "?lang=en&page=2"
    policy = LinkPolicy.for_feeds([url], False)  # its own server: allowed

    async def run() -> tuple[FetchResult, FetchResult]:
        async with Fetcher(connect_timeout=2, read_timeout=2) as fetcher:
            feed = await fetcher.get(url, max_bytes=1 << 20, etag='"w0"',
                                     last_modified="Mon, 02 Dec 2024 10:00:00 GMT")
            page = await fetcher.get(url, max_bytes=1 << 20, etag='"w0"', policy=policy,
                                     last_modified="Mon, 02 Dec 2024 10:00:00 GMT")
            return feed, page

    feed, page = asyncio.run(run())
    assert feed.ok and page.ok and feed.body == page.body == b"<rss/>"
    assert feed.headers == page.headers
    sent_plain, sent_httpx = server.seen
    assert sent_plain.path == sent_httpx.path == "/wire.xml?lang=en&page=2"
    assert sent_plain.headers == sent_httpx.headers
    assert next(iter(sent_plain.headers)) == "host"


def test_a_kept_connection_dropped_as_the_request_goes_is_replaced(server: LocalServer) -> None:
    """The server hangs up on the second request of a kept connection without answering
    (an idle timeout that races the request): the request goes again on a new one."""
    answered: set[int] = set()

    def feed(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", "6")
        handler.end_headers()
        handler.wfile.write(b"<rss/>")

    url = server.add("/flaky.xml", once_per_connection(feed, answered))

    async def run() -> list[tuple[int | None, str | None]]:
        async with Fetcher(connect_timeout=2, read_timeout=2) as fetcher:
            return [((r := await fetcher.get(url, max_bytes=1 << 20)).status, r.error)
                    for _ in range(3)]

    assert asyncio.run(run()) == [(200, None)] * 3
    assert len(answered) == 3


def test_repeated_headers_read_as_httpx_reads_them(server: LocalServer) -> None:
    def two_links(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Link", "<http://a.example/>; rel=hub")
        handler.send_header("Link", "<http://b.example/>; rel=self")
        handler.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        handler.send_header("Content-Length", "6")
        handler.end_headers()
        handler.wfile.write(b"<rss/>")

    result = _get(server.add("/links.xml", Route(handler=two_links)))
    assert result.headers["link"] == "<http://a.example/>; rel=hub, <http://b.example/>; rel=self"
    assert result.content_type == "application/rss+xml; charset=utf-8"


def test_a_feed_that_stops_mid_body_is_the_same_error(server: LocalServer) -> None:
    def short(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", "100")
        handler.end_headers()
        handler.wfile.write(b"<rss>")
        handler.close_connection = True

    result = _get(server.add("/short.xml", Route(handler=short)))
    assert result.error is not None
    assert result.error.startswith("the server broke the HTTP protocol: peer closed connection")
    assert result.retryable


def test_a_refused_port_and_a_bad_name_are_worded_as_before() -> None:
    refused = _get("http://127.0.0.1:9/feed.xml")
    assert refused.error == "could not connect: connection refused (nothing listens on that port)"
    assert refused.retryable
    unknown = _get("http://no-such-host.invalid/feed.xml")
    assert unknown.error == "the host name could not be resolved (DNS failure)"


@pytest.mark.parametrize("url", [
    "https://example.org/feed.xml",  # TLS: httpx
    "http://user:pw@example.org/feed.xml",  # user info
    "http://[::1]:8080/feed.xml",  # IPv6 literal
    "http://пример.рф/feed.xml",  # a name httpx encodes (IDNA)
    "http://example.org/a b.xml",  # a character httpx escapes
    "http://example.org/a/../feed.xml",  # a dot segment httpx removes
    "http://example.org:99999/feed.xml",  # a port httpx refuses
])
def test_urls_httpx_would_rewrite_stay_on_httpx(url: str) -> None:
    assert plain.target(url) is None


def test_plain_targets_keep_the_url_as_sent() -> None:
    assert plain.target("http://Example.org/feed.xml?a=1&b=%20") == (
        "example.org", 80, "/feed.xml?a=1&b=%20", "example.org")
    assert plain.target("http://127.0.0.5:8080") == ("127.0.0.5", 8080, "/", "127.0.0.5:8080")
    assert plain.target("http://example.org:80/x#top") == ("example.org", 80, "/x",
                                                           "example.org")
