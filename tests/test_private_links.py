"""Item links never reach the user's own network (SSRF): refused after DNS resolution, on every
redirect hop and at the connection itself, unless the page is on the feed's own host or
`allow_private_links = true`. Real servers on two loopback addresses stand in for "the
internet" (the feed, on `localhost`) and "the LAN" (127.0.0.2, holding a secret page)."""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import Iterator
from pathlib import Path

import httpcore
import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.ingest.addresses import POLICY, LinkPolicy, Resolver, why_private
from tui.core.ingest.fetch import Fetcher
from tui.core.ingest.origins import GuardedBackend
from tui.core.models import Article

SECRET = ("<html><body><article><h1>Router admin</h1>" + "<p>admin password hunter2, "
          "internal network map and every device on the LAN listed here.</p>" * 8
          + "</article></body></html>").encode()
ARTICLE = ("<html><body><article><h1>Story</h1>" + "<p>A public article page with plenty "
           "of words in it so that the extractor keeps it as the body.</p>" * 8
           + "</article></body></html>").encode()


@pytest.fixture
def lan() -> Iterator[LocalServer]:
    """A server on another loopback address: somebody's router, for the test."""
    with LocalServer("127.0.0.2") as srv:
        srv.add("/admin", body=SECRET, headers={"Content-Type": "text/html"})
        yield srv


def _feed(server: LocalServer, lan: LocalServer) -> str:
    """An RSS feed served as http://localhost:PORT/feed.xml with three items: one on the
    feed's own host, one straight into the LAN, one redirecting into it."""
    server.add("/own", body=ARTICLE, headers={"Content-Type": "text/html"})
    server.add("/hop", status=302, headers={"Location": f"{lan.base}/admin"})
    own = f"http://localhost:{server.port}"
    server.add("/feed.xml", body=rss([
        {"title": "Own host", "link": f"{own}/own", "guid": "a", "description": "feed text a"},
        {"title": "Straight in", "link": f"{lan.base}/admin", "guid": "b",
         "description": "feed text b"},
        {"title": "Via a redirect", "link": f"{own}/hop", "guid": "c",
         "description": "feed text c"}]))
    return f"{own}/feed.xml"


def _fetch(tmp_path: Path, url: str, settings: str = "") -> dict[str, Article]:
    config = load_config(write_config(tmp_path, [("Feed", url)], settings=settings))
    with Desk.open(config) as desk:
        desk.refresh()
        out = {}
        for row in desk.articles():
            article = desk.article(row.id)
            assert article is not None
            out[row.title] = article
        return out


def test_links_into_the_lan_are_refused(server: LocalServer, lan: LocalServer,
                                        tmp_path: Path) -> None:
    articles = _fetch(tmp_path, _feed(server, lan))
    own, straight, hop = (articles[t] for t in ("Own host", "Straight in", "Via a redirect"))
    assert own.body_source == "page" and "public article page" in own.body
    for article, letter in ((straight, "b"), (hop, "c")):
        assert article.body == f"feed text {letter}"
        assert article.body_source == "summary"
        error = article.extract_error or ""
        assert "refused" in error and "127.0.0.2" in error and "loopback" in error, error
        assert "allow_private_links" in error
    assert not lan.seen  # not a single request reached the LAN
    assert [s.path for s in server.seen].count("/hop") == 1  # the first hop is the feed's host


def test_allow_private_links_lifts_the_check(server: LocalServer, lan: LocalServer,
                                             tmp_path: Path) -> None:
    articles = _fetch(tmp_path, _feed(server, lan), settings="allow_private_links = true")
    for title in ("Straight in", "Via a redirect"):
        article = articles[title]
        assert article.body_source == "page" and "hunter2" in article.body


def test_pages_refused_before_are_fetched_once_allowed(server: LocalServer, lan: LocalServer,
                                                      tmp_path: Path) -> None:
    """A refusal is the policy's, not the page's: once `allow_private_links = true`, the next
    refresh fetches the pages it refused (they were never asked for, so nothing else would)."""
    url = _feed(server, lan)
    first = _fetch(tmp_path, url)
    assert "refused" in (first["Straight in"].extract_error or "")
    assert not lan.seen
    second = _fetch(tmp_path, url, settings="allow_private_links = true")
    for title in ("Straight in", "Via a redirect"):
        article = second[title]
        assert article.body_source == "page" and "hunter2" in article.body, article
        assert article.extract_error is None
    assert [s.path for s in lan.seen] == ["/admin", "/admin"]


async def test_the_readers_R_fetches_a_refused_page_once_allowed(
        server: LocalServer, lan: LocalServer, tmp_path: Path) -> None:
    """In the reader: feeds.toml edited to allow private links, then R (which re-reads it)
    fetches the page it refused, and the article shows the page's text."""
    from tests.test_app_support import SIZE, make_app, settle, status, until

    url = _feed(server, lan)
    refused = (await asyncio.to_thread(_fetch, tmp_path, url))["Straight in"]
    config = load_config(write_config(tmp_path, [("Feed", url)]))
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            write_config(tmp_path, [("Feed", url)], settings="allow_private_links = true")
            await pilot.press("R")
            await until(pilot, lambda: "settings changed" in status(app)
                        or "refreshed" in status(app), 60)
            await until(pilot, lambda: (a := desk.article(refused.id)) is not None
                        and a.body_source == "page", 60)
            assert [s.path for s in lan.seen] == ["/admin", "/admin"]


