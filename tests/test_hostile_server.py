"""Misbehaving servers, through the real pipeline: each costs bounded time and memory and
fails only its own feed, with an error a reader understands."""

from __future__ import annotations

import asyncio
import re
import resource
import time
import tracemalloc
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer, brotli_bomb, gzip_bomb, http_date
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.ingest.fetch import Fetcher
from tui.core.refresh.events import Progress, RefreshEvent

TEN_GB = 10 * 10**9
CAP = 10 * 1024 * 1024  # the default max_feed_bytes


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_decompression_bomb_is_capped(server: LocalServer, encoding: str) -> None:
    body = gzip_bomb(TEN_GB) if encoding == "gzip" else brotli_bomb(TEN_GB)
    assert len(body) < 12 * 1024 * 1024  # a few MB on the wire ...
    url = server.add("/bomb", body=body, headers={"Content-Encoding": encoding})

    async def fetch() -> tuple[int, bool, str | None]:
        async with Fetcher(connect_timeout=2, read_timeout=5) as fetcher:
            result = await fetcher.get(url, max_bytes=CAP)
            return len(result.body), result.truncated, result.error

    tracemalloc.start()
    started = time.monotonic()
    try:
        size, truncated, error = asyncio.run(fetch())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    elapsed = time.monotonic() - started
    print(f"\n{encoding} bomb: {len(body)} B -> 10 GB; kept {size} B in {elapsed:.2f} s, "
          f"peak {peak / 2**20:.1f} MiB")
    assert error is None and truncated and size == CAP  # ... 10 MB kept, the rest never made
    assert peak < 6 * CAP and elapsed < 10


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_a_bomb_inflates_off_the_event_loop(server: LocalServer, encoding: str) -> None:
    """The loop keeps turning while a bomb inflates to its cap: a ticker on it never waits
    long. Inflated on the loop, one network chunk ran to the cap in a single call (the whole
    fetch was one stall), and a refresh's other feeds waited on it, their connect deadlines
    expiring with the loop's clock."""
    body = gzip_bomb(TEN_GB) if encoding == "gzip" else brotli_bomb(TEN_GB)
    url = server.add("/bomb", body=body, headers={"Content-Encoding": encoding})

    async def fetch() -> tuple[float, float]:
        gaps = [0.0]
        done = asyncio.Event()

        async def tick() -> None:
            last = time.monotonic()
            while not done.is_set():
                await asyncio.sleep(0.001)
                now = time.monotonic()
                gaps.append(now - last)
                last = now

        ticker = asyncio.create_task(tick())
        started = time.monotonic()
        async with Fetcher(connect_timeout=5, read_timeout=5) as fetcher:
            result = await fetcher.get(url, max_bytes=8 * CAP)
        took = time.monotonic() - started
        done.set()
        await ticker
        assert result.truncated and len(result.body) == 8 * CAP
        return max(gaps), took

    longest, took = asyncio.run(fetch())
    assert longest < took / 3, (longest, took)


@pytest.mark.parametrize("encoding", ["gzip", "br", "deflate", "deflate-raw"])
def test_honest_compressed_bodies_arrive_whole(server: LocalServer, encoding: str) -> None:
    """Bounded decoding must not lose a byte of a large, legitimate body (httpx's own brotli
    path with brotli 1.2 returned 8.4 of these 10 MB, silently)."""
    import os
    import zlib

    import brotli

    plain = b"".join(b"<item><title>%d</title></item>" % i for i in range(300_000))
    plain += os.urandom(100_000)
    body = {"gzip": lambda: zlib.compress(plain, 6, wbits=31),
            "br": lambda: brotli.compress(plain, quality=5),
            "deflate": lambda: zlib.compress(plain, 6),
            "deflate-raw": lambda: zlib.compress(plain, 6, wbits=-15)}[encoding]()
    url = server.add("/z", body=body, headers={"Content-Encoding": encoding.split("-")[0]})

    async def fetch() -> bytes:
        async with Fetcher(connect_timeout=2, read_timeout=5) as fetcher:
            result = await fetcher.get(url, max_bytes=4 * CAP)
            assert result.error is None and not result.truncated
            return result.body

    assert asyncio.run(fetch()) == plain


def test_content_encoding_labels(server: LocalServer) -> None:
    """A false "gzip" is a clear error; a nonsense label means identity, as in browsers."""
    fake = server.add("/fake-gzip", body=b"<rss>plain</rss>", headers={"Content-Encoding": "gzip"})
    odd = server.add("/utf8", body=b"<rss>plain</rss>", headers={"Content-Encoding": "UTF-8"})

    async def fetch(url: str) -> tuple[bytes, str | None]:
        async with Fetcher(connect_timeout=2, read_timeout=2) as fetcher:
            result = await fetcher.get(url, max_bytes=CAP)
            return result.body, result.error

    assert "decompressed" in (asyncio.run(fetch(fake))[1] or "")
    assert asyncio.run(fetch(odd)) == (b"<rss>plain</rss>", None)


