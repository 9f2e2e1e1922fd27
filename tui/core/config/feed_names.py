"""Names for feeds.toml's feeds that have none: newsboat shows such a feed by the title it
sends, so does newsdesk once the cache knows it (the user's file is never rewritten for it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, Self, TypeVar
from urllib.parse import urlsplit


class _Named(Protocol):
    """config.Feed (its `replace` names it)."""

    @property
    def name(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def named(self) -> bool: ...
    def replace(self, **changes: Any) -> Self: ...


F = TypeVar("F", bound=_Named)


def _hostname(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return "?"


def with_titles(feeds: Sequence[F], titles: Mapping[str, str]) -> tuple[F, ...]:
    """Feeds without a `name` named by their own title (`titles`: url -> the title the feed
    last sent, from the cache), else by their host (host and path when two share a host);
    never a name another feed has (" (2)" then)."""
    taken = {f.name.casefold() for f in feeds if f.named}
    hosts = [_hostname(f.url) for f in feeds if not f.named]
    out = []
    for feed in feeds:
        if feed.named:
            out.append(feed)
            continue
        parts = urlsplit(feed.url)
        host = parts.netloc if hosts.count(_hostname(feed.url)) == 1 else \
            (parts.netloc + parts.path).rstrip("/")
        wanted = " ".join(titles.get(feed.url, "").split()) or host
        name, n = wanted, 1
        while name.casefold() in taken:
            n += 1
            name = f"{wanted} ({n})"
        taken.add(name.casefold())
        out.append(feed.replace(name=name))
    return tuple(out)
