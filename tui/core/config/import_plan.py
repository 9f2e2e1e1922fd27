"""What an import does with each feed it reads: add it, or find it listed already.

A URL is listed already when it names the same place as a listed one once spelt alike: the
host in any case, a default port written out or not, a trailing slash or not
(`https://MEDUZA.io/rss/en/all/` is `https://meduza.io/rss/en/all`). The same host and path
over http and https is most likely the same feed: not added, and said. A feed found listed
keeps what feeds.toml gives it; the import names the name and tags it did not take, so
nothing of the user's other list is dropped without a word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tui.core import tagnames
from tui.core.config.opml import OpmlFeed
from tui.core.models import FeedLike

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _place(url: str) -> tuple[str, str, str]:
    """(host:port, path, query#fragment) spelt one way: the scheme left out."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return (url, "", "")
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    rest = parts.query + (f"#{parts.fragment}" if parts.fragment else "")
    return (host, parts.path.rstrip("/"), rest)


def url_key(url: str) -> tuple[str, ...]:
    """The same feed URL however spelt (scheme included)."""
    return (urlsplit(url.strip()).scheme.lower(), *_place(url))


@dataclass(frozen=True, slots=True)
class Found:
    """An incoming feed and the listed one it matched."""

    listed: FeedLike
    incoming: OpmlFeed

    def not_kept(self) -> str:
        """The incoming name and tags feeds.toml does not have: "" when nothing differs."""
        lost = []
        if self.incoming.named and self.incoming.name != self.listed.name:
            lost.append(f"name {self.incoming.name!r}")
        keys = {tagnames.key(t) for t in self.listed.tags}
        tags = [t for t in self.incoming.tags if tagnames.key(t) not in keys]
        if tags:
            lost.append(f"{'tags' if len(tags) > 1 else 'tag'} {', '.join(tags)}")
        return " and ".join(lost)


@dataclass
class ImportPlan:
    new: list[OpmlFeed] = field(default_factory=list)
    listed: list[Found] = field(default_factory=list)  # the same URL, spelt alike or not
    probable: list[Found] = field(default_factory=list)  # other scheme, same host and path


def plan_import(listed: Iterable[FeedLike], incoming: Iterable[OpmlFeed]) -> ImportPlan:
    """Sort the incoming feeds. A new URL under a name already used keeps both, the newcomer
    renamed "Name (2)": names must stay unique in feeds.toml."""
    plan = ImportPlan()
    known: dict[tuple[str, ...], FeedLike] = {}
    places: dict[tuple[str, str, str], FeedLike] = {}
    names: set[str] = set()
    for feed in listed:
        known.setdefault(url_key(feed.url), feed)
        places.setdefault(_place(feed.url), feed)
        names.add(feed.name)
    for feed in incoming:
        same = known.get(url_key(feed.url))
        if same is not None:
            plan.listed.append(Found(same, feed))
            continue
        near = places.get(_place(feed.url))
        if near is not None:
            plan.probable.append(Found(near, feed))
            continue
        name, n = feed.name, 2
        while name in names:
            name, n = f"{feed.name} ({n})", n + 1
        names.add(name)
        added = OpmlFeed(name, feed.url, tuple(feed.tags), feed.named)
        known[url_key(feed.url)] = places[_place(feed.url)] = added
        plan.new.append(added)
    return plan
