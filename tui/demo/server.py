"""A quiet loopback HTTP server for the demo site.

Serves ``/<outlet>/feed.xml`` and ``/<outlet>/<slug>.html`` with real validators (ETag,
Last-Modified, 304s) so the fetcher's conditional GETs are exercised end to end. One
article page deliberately answers 404 so readers fall back to the feed's content.
"""

from __future__ import annotations

import hashlib
import html
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

from tui.demo.feeds import FEED_CONTENT_TYPES, render_feed
from tui.demo.site import Site, load_site, render_page

__all__ = ["DemoFeed", "DemoServer", "Resource", "build_routes", "write_demo_config"]


@dataclass(frozen=True, slots=True)
class DemoFeed:
    name: str
    url: str
    tags: tuple[str, ...]
    lang: str


@dataclass(frozen=True, slots=True)
class Resource:
    body: bytes
    content_type: str
    last_modified: datetime  # aware

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'


def build_routes(site: Site, base_url: str) -> dict[str, Resource]:
    """Every servable path -> its resource (missing pages are simply absent)."""
    routes: dict[str, Resource] = {}
    index: list[str] = []
    for outlet in site.outlets:
        articles = site.articles_of(outlet.slug)
        feed_path = f"/{outlet.slug}/feed.xml"
        ctype = f"{FEED_CONTENT_TYPES[outlet.feed]}; charset="
        ctype += outlet.charset if outlet.feed.startswith("rss2") else "utf-8"
        routes[feed_path] = Resource(render_feed(site, outlet, base_url), ctype,
                                     articles[0].published)
        index.append(f'<li><a href="{feed_path}">{html.escape(outlet.name)}</a></li>')
        for article in articles:
            if article.missing_page:
                continue
            routes[article.path] = Resource(
                render_page(site, article, base_url),
                f"text/html; charset={outlet.charset}", article.published)
    newest = max(a.published for a in site.articles)
    page = f"<!DOCTYPE html><title>Demo outlets</title><ul>{''.join(index)}</ul>"
    routes["/"] = Resource(page.encode(), "text/html; charset=utf-8", newest)
    return routes


class LoopbackHandler(BaseHTTPRequestHandler):
    """What every loopback server of ours shares (the demo's, the tests', the bench site's)."""

    protocol_version = "HTTP/1.1"
    # As real servers do: without it every keep-alive response after the first waits
    # ~40 ms for the client's delayed ACK (Nagle), which swamps any timing.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the demo must not scribble over the terminal UI, nor tests over their output."""

    def answer(self, status: int, body: bytes, headers: dict[str, str], *,
               with_body: bool = True) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body and body and status != 304:
            self.wfile.write(body)


class _Handler(LoopbackHandler):
    server: _Server

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def _answer(self, *, with_body: bool) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        resource = self.server.routes.get(path)
        if resource is None:
            self.answer(404, b"<!DOCTYPE html><title>Not found</title><h1>404 Not Found</h1>",
                        {"Content-Type": "text/html; charset=utf-8"}, with_body=with_body)
            return
        headers = {"ETag": resource.etag,
                   "Last-Modified": format_datetime(resource.last_modified.astimezone(UTC),
                                                    usegmt=True),
                   "Cache-Control": "no-cache"}
        if self._not_modified(resource):
            self.answer(304, b"", headers)
            return
        self.answer(200, resource.body, {"Content-Type": resource.content_type, **headers},
                    with_body=with_body)

    def _not_modified(self, resource: Resource) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:  # RFC 9110: If-None-Match wins over If-Modified-Since
            tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
            return "*" in tags or resource.etag in tags
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
            if since.tzinfo is None:
                since = since.replace(tzinfo=UTC)
            return resource.last_modified.replace(microsecond=0) <= since
        return False


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, Resource]

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet: a client hanging up mid-response is not worth a traceback on the TUI."""


class DemoServer:
    """The demo site on 127.0.0.1 (a free port), served from a daemon thread."""

    def __init__(self, site: Site | None = None, host: str = "127.0.0.1", port: int = 0
                 ) -> None:
        self.site = site or load_site()
        self._httpd = _Server((host, port), _Handler)
        self._httpd.routes = {}
        self.host, self.port = host, int(self._httpd.server_address[1])
        self.base_url = f"http://{self.host}:{self.port}"
        self._httpd.routes = build_routes(self.site, self.base_url)
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.2},
                                        name="newsdesk-demo-server", daemon=True)
        self._thread.start()
        self._closed = False

    @property
    def feeds(self) -> list[DemoFeed]:
        return [DemoFeed(name=o.name, url=f"{self.base_url}/{o.slug}/feed.xml",
                         tags=o.tags, lang=o.lang) for o in self.site.outlets]

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> DemoServer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped) + '"'


# Saved views and a rule, so the demo shows what a working feeds.toml looks like.
DEMO_EXTRAS = [
    "[[view]]", 'name = "Shoigu"', 'query = "actor:sergei-shoigu"', "",
    "[[view]]", 'name = "Iran security"',
    'query = "actor:irgc OR actor:ali-akbar-ahmadian OR actor:mohammad-bagheri"', "",
    "[[view]]", 'name = "Unread analysis"', 'query = "+analysis is:unread"', "",
    "[[rule]]", 'query = "actor:hamas OR actor:hezbollah OR actor:houthis"',
    'tag = "armed-groups"', "",
]


def write_demo_config(directory: Path, server: DemoServer) -> Path:
    """Write ``feeds.toml`` for the running demo into ``directory``; return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    lines = ["# newsdesk demo: feeds served by the bundled loopback server.", "",
             "[settings]", 'cache_dir = "cache"', ""]
    for feed in server.feeds:
        tags = ", ".join(_toml_str(t) for t in feed.tags)
        lines += ["[[feed]]", f"name = {_toml_str(feed.name)}", f"url = {_toml_str(feed.url)}",
                  f"tags = [{tags}]", f"lang = {_toml_str(feed.lang)}", ""]
    lines += DEMO_EXTRAS
    path = directory / "feeds.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def main() -> None:
    """``python -m tui.demo.server``: serve the demo until Ctrl-C."""
    import time

    with DemoServer() as server:
        print(f"demo site at {server.base_url}/")
        for feed in server.feeds:
            print(f"  {feed.name}: {feed.url}")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
