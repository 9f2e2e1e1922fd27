"""A real HTTP server on 127.0.0.1 for tests: routes are set per test, requests are recorded.

Each route can misbehave the way real servers do: wrong status, slow bytes, endless bodies,
compressed bombs, redirects anywhere. Everything is bounded so a test can never hang.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tui.demo.server import LoopbackHandler


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # when set, If-None-Match with it answers 304
    delay: float = 0.0  # before the headers
    byte_delay: float = 0.0  # between single bytes of the body (a trickling server)
    endless: bytes | None = None  # repeat this chunk forever (bounded by max_seconds)
    max_seconds: float = 30.0
    chunked: bool = False
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None


@dataclass(frozen=True)
class Seen:
    path: str
    headers: dict[str, str]
    client_port: int = 0  # the connection it came on


class _QuietServer(ThreadingHTTPServer):
    """Clients that hang up mid-answer (timeouts, TLS probes) are expected here, not errors."""

    def handle_error(self, request: object, client_address: object) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class LocalServer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        server = self

        class Handler(LoopbackHandler):
            def do_GET(self) -> None:
                server.seen.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()},
                                        self.client_address[1]))
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    self.answer(404, b"not found", {"Content-Type": "text/plain"})
                    return
                if route.handler:
                    route.handler(self)
                    return
                time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.answer(304, b"", {"ETag": route.etag})
                    return
                headers = dict(route.headers)
                if route.etag:
                    headers["ETag"] = route.etag
                try:
                    self._body(route, headers)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _body(self, route: Route, headers: dict[str, str]) -> None:
                if not (route.endless or route.byte_delay or route.chunked):
                    self.answer(route.status, route.body, headers)
                    return
                self.send_response(route.status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                deadline = time.monotonic() + route.max_seconds
                for piece in _pieces(route):
                    if time.monotonic() > deadline:
                        break
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                    self.wfile.flush()
                    time.sleep(route.byte_delay)
                self.wfile.write(b"0\r\n\r\n")

        self.httpd = _QuietServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    @property
    def base(self) -> str:
        return f"http://{self.httpd.server_address[0]}:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route | None = None, **kwargs: object) -> str:
        self.routes[path] = route or Route(**kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _pieces(route: Route) -> Iterator[bytes]:
    if route.endless is not None:
        while True:
            yield route.endless
    elif route.byte_delay:
        for i in range(len(route.body)):
            yield route.body[i : i + 1]
    else:
        yield route.body


def http_date(seconds: float) -> str:
    return formatdate(seconds, usegmt=True)


# -- hostile bodies, built cheaply --------------------------------------------------------
_BLOCK = 16 << 20  # 16 MiB of zeros per repeated compressed block


def gzip_bomb(inflated: int) -> bytes:
    """A gzip body inflating to about `inflated` zero bytes (10 GB from ~10 MB).

    With a full flush after each block the deflate state resets, so every block after the
    first compresses to the same bytes: compress two, repeat the second. The trailer's CRC is
    left wrong on purpose: a client that reads that far has already failed.
    """
    import zlib

    block = b"\0" * (1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    return first + again * (inflated // len(block) - 1) + comp.flush()


def brotli_bomb(inflated: int) -> bytes:
    """A brotli body inflating to about `inflated` zero bytes (10 GB from ~2 MB), same trick."""
    import brotli

    block = b"\0" * _BLOCK
    comp = brotli.Compressor(quality=1)
    first = comp.process(block) + comp.flush()
    again = comp.process(block) + comp.flush()
    return first + again * (inflated // _BLOCK - 1) + comp.finish()


def once_per_connection(answer: Callable[[BaseHTTPRequestHandler], None],
                        answered: set[int]) -> Route:
    """A route that answers the first request of each connection with `answer` and hangs up
    on any later one without a word (an idle timeout racing the request); the connections
    answered (client ports) go into `answered`."""
    def handler(handler: BaseHTTPRequestHandler) -> None:
        port = handler.client_address[1]
        if port in answered:
            handler.close_connection = True
            return
        answered.add(port)
        answer(handler)

    return Route(handler=handler)
