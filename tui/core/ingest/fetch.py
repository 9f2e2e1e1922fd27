"""HTTP for feeds and pages: bounded, capped, polite.

Servers are hostile or broken as often as not, so every request is bounded in time (connect,
read, and a whole-request deadline against one-byte-per-second servers) and in size (counted on
the decoded stream, which also defuses gzip and brotli bombs). Redirects are followed by hand so
each hop's scheme is checked. Failures come back as plain words in `FetchResult.error`.

A feed's plain-http hop goes over `plain.Plain` (asyncio and h11); httpx, loaded only when
needed, carries https and article pages. Article pages (a `LinkPolicy` given) go through a
transport whose connections are made by `origins.GuardedBackend`: no page request reaches a
private address unless allowed.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass, field, replace
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import SplitResult, urljoin, urlsplit

from tui.core.ingest import plain
from tui.core.ingest.addresses import POLICY, LinkPolicy, Resolver
from tui.core.ingest.decoding import Decoder
from tui.core.ingest.feed_request import USER_AGENT
from tui.core.ingest.neterrors import Timeouts, describe_error, passing
from tui.core.ingest.sweep import Handed
from tui.core.ingest.tls import Contexts
from tui.core.item_keys import too_long_url

if TYPE_CHECKING:
    import httpx

MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_NO_COPY = ("the server answered 304 Not Modified to a request that named no earlier copy: "
            "nothing was sent to read")
_JOIN_ON_LOOP = 1 << 20  # bytes: a larger body's chunks are joined in a thread
# Hosts whose idle connections are kept for reuse (origins.PerOrigin), about one per host of a
# refresh (feeds and their pages). With fewer than hosts, round-robin over the hosts evicted
# every one before its next request.
KEEP_ALIVE = 32


def redirect_error(chain: list[str]) -> str:
    """What a feed is told when its redirects never end: the loop, its addresses shortened
    ("redirect loop: example.org/a -> example.org/b -> example.org/a"), else the chain. A
    revisit within the limit is no loop (a cookie check sends back to the address asked)."""
    for end, address in enumerate(chain):
        if address in chain[:end]:
            loop = chain[chain.index(address):end + 1]
            return "redirect loop: " + " -> ".join(map(_short, loop))
    return f"more than {MAX_REDIRECTS} redirects: {_short(chain[0])} -> … -> {_short(chain[-1])}"


def _short(address: str, limit: int = 60) -> str:
    """An address as a message names it: no scheme, at most `limit` characters."""
    bare = address.split("://", 1)[-1]
    return bare if len(bare) <= limit else bare[:limit - 1] + "…"


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
    # where the URL itself moved: the last of the permanent redirects (301, 308) it began with
    moved_to: str | None = None

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
        return self.status == 304 and self.error is None

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


class Fetcher:
    """Owns the transports (plain-http feeds, httpx's for the rest) and the global and
    per-host limits.

    httpx's transports are used without an AsyncClient: redirects are followed by hand anyway,
    and a client's per-request work (merging defaults, the cookie jar asked on every request
    and response, Location parsed eagerly) was a tenth of an unchanged refresh. What a client
    did that matters is kept: timeouts, cookies, one transport per kind. httpx itself is
    loaded for the first hop that needs it (https, a page, a cookie): an unchanged refresh of
    plain-http feeds never loads it."""

    def __init__(self, *, concurrency: int = 8, per_host: int = 2, connect_timeout: float = 10.0,
                 read_timeout: float = 20.0, transport: httpx.AsyncBaseTransport | None = None):
        self.read_timeout = read_timeout
        self.deadline = connect_timeout + 3 * read_timeout
        self._global = asyncio.Semaphore(concurrency)
        self._per_host: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(per_host))
        self._resolver = Resolver()
        self.timeout = Timeouts(connect_timeout, read_timeout, read_timeout, read_timeout)
        self._limits = (concurrency, per_host)
        self.tls = Contexts()  # one TLS context for both transports, on the first https origin
        # A given transport (tests) carries every request; else plain-http feeds go by plain.py.
        self._given = transport
        self._plain = None if transport else plain.Plain(connect_timeout, read_timeout,
                                                         per_host, KEEP_ALIVE)
        # httpx's side, made on the first hop that needs it: feeds' transport, pages' (made on
        # the first page: a refresh without extraction, or with nothing new, needs none), and
        # as a client would, cookie jars (servers' cookies are sent back to them: a consent or
        # cookie-check redirect needs that), one for feeds and one for pages.
        self._feeds: httpx.AsyncBaseTransport | None = None
        self._pages: httpx.AsyncBaseTransport | None = None
        self._jars: dict[bool, httpx.Cookies] = {}

    def _transport(self, page: bool) -> httpx.AsyncBaseTransport:
        if self._given is not None:
            return self._given
        from tui.core.ingest.origins import GuardedBackend, PerOrigin, origin_transport

        made = self._pages if page else self._feeds
        if made is None:
            import httpx

            concurrency, per_host = self._limits
            # Per origin: a host's concurrent requests (per_host) and as many idle connections.
            limits = httpx.Limits(max_connections=concurrency,
                                  max_keepalive_connections=per_host)
            backend = GuardedBackend(self._resolver) if page else None
            made = PerOrigin(lambda scheme: origin_transport(self.tls.for_scheme(scheme),
                                                             limits, backend), KEEP_ALIVE)
            if page:
                self._pages = made
            else:
                self._feeds = made
        return made

    def _jar(self, page: bool) -> httpx.Cookies:
        if page not in self._jars:
            import httpx

            self._jars[page] = httpx.Cookies()
        return self._jars[page]

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._plain is not None:
            await self._plain.aclose()
        for transport in {id(t): t for t in (self._feeds, self._pages, self._given)
                          if t is not None}.values():
            await transport.aclose()

    async def get(self, url: str, *, max_bytes: int, etag: str | None = None,
                  last_modified: str | None = None, accept: str | None = None,
                  policy: LinkPolicy | None = None, handed: Handed | None = None) -> FetchResult:
        """GET with conditional headers; never raises for network or server trouble.
        With a `policy` (an article page), private addresses are refused on every hop.
        `handed`: this request, sent by the sweep (ingest/sweep.py), whose answer is read
        from where it left it (its first hop is not sent again)."""
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate, br",
                   "Accept": accept or "*/*", "Connection": "keep-alive"}  # as httpx's client
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        parts = urlsplit(url)
        async with self._global, self._per_host[parts.hostname or ""]:
            token = POLICY.set(policy)
            try:
                async with asyncio.timeout(self.deadline):
                    if handed is not None and (self._plain is None or policy is not None):
                        handed.sock.close()  # not read here (a test's transport): asked again
                        handed = None
                    return await self._follow(url, parts, headers, max_bytes, policy, handed)
            except Exception as exc:
                return FetchResult(url, url, error=describe_error(exc, self.timeout,
                                                                  self.deadline),
                                   passing=passing(exc))
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

    async def _follow(self, url: str, parts: SplitResult, headers: dict[str, str],
                      max_bytes: int, policy: LinkPolicy | None,
                      handed: Handed | None = None) -> FetchResult:
        page = policy is not None
        current = url
        moved: str | None = None  # where the leading permanent hops lead
        permanent = True  # every hop so far was
        chain = [url]  # every address asked, to name a loop
        for hop in range(MAX_REDIRECTS + 1):
            if hop:
                if too_long_url(current):  # no address: kept nowhere, asked of no server
                    return FetchResult(url, url, error="redirected to an address over 8 KB "
                                       f"({current[:200]}...)")
                parts = urlsplit(current)
            scheme = parts.scheme.lower()
            if scheme not in ("http", "https"):
                what = scheme or "schemeless"
                return FetchResult(url, current, error=f"refused to follow a {what} URL "
                                   f"({current[:200]}): only http and https are fetched")
            where = None if page or self._plain is None else plain.target(parts)
            if handed is not None and where is not None and self._plain is not None:
                response: Any = await self._plain.resume(where, list(headers.items()), handed)
            elif where is not None:
                response = await self._plain_hop(where, current, headers)
            else:
                response = await self._httpx_hop(current, headers, policy)
                if isinstance(response, str):
                    return FetchResult(url, current, error=response)
            handed = None  # the first hop's
            try:  # from here on the response is closed whatever happens (its pool waits)
                if "set-cookie" in response.headers:
                    self._keep_cookies(page, current, response)
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    current = urljoin(current, response.headers["location"].strip())
                    chain.append(current)
                    permanent = permanent and response.status_code in (301, 308)
                    moved = current if permanent else moved
                    continue
                found = await self._read(url, current, response, max_bytes)
                if found.status == 304 and not ("If-None-Match" in headers
                                                or "If-Modified-Since" in headers):
                    found = replace(found, error=_NO_COPY)  # else read as "unchanged" forever
                return replace(found, moved_to=moved) if moved else found
            finally:
                await response.aclose()
        return FetchResult(url, current, error=redirect_error(chain))

    async def _plain_hop(self, where: plain.Target, current: str,
                         headers: dict[str, str]) -> plain.Response:
        assert self._plain is not None
        sent = list(headers.items())
        if self._jars.get(False):  # the jar's work only when there is something in it
            import httpx

            request = httpx.Request("GET", current)
            self._jars[False].set_cookie_header(request)
            if "cookie" in request.headers:
                sent.append(("Cookie", request.headers["cookie"]))
        return await self._plain.get(where, sent)

    async def _httpx_hop(self, current: str, headers: dict[str, str],
                         policy: LinkPolicy | None) -> httpx.Response | str:
        """One hop through httpx: its response, or the policy's refusal in words."""
        import httpx

        page = policy is not None
        transport = self._transport(page)
        target = httpx.URL(current)  # parsed once: the check and the request share it
        if policy is not None and (refusal := await self._refusal(target, policy)):
            return refusal
        timeout = self.timeout
        request = httpx.Request("GET", target, headers=headers, extensions={"timeout": {
            "connect": timeout.connect, "read": timeout.read, "write": timeout.write,
            "pool": timeout.pool}})
        jar = self._jars.get(page)
        if jar:  # the jar's work only when there is something in it
            jar.set_cookie_header(request)
        response = await transport.handle_async_request(request)
        response.request = request
        return response

    def _keep_cookies(self, page: bool, current: str, response: Any) -> None:
        import httpx

        if not isinstance(response, httpx.Response):  # plain.py's: as httpx would see it
            response = httpx.Response(response.status_code, headers=response.raw_headers,
                                      request=httpx.Request("GET", current))
        self._jar(page).extract_cookies(response)

    async def _read(self, url: str, final: str, response: httpx.Response | plain.Response,
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
        decoder = Decoder(response.headers.get("content-encoding", ""))
        chunks: list[bytes] = []
        size = raw_size = 0
        truncated = False
        async for raw in response.aiter_raw():  # undecoded: we inflate in bounded steps
            raw_size += len(raw)
            if decoder.kind == "identity":
                decoded, truncated = decoder.take(raw, max_bytes - size)
            else:  # off the loop: a bomb inflating to the cap stalled it for every feed, and
                # healthy feeds' connect deadlines expired meanwhile
                decoded, truncated = await asyncio.to_thread(decoder.take, raw, max_bytes - size)
            chunks.extend(decoded)
            size += sum(map(len, decoded))
            if truncated or raw_size > 2 * max_bytes:  # compressed data that yields nothing
                truncated = True
                break
        # a body of megabytes is joined off the loop too (80 MB took it 0.26 s on a busy box)
        body = (await asyncio.to_thread(b"".join, chunks) if size > _JOIN_ON_LOOP
                else b"".join(chunks))
        return FetchResult(url, final, status, body, headers, truncated=truncated)
