"""HTTP for feeds and pages: bounded, capped, polite.

Servers are hostile or broken as often as not, so every request is bounded in time (connect,
read, and a whole-request deadline against one-byte-per-second servers) and in size (counted on
the decoded stream, which also defuses gzip and brotli bombs). Redirects are followed by hand so
each hop's scheme is checked. Failures come back as plain words in `FetchResult.error`.

Article pages (a `LinkPolicy` given) go through a second transport whose connections are made by
`addresses.GuardedBackend`: no page request reaches a private address unless allowed.
"""

from __future__ import annotations

import asyncio
import errno
import ssl
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import brotli
import httpx

from tui import __version__
from tui.core.ingest.addresses import POLICY, GuardedBackend, LinkPolicy, Resolver
from tui.core.ingest.origins import Contexts, PerOrigin, origin_transport

USER_AGENT = f"newsdesk/{__version__} (+terminal news reader; feed fetcher)"
MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_STEP = 256 * 1024  # most bytes one decompression call may produce (brotli: up to ~2x)
_KNOWN = {"gzip", "x-gzip", "deflate", "br"}
# Hosts whose idle connections are kept for reuse (origins.PerOrigin), about one per host of a
# refresh (feeds and their pages). With fewer than hosts, round-robin over the hosts evicted
# every one before its next request.
KEEP_ALIVE = 32


class _Decoder:
    """Content-Encoding decoding that never inflates more than `_STEP` bytes at a time.

    httpx decodes each network chunk in one call: a 15 kB brotli body can expand to 10 GB in
    memory before any size check runs. Here output is pulled in bounded steps and counted.
    """

    def __init__(self, encoding: str) -> None:
        # Unknown labels ("UTF-8", "none", "binary" are all seen in the wild) mean the body
        # is sent as is, as httpx and browsers treat them.
        codings = [c.strip() for c in encoding.lower().split(",") if c.strip() in _KNOWN]
        if len(codings) > 1:
            raise httpx.DecodingError(f"unsupported stacked Content-Encoding {encoding!r}")
        self.kind = codings[0] if codings else "identity"
        self._first = True
        if self.kind in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif self.kind == "deflate":
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 32)  # zlib or gzip header
        elif self.kind == "br":
            self._br = brotli.Decompressor()

    def decode(self, data: bytes) -> Iterator[bytes]:
        try:
            if self.kind == "identity":
                yield data
            elif self.kind == "br":
                yield from self._unbrotli(data)
            else:
                yield from self._inflate(data)
        except (zlib.error, brotli.error) as exc:
            raise httpx.DecodingError(f"{self.kind}: {exc}") from None

    def _unbrotli(self, data: bytes) -> Iterator[bytes]:
        # Drain with empty input until nothing is pending: brotli may report it can take more
        # input while it still holds output, and new input then would lose that output.
        yield self._br.process(data, output_buffer_limit=_STEP)
        stuck = 0
        while stuck < 100:
            out = self._br.process(b"", output_buffer_limit=_STEP)
            if out:
                stuck = 0
                yield out
            elif self._br.can_accept_more_data():
                return
            else:
                stuck += 1
        raise brotli.error("the brotli stream makes no progress")

    def _inflate(self, data: bytes) -> Iterator[bytes]:
        try:
            out = self._zlib.decompress(data, _STEP)
        except zlib.error:
            if self.kind != "deflate" or not self._first:
                raise
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate labelled "deflate"
            out = self._zlib.decompress(data, _STEP)
        self._first = False
        yield out
        while self._zlib.unconsumed_tail:
            yield self._zlib.decompress(self._zlib.unconsumed_tail, _STEP)


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str
    final_url: str
    status: int | None = None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    truncated: bool = False
    passing: bool = False  # failed on the way (connection, timeout): another try may work

    @property
    def retryable(self) -> bool:
        """A failure worth another try later: the way there broke, or the server said it
        was busy or broken for now (5xx, 408, 429); a 404 or a refusal stays what it is."""
        if self.ok or self.error is None:
            return False
        return self.passing or (self.status is not None
                                and (self.status >= 500 or self.status in (408, 429)))

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


def _status_words(code: int) -> str:
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return str(code)


DNS_FAILURE = "the host name could not be resolved (DNS failure)"


