"""A feed's conditional request as the fetcher sends it, in bytes the sweep (sweep.py) can
send on a bare socket: which URLs qualify (plain http that httpx would send unchanged), the
headers, and the sweep's jobs."""

from __future__ import annotations

from tui import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from urllib.parse import SplitResult

USER_AGENT = f"newsdesk/{__version__} (+terminal news reader; feed fetcher)"
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml, "
               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
_HOST = r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?"
# A path and query httpx sends as they are (no character to escape, no dot segment to remove).
_TARGET = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*"

# The commonest feed address, read by `plain_address` with str methods: plain http, a
# lower-case host name, a port without a leading zero, a path of these characters and %XX
# escapes, no query, no fragment. `target` reads such a URL as `_split_target` does
# (tests/test_feed_request.py compares them), without urlsplit (~8 us a feed, most of reading
# 200 feeds' requests) and without `re` (its load and these patterns' compiling were ~2 % of
# an all-304 fetch).
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_HOST_CHARS = _ALNUM | {".", "-"}
_PATH_CHARS = _ALNUM | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ-._~!$&'()*+,;=:@/")
_HEX = frozenset("0123456789abcdefABCDEF")
_DIGITS = frozenset("0123456789")


def plain_address(url: str) -> tuple[str, str, str] | None:
    """(host, port or "", path) of a URL of the commonest shape, else None."""
    if not url.startswith("http://"):
        return None
    hostport, slash, rest = url[7:].partition("/")
    host, colon, port = hostport.partition(":")
    if not slash or not host or not _HOST_CHARS.issuperset(host) \
            or host[0] not in _ALNUM or host[-1] not in _ALNUM:
        return None
    if colon and not (0 < len(port) <= 5 and _DIGITS.issuperset(port) and port[0] != "0"):
        return None
    first, *escaped = rest.split("%")
    if not _PATH_CHARS.issuperset(first) or not all(
            len(piece) >= 2 and piece[0] in _HEX and piece[1] in _HEX
            and _PATH_CHARS.issuperset(piece[2:]) for piece in escaped):
        return None
    return host, port, "/" + rest

Target = tuple[str, int, str, str]  # host, port, request target, Host header


def target(url: str | SplitResult) -> Target | None:
    """Where a plain-http `url` is sent, or None when httpx should send it: another scheme,
    user info, an IPv6 or non-ASCII host, a bad port, or a path httpx would rewrite."""
    plain = plain_address(url) if isinstance(url, str) else None
    if plain is not None:
        host, port, path = plain
        number = int(port) if port else 80
        if number <= 65535 and "/." not in path:
            return host, number, path, host if number == 80 else f"{host}:{number}"
    return _split_target(url)


def _split_target(url: str | SplitResult) -> Target | None:
    """`target`, read by urlsplit: any URL."""
    import re
    from urllib.parse import urlsplit

    parts = urlsplit(url) if isinstance(url, str) else url
    if parts.scheme.lower() != "http" or "@" in parts.netloc:
        return None
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:
        return None
    path = parts.path or "/"
    full = f"{path}?{parts.query}" if parts.query else path
    if not re.fullmatch(_HOST, host) or not re.fullmatch(_TARGET, full) or "/." in path \
            or not path.startswith("/"):
        return None
    return host, port or 80, full, host if port in (None, 80) else f"{host}:{port}"


def feed_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """A feed request's headers (after Host), as the fetcher sends them."""
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate, br",
               "Accept": FEED_ACCEPT, "Connection": "keep-alive"}  # as httpx's client
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def request(url: str, etag: str | None, last_modified: str | None) -> tuple[Target, bytes] | None:
    """A conditional feed request's origin and bytes, or None when it is not one to sweep:
    no validator, not plain http, or a stored validator h11 would refuse to send."""
    where = target(url)
    if where is None or not (etag or last_modified):
        return None
    text = f"GET {where[2]} HTTP/1.1\r\nHost: {where[3]}{_FIXED}"
    for name, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified)):
        if value:  # as feed_headers adds them, after the fixed ones
            if not (value.isascii() and value.isprintable()) or value != value.strip():
                return None  # not a header value h11 sends
            text += f"\r\n{name}: {value}"
    return where, (text + "\r\n\r\n").encode("ascii")


# feed_headers' own, the same for every feed: joined once, not checked per feed
_FIXED = "".join(f"\r\n{name}: {value}" for name, value in feed_headers(None, None).items())


Job = tuple[str, Target, bytes]  # key, where, request bytes


def jobs_of(feeds: Iterable[tuple[str, str, str | None, str | None]]) -> list[Job] | None:
    """The sweep's jobs for these (key, url, etag, last_modified) feeds, or None when one of
    them is not a request to sweep (`request` says which)."""
    jobs = []
    for key, url, etag, last_modified in feeds:
        made = request(url, etag, last_modified)
        if made is None:
            return None
        jobs.append((key, *made))
    return jobs
