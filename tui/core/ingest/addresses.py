"""Where an article page may be fetched from: never the user's own network, unless asked.

A feed is untrusted: its item links could point newsdesk at a router's admin page, a cloud
metadata service or anything else on the LAN, and the answer would be stored as the article's
body (and exported). So page requests are checked after DNS resolution, on every redirect hop,
and again when the connection is made, against the very addresses checked (a name that
resolves to a public address for the check and a private one for the connection, "DNS
rebinding", gets nowhere: each host is resolved once per refresh and connected to by address).

A feed's own server is exempt (a feed on an intranet or on 127.0.0.1, like the demo, links to
its own pages): the same host and port, or the same host over http and https (ports 80 and
443). Another port of a private host is not: a local feed (an RSS bridge on 127.0.0.1:3000) that
relays an item linking to 127.0.0.1:6379 does not make newsdesk talk to that service.
`[settings] allow_private_links = true` lifts the check.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.basics import REFUSED_PAGE

if TYPE_CHECKING:
    import httpx

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
_METADATA = {ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254",
                                               "100.100.100.200", "169.254.170.2")}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def why_private(address: Address) -> str | None:
    """Why `address` is not a public internet address, in words; None when it is one.
    IPv4 inside IPv6 (mapped, 6to4, NAT64, Teredo) is judged by the IPv4 inside."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour
        if inner is None and address in _NAT64:
            inner = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if inner is None and address.teredo:
            inner = address.teredo[1]
        if inner is not None and (why := why_private(inner)):
            return why
    if address in _METADATA:
        return "a cloud metadata address"
    for test, words in (("is_loopback", "a loopback address"),
                        ("is_link_local", "a link-local address"),
                        ("is_unspecified", "an unspecified address"),
                        ("is_multicast", "a multicast address"),
                        ("is_private", "a private network address"),
                        ("is_reserved", "a reserved address")):
        if getattr(address, test):
            return words
    return None if address.is_global else "not a public internet address"


def host_key(host: str) -> str:
    """One spelling per host for comparisons: lower case, no brackets or trailing dot."""
    return host.strip("[]").rstrip(".").lower()


@dataclass(frozen=True, slots=True)
class LinkPolicy:
    """What one article's page requests may reach."""

    own: frozenset[tuple[str, int]] = frozenset()  # (host, port) of the feeds carrying it
    allow_private: bool = False

    @classmethod
    def for_feeds(cls, feed_urls: Iterable[str], allow_private: bool) -> LinkPolicy:
        """The policy for pages linked from the feeds at `feed_urls`."""
        import httpx  # pages only: an unchanged refresh never asks

        own = set()
        for url in feed_urls:
            try:
                parsed = httpx.URL(url)
                own.add((host_key(parsed.raw_host.decode("ascii")), _port(parsed)))
            except (httpx.InvalidURL, UnicodeError):
                continue
        return cls(frozenset(own), allow_private)

    def is_own(self, host: str, port: int) -> bool:
        key = host_key(host)
        return any(key == h and (port == p or {port, p} <= _WEB_PORTS) for h, p in self.own)

    def refusal(self, host: str, port: int, addresses: Iterable[str]) -> str | None:
        """Why a request to `host`:`port` (resolved to `addresses`) is refused, or None."""
        if self.allow_private or self.is_own(host, port):
            return None
        for text in addresses:
            try:
                address = ipaddress.ip_address(text.split("%")[0])
            except ValueError:
                continue
            why = why_private(address)
            if why:
                shown = host if host_key(host) == str(address) else f"{host} ({address})"
                return (f"{REFUSED_PAGE} {shown}: {why}; links in a feed may "
                        "not reach your own network (allow_private_links = true in [settings] "
                        "allows it)")
        return None


_WEB_PORTS = {80, 443}


def _port(url: httpx.URL) -> int:
    return url.port or (443 if url.scheme == "https" else 80)


POLICY: ContextVar[LinkPolicy | None] = ContextVar("newsdesk_link_policy", default=None)
"""The policy of the request being made in this task (None: a feed, which the user chose)."""


class Resolver:
    """Each host resolved once per refresh, so the check and the connection see one answer."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, int], list[str]] = {}

    async def resolve(self, host: str, port: int) -> list[str]:
        """The addresses of `host`, best first (the system's order). Raises OSError."""
        host = host.strip("[]")
        try:
            return [str(ipaddress.ip_address(host.split("%")[0]))]
        except ValueError:
            pass
        key = (host_key(host), port)
        if key not in self._known:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, port, type=socket.SOCK_STREAM)
            found = list(dict.fromkeys(str(info[4][0]) for info in infos))
            if not found:
                raise OSError(f"no address for {host}")
            self._known[key] = found
        return self._known[key]
