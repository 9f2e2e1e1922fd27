"""One small connection pool per origin, behind one httpx transport.

httpcore's pool walks every connection it holds on every request and every response close,
asking each whether its socket was closed by the server (a poll and a fresh dict of socket
attributes per connection). With a keep-alive connection for each host of a refresh in one
pool (32), that walk was 40% of the CPU a page fetch cost the main process. Routed per origin
(scheme, host, port), each walk sees the one or two connections of that host. At most
`max_origins` pools are kept: beyond that, the least recently used one with nothing in flight
is closed, so idle sockets stay bounded as they were.
"""

from __future__ import annotations

import ssl
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import httpcore
import httpx

Key = tuple[bytes, bytes, int | None]


class Contexts:
    """The TLS context, made for the first https origin (loading the CA bundle costs ~30 ms):
    an unchanged refresh of http feeds makes none. One for both transports (feeds, pages)."""

    def __init__(self) -> None:
        self.tls: ssl.SSLContext | None = None
        self._plain: ssl.SSLContext | None = None

    def for_scheme(self, scheme: bytes) -> ssl.SSLContext:
        if scheme != b"https":
            # Never used for a connection: a plain-http pool makes no TLS handshake (httpcore
            # asks for the context only for https). Verifying, with no CA: it would fail closed.
            if self._plain is None:
                self._plain = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            return self._plain
        if self.tls is None:
            self.tls = httpx.create_ssl_context()
        return self.tls


def origin_transport(ssl_context: ssl.SSLContext, limits: httpx.Limits,
                     backend: httpcore.AsyncNetworkBackend | None) -> httpx.AsyncHTTPTransport:
    """httpx's transport for one origin, on a given TLS context (a new one costs ~30 ms) and,
    when given, a network backend. httpx has no public way to choose the backend, so its pool
    (httpcore's, public) is swapped; pinned by httpx<1, and tests/test_private_links.py fails
    loudly if this ever stops working."""
    transport = httpx.AsyncHTTPTransport(verify=ssl_context, limits=limits, trust_env=False)
    if backend is not None:
        transport._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context, max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry, network_backend=backend)
    return transport


@dataclass(slots=True)
class _Origin:
    transport: httpx.AsyncBaseTransport
    in_flight: int = 0


class _Released(httpx.AsyncByteStream):
    """A response body that tells its origin when it is closed (the pool may go after)."""

    def __init__(self, inner: httpx.AsyncByteStream, origin: _Origin) -> None:
        self._inner, self._origin, self._open = inner, origin, True

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for part in self._inner:
            yield part

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            if self._open:
                self._open = False
                self._origin.in_flight -= 1


class PerOrigin(httpx.AsyncBaseTransport):
    """Routes each request to its origin's own transport, made by `make(scheme)` on first use."""

    def __init__(self, make: Callable[[bytes], httpx.AsyncBaseTransport],
                 max_origins: int) -> None:
        self._make = make
        self._max = max_origins
        self._origins: OrderedDict[Key, _Origin] = OrderedDict()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        key = (url.raw_scheme, url.raw_host, url.port)
        origin = self._origins.get(key)
        if origin is None:
            await self._evict()
            origin = self._origins[key] = _Origin(self._make(url.raw_scheme))
        self._origins.move_to_end(key)
        origin.in_flight += 1
        try:
            response = await origin.transport.handle_async_request(request)
        except BaseException:
            origin.in_flight -= 1
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        return httpx.Response(status_code=response.status_code, headers=response.headers,
                              stream=_Released(response.stream, origin),
                              extensions=response.extensions)

    async def _evict(self) -> None:
        while len(self._origins) >= self._max:
            key = next((k for k, o in self._origins.items() if not o.in_flight), None)
            if key is None:
                return  # every pool is busy: one more for a while
            await self._origins.pop(key).transport.aclose()

    async def aclose(self) -> None:
        origins, self._origins = list(self._origins.values()), OrderedDict()
        for origin in origins:
            await origin.transport.aclose()