def _items(n: int) -> list[dict[str, str]]:
    return [{"title": f"Item {i}", "link": f"http://127.0.0.1/i/{i}", "guid": f"g{i}",
             "description": f"Text {i}"} for i in range(n)]


def _hostile(server: LocalServer) -> dict[str, tuple[str, str | None]]:
    """name -> (url, expected error fragment or None for an ingested feed)."""
    add = server.add
    cyrillic = "Новости дня".encode("cp1251")
    koi8 = ('<?xml version="1.0" encoding="koi8-r"?><rss version="2.0"><channel><title>Лента'
            '</title><item><title>Москва</title><guid>k1</guid></item></channel></rss>')
    bad_utf8 = rss([{"title": "Broken \xff\xfe bytes", "guid": "u1"}]).replace(
        "\xff\xfe".encode(), b"\xff\xfe\xc3")
    port = server.httpd.server_address[1]
    return {
        "good": (add("/good.xml", body=rss(_items(3))), None),
        "gzip-bomb": (add("/gz", body=gzip_bomb(TEN_GB), headers={"Content-Encoding": "gzip"}),
                      "not a feed"),
        "brotli-bomb": (add("/br", body=brotli_bomb(TEN_GB), headers={"Content-Encoding": "br"}),
                        "not a feed"),
        "endless": (add("/endless", endless=b"A" * 65536, max_seconds=30), "not a feed"),
        "trickle": (add("/trickle", body=rss(_items(2)), byte_delay=1.0, max_seconds=40),
                    "timed out"),
        "redirect-loop": (add("/loop", status=302, headers={"Location": "/loop"}),
                          "redirect loop: "),
        "to-file": (add("/to-file", status=301, headers={"Location": "file:///etc/passwd"}),
                    "refused to follow a file URL"),
        "to-ftp": (add("/to-ftp", status=307, headers={"Location": "ftp://127.0.0.1/x"}),
                   "refused to follow a ftp URL"),
        "to-data": (add("/to-data", status=302, headers={"Location": "data:text/xml,<rss/>"}),
                    "refused to follow a data URL"),
        "bad-location": (add("/bad-loc", status=302, headers={"Location": "http://[::1"}),
                         "invalid URL"),
        "100k-items": (add("/big.xml", body=rss(_items(100_000))), None),
        "wrong-charset": (add("/cp1251.xml", headers={"Content-Type": "text/xml; charset=utf-8"},
                              body=rss([{"title": "x", "guid": "c1"}]).replace(b"x", cyrillic)),
                          None),
        "no-charset": (add("/koi8.xml", body=koi8.encode("koi8-r"),
                           headers={"Content-Type": "application/xml"}), None),
        "invalid-utf8": (add("/bad-utf8.xml", body=bad_utf8), None),
        "html": (add("/page.html", body=b"<!doctype html><html><head><title>Home</title></head>"
                     b"<body><p>Welcome</p></body></html>",
                     headers={"Content-Type": "text/html"}), "not a feed"),
        "empty": (add("/empty.xml", body=b""), "not a feed"),
        "fake-gzip": (add("/fake-gz", body=rss(_items(1)), headers={"Content-Encoding": "gzip"}),
                      "could not be decompressed"),
        "tls": (f"https://127.0.0.1:{port}/good.xml", "TLS"),
        "dns": ("http://news.example.invalid/rss.xml", "DNS failure"),
        "refused": ("http://127.0.0.1:9/rss.xml", "could not connect"),
    }


def test_hostile_servers_fail_alone(server: LocalServer, tmp_path: Path) -> None:
    cases = _hostile(server)
    feeds = [{"name": name, "url": url, "extract": False} for name, (url, _) in cases.items()]
    # Loopback connections come at once, but a loaded box (load 11+) left every one "timed
    # out connecting" within 2 s: the connect deadline is raised, not what is proved. The
    # trickle still outlasts its whole-request deadline (connect + 3 x read = 16 s).
    settings = ("per_host = 32\nconcurrency = 32\nmax_feed_bytes = 20000000\n"
                "connect_timeout = 10\nread_timeout = 2")
    config = load_config(write_config(tmp_path, feeds, settings=settings))
    with Desk.open(config) as desk:
        feeds_done: list[float] = []
        peaks: list[int] = []

        def on_event(event: RefreshEvent) -> None:
            if isinstance(event, Progress) and event.stage == "feeds" and event.done == event.total:
                feeds_done.append(time.monotonic())
                peaks.append(tracemalloc.get_traced_memory()[1])
                tracemalloc.stop()  # the fetch is what is measured, and tracing is slow

        tracemalloc.start()
        started = time.monotonic()
        try:
            summary = desk.refresh(extract=False, on_event=on_event)
            peak = peaks[0]
        finally:
            tracemalloc.stop()
        elapsed = feeds_done[0] - started  # fetch + parse + store; analysis of the
        analysed = time.monotonic() - feeds_done[0]  # 5,000 new articles is reported apart
        status = {f.name: f for f in desk.feeds()}
        titles = [r.title for r in desk.articles(limit=10_000)]
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\n{len(cases)} hostile feeds in {elapsed:.1f} s (then {analysed:.1f} s analysing "
          f"{len(titles)} articles); main-process peak "
          f"{peak / 2**20:.0f} MiB (traced), largest worker RSS {children:.0f} MiB")
    errors = {e["feed"]: e["error"] for e in summary.errors}
    for name, (_url, expected) in cases.items():
        outcome = errors.get(name) or status[name].last_error or status[name].warning or "ok"
        print(f"  {name:<14} {status[name].item_count:>5} items  {outcome[:90]}")
        if expected is None:
            assert name not in errors, f"{name}: {errors.get(name)}"
            assert status[name].last_ok is not None
        else:
            assert name in errors and expected in errors[name], f"{name}: {errors.get(name)}"
            assert status[name].failures == 1
    assert summary.feeds_ok + summary.feeds_failed == len(cases)
    assert status["100k-items"].item_count == 5000
    assert "95000 entries beyond the limit" in (status["100k-items"].warning or "")
    assert status["100k-items"].last_error is None  # read, not failing: a warning
    warned = {w["feed"]: w["warning"] for w in summary.warnings}
    assert "95000 entries beyond the limit" in warned["100k-items"]
    # Mislabelled or broken bytes still give storable, printable titles; cp1251 sent as utf-8
    # is read as cp1251.
    assert all(t and t.isprintable() for t in titles)
    assert "Москва" in titles and any(t.startswith("Broken ") for t in titles)
    assert "Новости дня" in titles
    assert elapsed < 45 and peak < 200 * 2**20  # the trickle's 16 s deadline dominates