def describe_error(exc: BaseException, timeout: httpx.Timeout | None = None,
                   deadline: float = 0.0) -> str:
    """Turn an httpx/OS exception into a sentence a reader understands. A timeout names the
    limit that ran out (`timeout`: httpx's, per step; `deadline`: the whole answer's), not
    the deadline whatever fired: a server that never answered was said to have had 17 s
    when read_timeout had stopped it after 5."""
    if isinstance(exc, httpx.TimeoutException) and timeout is not None:
        if isinstance(exc, httpx.ConnectTimeout):
            return f"timed out connecting (no connection within {timeout.connect:g} s)"
        if isinstance(exc, httpx.ReadTimeout):
            return f"timed out (the server sent nothing for {timeout.read:g} s)"
        if isinstance(exc, httpx.WriteTimeout):
            return f"timed out sending the request ({timeout.write:g} s)"
        return f"timed out waiting for a free connection ({timeout.pool:g} s)"
    if isinstance(exc, (httpx.TimeoutException, TimeoutError)):
        return f"timed out (no complete answer within {deadline:g} s)"
    if isinstance(exc, httpx.ConnectError):
        cause = exc.__context__ or exc.__cause__
        text = str(exc).lower()
        if isinstance(cause, ssl.SSLError) or "ssl" in text or "certificate" in text:
            return f"TLS/certificate failure: {exc}"
        if "name or service" in text or "nodename" in text or "getaddrinfo" in text \
                or "name resolution" in text:
            return DNS_FAILURE
        return f"could not connect: {_refusal(exc) or exc or 'connection refused'}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server broke the HTTP protocol: {exc}"
    if isinstance(exc, httpx.InvalidURL) or (isinstance(exc, ValueError) and "URL" in str(exc)):
        return f"invalid URL: {exc}"
    if isinstance(exc, httpx.DecodingError):
        return f"the response could not be decompressed: {exc}"
    if isinstance(exc, httpx.HTTPError):
        return f"HTTP error: {exc}"
    return f"{type(exc).__name__}: {exc}"


_SOCKET_WORDS = {errno.ECONNREFUSED: "connection refused (nothing listens on that port)",
                 errno.ECONNRESET: "connection reset by the server",
                 errno.ENETUNREACH: "network unreachable",
                 errno.EHOSTUNREACH: "no route to the host"}


