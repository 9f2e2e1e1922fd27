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
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from tui.core.ingest.addresses import POLICY, Resolver

Key = tuple[bytes, bytes, int | None]


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
        response.stream = _Released(response.stream, origin)
        return response

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


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend with the check at the one place a connection is made:
    resolve (once), refuse what the task's policy forbids, connect to the checked address.
    TLS still verifies the host name (httpcore passes it as SNI separately)."""

    def __init__(self, resolver: Resolver) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._resolver = resolver

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[Any] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await self._resolver.resolve(host, port)
        except OSError as exc:  # worded like the system's own failure: a DNS failure
            raise httpcore.ConnectError(f"[Errno {exc.errno}] {exc.strerror or exc}") from None
        policy = POLICY.get()
        if policy is not None and (refusal := policy.refusal(host, port, addresses)):
            raise httpcore.ConnectError(refusal)
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(address, port, timeout, local_address,
                                                     socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[Any] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
