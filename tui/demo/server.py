"""A quiet loopback HTTP server for the demo site.

Serves ``/<outlet>/feed.xml`` and ``/<outlet>/<slug>.html`` with real validators (ETag,
Last-Modified, 304s) so the fetcher's conditional GETs are exercised end to end. Every
article has its page (a feed-only item's too: other pages' lists link to it).
"""

from __future__ import annotations

import hashlib
import html
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from tui.demo.config import write_demo_config
from tui.demo.feeds import FEED_CONTENT_TYPES, render_feed
from tui.demo.site import Site, load_site, render_page

__all__ = ["DemoFeed", "DemoServer", "Resource", "RunningDemo", "build_routes", "open_demo",
           "write_demo_config"]

# Answers with the fingerprint of what the server serves, so another demo run can tell a
# live demo of the same site on its port from anything else holding it.
IDENTITY_PATH = "/.newsdesk-demo"


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
    """Every servable path -> its resource."""
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
            routes[article.path] = Resource(
                render_page(site, article, base_url),
                f"text/html; charset={outlet.charset}", article.published)
    newest = max(a.published for a in site.articles)
    page = f"<!DOCTYPE html><title>Demo outlets</title><ul>{''.join(index)}</ul>"
    routes["/"] = Resource(page.encode(), "text/html; charset=utf-8", newest)
    served = "".join(f"{path} {res.etag}\n" for path, res in sorted(routes.items()))
    routes[IDENTITY_PATH] = Resource(hashlib.sha256(served.encode()).hexdigest().encode(),
                                     "text/plain; charset=utf-8", newest)
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
    # Some Pythons' HTTPServer set SO_REUSEPORT: two demos would then bind one port side by
    # side, and the second could not tell that a demo already serves it (open_demo).
    allow_reuse_port = False
    routes: dict[str, Resource]

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet: a client hanging up mid-response is not worth a traceback on the TUI."""


class _Site:
    site: Site
    base_url: str

    @property
    def feeds(self) -> list[DemoFeed]:
        return [DemoFeed(name=o.name, url=f"{self.base_url}/{o.slug}/feed.xml",
                         tags=o.tags, lang=o.lang) for o in self.site.outlets]


class RunningDemo(_Site):
    """The demo another `newsdesk demo` serves on this port: used as it is, so two runs at
    once share one server and feeds.toml keeps naming the port that stays up. `stand_by`
    takes the port over when that demo quits, so R here keeps working."""

    def __init__(self, site: Site, base_url: str) -> None:
        self.site, self.base_url = site, base_url
        self._stop = threading.Event()
        self._watch: threading.Thread | None = None
        self._own: DemoServer | None = None

    def stand_by(self, port: int, every: float = 1.0) -> RunningDemo:
        """Try to bind `port` every `every` seconds, and serve the site once it is free."""
        self._watch = threading.Thread(target=self._take_over, args=(port, every),
                                       name="newsdesk-demo-standby", daemon=True)
        self._watch.start()
        return self

    def _take_over(self, port: int, every: float) -> None:
        while not self._stop.wait(every):
            try:
                self._own = DemoServer(self.site, port=port)
                return
            except OSError:  # still served (by the first demo, or by another standby)
                continue

    def close(self) -> None:
        """The server it took over, if any; the other demo's is not ours to stop."""
        self._stop.set()
        if self._watch is not None:
            self._watch.join(timeout=5)
        if self._own is not None:
            self._own.close()

    def __enter__(self) -> RunningDemo:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def serves_this_site(site: Site, port: int, host: str = "127.0.0.1") -> bool:
    import http.client

    base_url = f"http://{host}:{port}"
    conn = http.client.HTTPConnection(host, port, timeout=2)
    try:
        conn.request("GET", IDENTITY_PATH)
        answer = conn.getresponse()
        body = answer.read(200)
    except (OSError, http.client.HTTPException):
        return False
    finally:
        conn.close()
    return answer.status == 200 and body == build_routes(site, base_url)[IDENTITY_PATH].body


def open_demo(port: int = 0, site: Site | None = None) -> DemoServer | RunningDemo:
    """The demo on `port` (the one its feeds.toml names) when it is free, or the demo already
    serving there; else a server on a free port."""
    site = site or load_site()
    if port:
        try:
            return DemoServer(site, port=port)
        except OSError:
            if serves_this_site(site, port):
                return RunningDemo(site, f"http://127.0.0.1:{port}").stand_by(port)
    return DemoServer(site)


class DemoServer(_Site):
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