def test_a_config_read_again_makes_refused_pages_due(server: LocalServer, lan: LocalServer,
                                                     tmp_path: Path) -> None:
    """The reader puts a re-read feeds.toml in use (Desk.use_config): once it allows private
    links, a refused page is due, so opening its article fetches it at once."""
    url = _feed(server, lan)
    refused = _fetch(tmp_path, url)["Straight in"]
    config = load_config(write_config(tmp_path, [("Feed", url)]))
    with Desk.open(config) as desk:
        assert not desk.fetch_page(refused.id)  # refused: not asked for again
        desk.use_config(load_config(write_config(tmp_path, [("Feed", url)],
                                                 settings="allow_private_links = true")))
        assert desk.fetch_page(refused.id)
        article = desk.article(refused.id)
        assert article is not None and "hunter2" in article.body


def test_a_reader_started_once_allowed_fetches_a_refused_page(server: LocalServer,
                                                              lan: LocalServer,
                                                              tmp_path: Path) -> None:
    """`allow_private_links = true` written while no reader ran: the reader opened next puts
    it in use as a re-read would, so the refused page is due and opening its article fetches
    it (only a refresh, or the setting flipped under a running reader, made it due)."""
    url = _feed(server, lan)
    refused = _fetch(tmp_path, url)["Straight in"]
    config = load_config(write_config(tmp_path, [("Feed", url)],
                                      settings="allow_private_links = true"))
    with Desk.open(config) as desk:
        assert desk.fetch_page(refused.id)
        article = desk.article(refused.id)
        assert article is not None and "hunter2" in article.body


@pytest.mark.parametrize("host", [
    "127.0.0.2", "127.1", "2130706433", "0x7f000001", "[::1]", "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]", "0.0.0.0", "localhost", "169.254.169.254", "[fe80::1]", "10.1.2.3",
    "192.168.0.1", "100.64.0.1", "[fd00:ec2::254]", "[64:ff9b::a00:1]", "[2002:a00:1::1]"])
def test_every_spelling_of_a_private_address_is_refused(host: str) -> None:
    """Refused before any connection: none of these needs a server (and none is answered)."""
    policy = LinkPolicy.for_feeds(["http://news.example/feed.xml"], allow_private=False)

    async def fetch() -> str | None:
        async with Fetcher(connect_timeout=2, read_timeout=2) as fetcher:
            result = await fetcher.get(f"http://{host}:9/x", max_bytes=1000, policy=policy)
            return result.error

    started = time.monotonic()
    error = asyncio.run(fetch()) or ""
    assert error.startswith("refused to fetch the page from"), error
    assert time.monotonic() - started < 2


@pytest.mark.parametrize(("address", "words"), [
    ("8.8.8.8", None), ("2001:4860::8888", None), ("1.1.1.1", None),
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("::ffff:10.0.0.1", "private"),
    ("169.254.169.254", "metadata"), ("fd00:ec2::254", "metadata"), ("fe80::1", "link-local"),
    ("224.0.0.1", "multicast"), ("100.64.0.1", "not a public"), ("2002:7f00:1::", "loopback"),
    ("64:ff9b::7f00:1", "loopback"), ("2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback"),
])
def test_why_private(address: str, words: str | None) -> None:
    why = why_private(ipaddress.ip_address(address))
    assert (why is None) if words is None else (words in (why or "")), why


def test_the_connection_itself_is_checked(server: LocalServer) -> None:
    """The last line of defence: even a request that skipped the pre-check (or a name that
    resolves differently the second time) cannot connect, because the backend resolves once,
    checks, and connects to the checked address."""
    backend = GuardedBackend(Resolver())

    async def connect(policy: LinkPolicy | None) -> str:
        token = POLICY.set(policy)
        try:
            stream = await backend.connect_tcp("localhost", server.port, timeout=2)
        except httpcore.ConnectError as exc:
            return str(exc)
        finally:
            POLICY.reset(token)
        await stream.aclose()
        return "connected"

    assert asyncio.run(connect(None)) == "connected"  # a feed: the user's own choice
    own = LinkPolicy.for_feeds([f"http://localhost:{server.port}/f"], False)
    assert asyncio.run(connect(own)) == "connected"  # the feed's own server
    refused = asyncio.run(connect(LinkPolicy.for_feeds(["http://news.example/f"], False)))
    assert refused.startswith("refused to fetch the page from localhost (127.0.0.1)"), refused


def test_the_feeds_own_server_is_its_host_and_port() -> None:
    policy = LinkPolicy.for_feeds(["http://intranet.example/rss", "http://127.0.0.1:3000/f"],
                                  allow_private=False)
    private = ["10.0.0.7"]
    assert policy.refusal("intranet.example", 80, private) is None
    assert policy.refusal("INTRANET.example.", 443, private) is None  # http and https alike
    assert policy.refusal("intranet.example", 8080, private) is not None
    assert policy.refusal("127.0.0.1", 3000, ["127.0.0.1"]) is None
    # a local feed relaying a link to another local service: refused
    assert "loopback" in (policy.refusal("127.0.0.1", 6379, ["127.0.0.1"]) or "")
    assert policy.refusal("news.example", 80, ["93.184.216.34"]) is None  # public: fine


def test_one_resolution_per_host() -> None:
    """What the check saw is what the connection uses: a second lookup is never made."""
    resolver = Resolver()

    async def twice() -> tuple[list[str], list[str]]:
        return (await resolver.resolve("localhost", 80), await resolver.resolve("LOCALHOST", 80))

    first, second = asyncio.run(twice())
    assert first is second and "127.0.0.1" in first
