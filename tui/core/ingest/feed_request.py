"""A feed's conditional request as the fetcher sends it, in bytes the sweep (sweep.py) can
send on a bare socket: which URLs qualify (plain http that httpx would send unchanged), the
headers, and the sweep's jobs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import SplitResult, urlsplit

from tui import __version__

USER_AGENT = f"newsdesk/{__version__} (+terminal news reader; feed fetcher)"
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml, "
               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
_HOST = re.compile(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?")
# A path and query httpx sends as they are (no character to escape, no dot segment to remove).
_TARGET = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*")

# The commonest feed address in one match: plain http, a lower-case host name, a port without
# a leading zero, a path as _TARGET allows, no query, no fragment. `target` reads such a URL
# as `_split_target` does (tests/test_plain_fetch.py compares them), without urlsplit: it was
# ~8 us a feed (its cache holds 128 URLs, and the config's check has just filled it with
# others), most of reading 200 feeds' requests.
_PLAIN = re.compile(r"http://([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::([1-9][0-9]{0,4}))?"
                    r"(/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*)")

Target = tuple[str, int, str, str]  # host, port, request target, Host header


def target(url: str | SplitResult) -> Target | None:
    """Where a plain-http `url` is sent, or None when httpx should send it: another scheme,
    user info, an IPv6 or non-ASCII host, a bad port, or a path httpx would rewrite."""
    plain = _PLAIN.fullmatch(url) if isinstance(url, str) else None
    if plain is not None:
        host, port, path = plain.groups()
        number = int(port) if port else 80
        if number <= 65535 and "/." not in path:
            return host, number, path, host if number == 80 else f"{host}:{number}"
    return _split_target(url)


def _split_target(url: str | SplitResult) -> Target | None:
    """`target`, read by urlsplit: any URL."""
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
    if not _HOST.fullmatch(host) or not _TARGET.fullmatch(full) or "/." in path \
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
    lines = [f"GET {where[2]} HTTP/1.1", f"Host: {where[3]}"]
    for name, value in feed_headers(etag, last_modified).items():
        if not (value.isascii() and value.isprintable()) or value != value.strip():
            return None  # not a header value h11 sends
        lines.append(f"{name}: {value}")
    return where, ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


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