def test_hostile_servers_with_pages_finish_within_a_minute(server: LocalServer,
                                                           tmp_path: Path) -> None:
    """The same routes with article pages on (the default): the 100k-item feed may not take the
    refresh over. Its pages are fetched at most max_pages_per_feed at a time, newest first; the
    rest wait, and the feed says so."""
    cases = _hostile(server)
    page = ("<html><body><article>" + "<p>Words of an article page, long enough to keep.</p>"
            * 6 + "</article></body></html>").encode()
    server.add("/p", body=page, headers={"Content-Type": "text/html"})
    links = [{"title": f"Item {i}", "link": server.url(f"/p?{i}"), "guid": f"p{i}",
              "pubDate": http_date(1_700_000_000 + i)} for i in range(100_000)]
    cases["100k-items"] = (server.add("/big.xml", body=rss(links)), None)
    feeds = [{"name": name, "url": url} for name, (url, _) in cases.items()]
    # Loopback connections come at once, but a loaded box (load 11+) left every one "timed
    # out connecting" within 2 s: the connect deadline is raised, not what is proved. The
    # trickle still outlasts its whole-request deadline (connect + 3 x read = 16 s).
    settings = ("per_host = 32\nconcurrency = 32\nmax_feed_bytes = 20000000\n"
                "connect_timeout = 10\nread_timeout = 2")
    config = load_config(write_config(tmp_path, feeds, settings=settings))
    started = time.monotonic()
    with Desk.open(config) as desk:
        summary = desk.refresh()
        elapsed = time.monotonic() - started
        status = {f.name: f for f in desk.feeds()}
        big = desk.articles("feed:100k-items", limit=5000)
        pages = {r.id for r in big if (a := desk.article(r.id)) and a.body_source == "page"}
    fetched = sum(1 for s in server.seen if s.path.startswith("/p?"))
    print(f"\n{len(cases)} hostile feeds with pages in {elapsed:.1f} s; {fetched} pages fetched "
          f"for the 100k-item feed; warning: {status['100k-items'].warning}")
    assert elapsed < 60
    # A loaded box (CI ran with load 11+) can time a page out at read_timeout = 2 s: such a
    # page is reported on the feed and keeps the feed's text, so every fetched page is either
    # stored or counted as failed, never lost silently.
    failed = re.search(r"(\d+) of the article pages last fetched failed",
                       status["100k-items"].warning or "")
    assert fetched == config.settings.max_pages_per_feed
    assert len(pages) + (int(failed.group(1)) if failed else 0) == fetched
    assert len(pages) >= fetched - 10
    assert pages <= {r.id for r in big[:fetched]}  # the newest ones
    warned = {w["feed"]: w["warning"] for w in summary.warnings}
    assert "4900 article pages wait" in warned["100k-items"]
    assert "4900 article pages wait" in (status["100k-items"].warning or "")
    assert status["100k-items"].failures == 0 and status["100k-items"].last_error is None


def test_the_declared_brotli_has_the_bounded_api() -> None:
    """pyproject's floor for brotli is a release with Decompressor.process's
    output_buffer_limit (1.2): `brotli>=1.1` let an install keep 1.1, whose process takes no
    keyword, and every brotli-encoded feed and page then failed with a TypeError."""
    import re
    import tomllib

    deps = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    floor = next(re.fullmatch(r"brotli>=([\d.]+)", d) for d in deps["project"]["dependencies"]
                 if d.startswith("brotli"))
    assert floor is not None
    assert tuple(map(int, floor.group(1).split("."))) >= (1, 2)
