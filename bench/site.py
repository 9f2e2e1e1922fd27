"""A synthetic news site for benchmarks: RSS feeds plus article pages, served on loopback.

Pages carry the boilerplate real news sites have (head scripts, JSON-LD, navigation, cookie
banner, share bar, inline "Read more" links, related-stories aside, newsletter form, long
footer), because extraction cost depends on the whole DOM, not just the article. All text is
generated from our own phrase bank with a seeded RNG, so runs are reproducible. Each article's
title and lead paragraph name actors as real coverage does (bench/site_news.py); `actors=False`
serves the earlier site without names, kept only to compare the two.

Feeds are spread over several loopback addresses (127.0.0.1, 127.0.0.2, ...) so a client's
per-host politeness limit sees many hosts, as with 200 real feeds. Every resource has an ETag
and a Last-Modified; a matching If-None-Match or If-Modified-Since gets a 304.
"""

from __future__ import annotations

import hashlib
import random
import threading
from collections import Counter
from email.utils import formatdate, parsedate_to_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

from bench.site_news import Coverage
from tui.demo.server import LoopbackHandler

SUBJECTS = ("The foreign minister", "A senior military official", "The central bank",
            "Opposition lawmakers", "Local council leaders", "The energy ministry",
            "Regional mediators", "A delegation of envoys", "Port authorities",
            "Humanitarian agencies", "The defence ministry", "Independent monitors",
            "Grain traders", "Pipeline operators", "Election officials", "Border guards")
VERBS = ("said on Tuesday that", "warned in a statement that", "told reporters that",
         "confirmed late on Sunday that", "signalled during talks that",
         "acknowledged in a briefing that", "insisted on Friday that", "suggested that")
CLAUSES = ("the ceasefire around the northern crossings was largely holding",
           "shipments through the southern corridor would resume within days",
           "sanctions on the refinery sector had cut export volumes sharply",
           "a new round of negotiations was planned for the coming month",
           "drone strikes overnight had damaged a substation near the front",
           "the currency had slipped again despite interventions by the regulator",
           "parliament would vote on the emergency budget before the recess",
           "convoys carrying fuel and medicine had been delayed at the border",
           "the tanker fleet was being re-flagged to avoid further inspections",
           "talks on prisoner exchanges had stalled over the number of detainees",
           "wheat prices had eased after the harvest estimate was revised upward",
           "militia commanders had agreed to withdraw heavy weapons from the town",
           "protests in the capital had grown for a third consecutive evening",
           "the summit communique would mention maritime security for the first time",
           "power cuts were expected to last through the winter in several provinces",
           "inspectors had not been granted access to the enrichment facility")
PLACES = ("Tehran", "Moscow", "Damascus", "Baghdad", "Beirut", "Ankara", "Kyiv", "Doha",
          "Riyadh", "Tbilisi", "Baku", "Cairo", "Amman", "Odesa", "Basra", "Aleppo")
TAILS = ("Analysts cautioned that the figures were preliminary.",
         "Officials in {p} declined to comment on the details.",
         "Residents of {p} described long queues at petrol stations.",
         "Diplomats in {p} said a joint statement could follow.",
         "The claims could not be independently verified.",
         "Markets in {p} reacted calmly to the announcement.")

_POOL_SIZE = 600
_SCRIPT = "window.__cfg={" + ",".join(f'"k{i}":"{"x" * 40}{i}"' for i in range(180)) + "};"
_STYLE = "".join(f".c{i}{{margin:{i % 9}px;padding:{i % 7}px;color:#{i:06x}}}" for i in range(220))


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAUSES)}."


def _paragraph(rng: random.Random) -> str:
    parts = [_sentence(rng) for _ in range(rng.randint(3, 5))]
    parts.append(rng.choice(TAILS).format(p=rng.choice(PLACES)))
    return " ".join(parts)