def _refusal(exc: BaseException) -> str | None:
    """What the socket said under httpx's "All connection attempts failed": a refused port
    is the commonest (a server down), and its words tell the user where to look."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, OSError) and cause.errno in _SOCKET_WORDS:
            return _SOCKET_WORDS[cause.errno]
        cause = cause.__cause__ or cause.__context__
    return None


def _passing(exc: BaseException) -> bool:
    """A network failure that may not happen next time (a TLS or URL problem will)."""
    if isinstance(exc, (httpx.TimeoutException, TimeoutError, httpx.RemoteProtocolError)):
        return True
    if isinstance(exc, httpx.ConnectError):
        return not describe_error(exc).startswith("TLS")
    return isinstance(exc, (httpx.NetworkError, ConnectionError))


class Fetcher:
    """Owns the two transports (feeds, pages) and the global and per-host limits.

    Requests go straight to httpx's transports, without an AsyncClient: redirects are followed
    by hand anyway, and a client's per-request work (merging defaults, the cookie jar asked on
    every request and response, Location parsed eagerly) was a tenth of an unchanged refresh.
    What a client did that matters is kept: timeouts, cookies, one transport per kind."""

    def __init__(self, *, concurrency: int = 8, per_host: int = 2, connect_timeout: float = 10.0,
                 read_timeout: float = 20.0, transport: httpx.AsyncBaseTransport | None = None):
        self.read_timeout = read_timeout
        self.deadline = connect_timeout + 3 * read_timeout
        self._global = asyncio.Semaphore(concurrency)
        self._per_host: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(per_host))
        self._resolver = Resolver()
        self.timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
        self._timeout = self.timeout.as_dict()
        # As a client would: cookies a server sets are sent back to it (a consent or
        # cookie-check redirect needs that), one jar for feeds and one for pages.
        self._feed_cookies, self._page_cookies = httpx.Cookies(), httpx.Cookies()
        # Per origin: a host's concurrent requests (per_host) and as many idle connections.
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=per_host)
        self.tls = Contexts()  # one TLS context for both transports, on the first https origin
        self._feeds = transport or PerOrigin(
            lambda scheme: origin_transport(self.tls.for_scheme(scheme), limits, None),
            KEEP_ALIVE)
        # The pages' transport is made on the first page: a refresh without extraction (or with
        # nothing new) needs none.
        self._pages: httpx.AsyncBaseTransport | None = None

        def pages() -> httpx.AsyncBaseTransport:
            backend = GuardedBackend(self._resolver)
            return transport or PerOrigin(
                lambda scheme: origin_transport(self.tls.for_scheme(scheme), limits, backend),
                KEEP_ALIVE)

        self._new_pages = pages

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._feeds.aclose()
        if self._pages is not None and self._pages is not self._feeds:
            await self._pages.aclose()

    async def get(self, url: str, *, max_bytes: int, etag: str | None = None,
                  last_modified: str | None = None, accept: str | None = None,
                  policy: LinkPolicy | None = None) -> FetchResult:
        """GET with conditional headers; never raises for network or server trouble.
        With a `policy` (an article page), private addresses are refused on every hop."""
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate, br",
                   "Accept": accept or "*/*", "Connection": "keep-alive"}  # as httpx's client
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        host = urlsplit(url).hostname or ""
        async with self._global, self._per_host[host]:
            token = POLICY.set(policy)
            try:
                async with asyncio.timeout(self.deadline):
                    return await self._follow(url, headers, max_bytes, policy)
            except Exception as exc:
                return FetchResult(url, url, error=describe_error(exc, self.timeout,
                                                                  self.deadline),
                                   passing=_passing(exc))
            finally:
                POLICY.reset(token)

    async def _refusal(self, target: httpx.URL, policy: LinkPolicy) -> str | None:
        """The policy's answer for one hop, before any request (the pool may hold a
        connection to that host made for another feed, which its own check let through)."""
        port = target.port or (443 if target.scheme == "https" else 80)
        host = target.raw_host.decode("ascii")
        try:
            addresses = await self._resolver.resolve(host, port)
        except OSError:
            return None  # the request fails the same way, in the usual words
        return policy.refusal(host, port, addresses)

    async def _follow(self, url: str, headers: dict[str, str], max_bytes: int,
                      policy: LinkPolicy | None) -> FetchResult:
        if policy is None:
            transport, cookies = self._feeds, self._feed_cookies
        else:
            transport = self._pages = self._pages or self._new_pages()
            cookies = self._page_cookies
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            scheme = urlsplit(current).scheme.lower()
            if scheme not in ("http", "https"):
                what = scheme or "schemeless"
                return FetchResult(url, current, error=f"refused to follow a {what} URL "
                                   f"({current[:200]}): only http and https are fetched")
            target = httpx.URL(current)  # parsed once: the check and the request share it
            if policy is not None and (refusal := await self._refusal(target, policy)):
                return FetchResult(url, current, error=refusal)
            request = httpx.Request("GET", target, headers=headers,
                                    extensions={"timeout": self._timeout})
            if cookies:  # the jar's work only when there is something in it
                cookies.set_cookie_header(request)
            response = await transport.handle_async_request(request)
            try:  # from here on the response is closed whatever happens (its pool waits)
                response.request = request
                if "set-cookie" in response.headers:
                    cookies.extract_cookies(response)
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    current = urljoin(current, response.headers["location"].strip())
                    continue
                return await self._read(url, current, response, max_bytes)
            finally:
                await response.aclose()
        return FetchResult(url, current, error=f"more than {MAX_REDIRECTS} redirects")

    async def _read(self, url: str, final: str, response: httpx.Response,
                    max_bytes: int) -> FetchResult:
        headers = {k.lower(): v for k, v in response.headers.items()}
        status = response.status_code
        if status == 304:
            async for _ in response.aiter_raw():  # (empty) read to its end: the connection
                pass  # goes back to the pool instead of being closed
            return FetchResult(url, final, status, headers=headers)
        if status >= 400:
            return FetchResult(url, final, status, headers=headers,
                               error=f"the server answered {_status_words(status)}")
        decoder = _Decoder(response.headers.get("content-encoding", ""))
        chunks: list[bytes] = []
        size = raw_size = 0
        truncated = False
        async for raw in response.aiter_raw():  # undecoded: we inflate in bounded steps
            raw_size += len(raw)
            for chunk in decoder.decode(raw):
                size += len(chunk)
                if size > max_bytes:
                    chunks.append(chunk[: max_bytes - (size - len(chunk))])
                    truncated = True
                    break
                chunks.append(chunk)
            if truncated or raw_size > 2 * max_bytes:  # compressed data that yields nothing
                truncated = True
                break
        return FetchResult(url, final, status, b"".join(chunks), headers, truncated=truncated)