class SiteContent:
    """Deterministic feeds and pages; a page is built on request from a paragraph pool."""

    def __init__(self, feeds: int, items: int, hosts: list[str], seed: int = 1,
                 actors: bool = True) -> None:
        self.feeds, self.items, self.hosts = feeds, items, hosts
        rng = random.Random(seed)
        self.pool = [_paragraph(rng) for _ in range(_POOL_SIZE)]
        self.titles = [f"{rng.choice(PLACES)}: {rng.choice(CLAUSES).capitalize()}"
                       for _ in range(_POOL_SIZE)]
        self.last_modified = formatdate(1_780_000_000, usegmt=True)
        self.ports: dict[str, int] = {}
        self.coverage = Coverage(seed, PLACES, CLAUSES, VERBS) if actors else None
        self._articles: dict[tuple[int, int], tuple[str, str]] = {}

    def host_of(self, feed: int) -> str:
        return self.hosts[feed % len(self.hosts)]

    def base(self, feed: int) -> str:
        host = self.host_of(feed)
        return f"http://{host}:{self.ports[host]}"

    def feed_url(self, feed: int) -> str:
        return f"{self.base(feed)}/f{feed}/feed.xml"

    def page_url(self, feed: int, item: int) -> str:
        return f"{self.base(feed)}/f{feed}/{item}.html"

    def _article(self, feed: int, item: int) -> tuple[str, str] | None:
        if self.coverage is None:
            return None
        key = (feed, item % self.items if self.items else item)
        if key not in self._articles:
            self._articles[key] = self.coverage.article(*key)
        return self._articles[key]

    def _title(self, feed: int, item: int) -> str:
        news = self._article(feed, item)
        head = news[0] if news else self.titles[(feed * 31 + item * 7) % _POOL_SIZE]
        return f"{head} ({feed}-{item})"

    def _paras(self, feed: int, item: int) -> list[str]:
        rng = random.Random(feed * 100_003 + item)
        paras = [self.pool[rng.randrange(_POOL_SIZE)] for _ in range(rng.randint(7, 13))]
        news = self._article(feed, item)
        if news:  # the lead names the actors; the rest of the page is the usual filler
            paras[0] = news[1]
        return paras

    def feed_xml(self, feed: int) -> bytes:
        out = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
               'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
               f"<title>Bench Wire {feed}</title><link>{self.base(feed)}/f{feed}/</link>"
               "<description>Synthetic regional news for benchmarks</description>"
               "<language>en</language>"]
        for item in range(self.items):
            paras = self._paras(feed, item)
            # 2026-05-28 minus an hour per item: newest first, all distinct
            stamp = formatdate(1_780_000_000 - 3600 * item - 60 * feed, usegmt=True)
            out.append(
                f"<item><title>{escape(self._title(feed, item))}</title>"
                f"<link>{self.page_url(feed, item)}</link>"
                f'<guid isPermaLink="false">bench-{feed}-{item}</guid>'
                f"<pubDate>{stamp}</pubDate><dc:creator>Desk {feed % 7}</dc:creator>"
                f"<category>region-{feed % 5}</category>"
                f"<description>{escape('<p>' + paras[0] + '</p>')}</description></item>")
        out.append("</channel></rss>")
        return "".join(out).encode()

    def page_html(self, feed: int, item: int) -> bytes:
        title = escape(self._title(feed, item))
        paras = self._paras(feed, item)
        nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(60))
        body = []
        for n, para in enumerate(paras):
            body.append(f"<p>{escape(para)}</p>")
            if n == 2:
                body.append(f'<p class="read-more">Read more: <a href="/f{feed}/{(item + 1) % 50}'
                            f'.html">{escape(self._title(feed, item + 1))}</a></p>')
            if n == 4:
                body.append('<figure><img src="/img/1.jpg" alt=""><figcaption>A convoy waits '
                            "at the crossing. Photo: agency</figcaption></figure>"
                            '<div class="ad">Advertisement</div>')
        related = "".join(f'<li><a href="/f{feed}/{j}.html">{escape(self._title(feed, j))}</a></li>'
                          for j in range(10))
        footer = "".join(f'<a href="/about/{i}">Footer link {i}</a> ' for i in range(40))
        return (
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{title} | Bench Wire</title>"
            f'<meta property="og:title" content="{title}">'
            f'<meta name="author" content="Desk {feed % 7}">'
            '<script type="application/ld+json">{"@type":"NewsArticle","headline":"'
            f'{title}","datePublished":"2026-05-28T10:00:00Z"}}</script>'
            f"<style>{_STYLE}</style><script>{_SCRIPT}</script></head><body>"
            f'<header><div class="logo">Bench Wire</div><nav><ul>{nav}</ul></nav></header>'
            '<div class="cookie-banner">We use cookies to improve your experience. '
            "<button>Accept all</button> <button>Settings</button></div>"
            '<main><article><h1>' + title + '</h1><div class="byline">By Desk '
            f'{feed % 7} | 28 May 2026</div><div class="share">Share on X Share on Facebook '
            "Copy link</div>" + "".join(body) + "</article>"
            f'<aside><h3>Most read</h3><ul>{related}</ul></aside>'
            '<section class="newsletter"><h3>Sign up for our morning briefing</h3><form>'
            '<input type="email"><button>Subscribe</button></form></section></main>'
            f"<footer>{footer}<p>Copyright 2026 Bench Wire. All rights reserved.</p></footer>"
            f"<script>{_SCRIPT}</script></body></html>").encode()

    def resource(self, path: str) -> tuple[bytes, str] | None:
        """(body, content type) for a path, or None."""
        parts = path.split("?")[0].strip("/").split("/")
        if len(parts) != 2 or not parts[0].startswith("f") or not parts[0][1:].isdigit():
            return None
        feed = int(parts[0][1:])
        if feed >= self.feeds:
            return None
        if parts[1] == "feed.xml":
            return self.feed_xml(feed), "application/rss+xml; charset=utf-8"
        stem = parts[1].removesuffix(".html")
        if parts[1].endswith(".html") and stem.isdigit() and int(stem) < self.items:
            return self.page_html(feed, int(stem)), "text/html; charset=utf-8"
        return None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512


class SiteServer:
    """Serves a SiteContent on one port per loopback address; counts requests and 304s."""

    def __init__(self, feeds: int = 200, items: int = 50, hosts: int = 20, seed: int = 1,
                 actors: bool = True) -> None:
        names = [f"127.0.0.{i + 1}" for i in range(max(1, min(hosts, feeds, 200)))]
        self.content = SiteContent(feeds, items, names, seed, actors)
        self.stats: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._servers: list[_Server] = []
        self._threads: list[threading.Thread] = []
        self._etags: dict[str, str] = {}
        self._known: dict[str, tuple[str, str]] = {}  # path -> (etag, content type) once served

    def _etag(self, path: str, body: bytes) -> str:
        tag = self._etags.get(path)
        if tag is None:
            tag = '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'
            self._etags[path] = tag
        return tag

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(LoopbackHandler):
            def do_GET(self) -> None:
                lm = site.content.last_modified
                known = site._known.get(self.path)
                if known is not None and self._fresh(known[0], lm):
                    # As a real server answers a conditional GET: from the stored validator,
                    # without building the body (building a 50-item feed costs ~1 ms of the
                    # bench process's one GIL, which timed our own server, not the clients).
                    site.count("304")
                    self.answer(304, b"", {"ETag": known[0], "Last-Modified": lm,
                                           "Content-Type": known[1]})
                    return
                found = site.content.resource(self.path)
                if found is None:
                    site.count("404")
                    self.answer(404, b"not found", {"Content-Type": "text/plain"})
                    return
                body, ctype = found
                etag = site._etag(self.path, body)
                site._known[self.path] = (etag, ctype)
                headers = {"ETag": etag, "Last-Modified": lm, "Content-Type": ctype}
                if self._fresh(etag, lm):
                    site.count("304")
                    self.answer(304, b"", headers)
                    return
                site.count("200 feed" if self.path.endswith(".xml") else "200 page")
                self.answer(200, body, headers)

            def _fresh(self, etag: str, lm: str) -> bool:
                inm = self.headers.get("If-None-Match")
                if inm is not None:
                    return etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
                ims = self.headers.get("If-Modified-Since")
                if ims:
                    try:
                        return parsedate_to_datetime(ims) >= parsedate_to_datetime(lm)
                    except (TypeError, ValueError):
                        return False
                return False

        return Handler

    def count(self, what: str) -> None:
        with self._lock:
            self.stats[what] += 1

    def reset_stats(self) -> dict[str, int]:
        with self._lock:
            snapshot = dict(self.stats)
            self.stats.clear()
        return snapshot

    def start(self) -> SiteServer:
        handler = self._handler()
        for host in self.content.hosts:
            server = _Server((host, 0), handler)
            self.content.ports[host] = server.server_address[1]
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                      daemon=True)
            thread.start()
            self._servers.append(server)
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        self._servers.clear()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # -- configs for the clients -------------------------------------------------------------
    def feed_urls(self) -> list[str]:
        return [self.content.feed_url(i) for i in range(self.content.feeds)]

    def newsdesk_config(self, cache_dir: str, *, extract: bool = True, feeds: int | None = None,
                        concurrency: int = 8, per_host: int = 2) -> str:
        lines = ["[settings]", f'cache_dir = "{cache_dir}"', "keep_days = 0",
                 f"extract = {'true' if extract else 'false'}", f"concurrency = {concurrency}",
                 f"per_host = {per_host}", ""]
        for i, url in enumerate(self.feed_urls()[:feeds]):
            lines += ["[[feed]]", f'name = "Bench {i}"', f'url = "{url}"', ""]
        return "\n".join(lines)


if __name__ == "__main__":  # serve for manual poking: python bench/site.py [feeds] [items]
    import sys
    import time

    with SiteServer(int(sys.argv[1]) if len(sys.argv) > 1 else 5,
                    int(sys.argv[2]) if len(sys.argv) > 2 else 10) as srv:
        print("\n".join(srv.feed_urls()), flush=True)
        while True:
            time.sleep(3600)
