"""The demo's cache follows the demo to whatever port serves it.

The demo's items carry guids free of the port, so a refresh on another port finds the articles
it has. What still names a port is each article's link, the demo pages its text cites and each
feed's URL: they are moved to the current server when a demo starts (the links `o` and `O`
open stay live). Caches from versions
whose keys held the port (one copy of an article per port it was fetched from) are repaired
here too: the copies become one article, read, saved, dismissed or tagged if any copy was.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Container
from dataclasses import dataclass
from typing import Protocol

from tui.core.ingest.parse import entry_key
from tui.core.models import BodyLink
from tui.core.store import relocate
from tui.core.store.body_links import links_of, set_links
from tui.core.store.write_turns import transaction
from tui.demo.feeds import guid_of
from tui.demo.site import Site

__all__ = ["Adopted", "adopt_cache"]

LOOPBACK = "http://127.0.0.1:"
_PAGE = re.compile(r"http://127\.0\.0\.1:\d+(/[a-z0-9-]+/[a-z0-9-]+\.html)\Z")
_FEED = re.compile(r"http://127\.0\.0\.1:\d+/([a-z0-9-]+)/feed\.xml\Z")


class _Served(Protocol):
    @property
    def site(self) -> Site: ...
    @property
    def base_url(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Adopted:
    merged: int  # duplicate articles folded into the one kept
    moved: int  # articles whose key or link changed
    feeds: int  # feed rows folded or moved


def adopt_cache(conn: sqlite3.Connection, served: _Served) -> Adopted:
    """Point the cache's demo articles and feeds at `served`; one transaction, and none at
    all (no write lock) when they already are."""
    site, base = served.site, served.base_url
    keys = {a.path: entry_key(guid_of(site.outlet(a.outlet), a.slug), None, "", None)
            for a in site.articles}
    by_key = {key: path for path, key in keys.items()}
    groups: dict[str, list[tuple[int, str, str | None]]] = {}
    for row in relocate.identities(conn, LOOPBACK, list(keys.values())):
        match = _PAGE.match(row[2] or "")
        path = match.group(1) if match and match.group(1) in keys else by_key.get(row[1])
        if path is not None:
            groups.setdefault(path, []).append(row)
    # A feed-only item's article has no link (as its feed gives it) or, folded from an older
    # version's copies, its page's: either is settled.
    bare = {a.path for a in site.articles if a.feed_only}
    articles = {path: rows for path, rows in groups.items()
                if len(rows) > 1 or rows[0][1] != keys[path]
                or rows[0][2] not in (base + path, *((None,) if path in bare else ()))}
    outlets = {o.slug: f"{base}/{o.slug}/feed.xml" for o in site.outlets}
    feeds: dict[str, list[tuple[int, str]]] = {}
    for feed_id, url in relocate.feeds_under(conn, LOOPBACK):
        match = _FEED.match(url)
        if match and match.group(1) in outlets:
            feeds.setdefault(match.group(1), []).append((feed_id, url))
    feeds = {slug: rows for slug, rows in feeds.items()
             if len(rows) > 1 or rows[0][1] != outlets[slug]}
    cited = _cited_moved(conn, keys, base)
    if not articles and not feeds and not cited:
        return Adopted(0, 0, 0)
    merged = 0
    with transaction(conn):
        for path, rows in articles.items():
            keep = min(row[0] for row in rows)
            relocate.merge_articles(conn, keep, [row[0] for row in rows])
            relocate.set_identity(conn, keep, keys[path], base + path)
            merged += len(rows) - 1
        for slug, found in feeds.items():
            current = [feed_id for feed_id, url in found if url == outlets[slug]]
            keep = current[0] if current else found[0][0]
            relocate.merge_feeds(conn, keep, [feed_id for feed_id, _ in found], outlets[slug])
        for article_id, links in cited.items():
            set_links(conn, article_id, links)
    return Adopted(merged, len(articles), sum(len(rows) for rows in feeds.values()))


def _cited_moved(conn: sqlite3.Connection, pages: Container[str], base: str
                 ) -> dict[int, tuple[BodyLink, ...]]:
    """The links texts cite to demo pages, moved to `base` (`O` opens a live page), by
    article; only those that change."""
    out = {}
    for article_id, stored in relocate.links_naming(conn, LOOPBACK):
        links = links_of(stored)
        moved = tuple(BodyLink(_moved(link.url, pages, base), link.at) for link in links)
        if moved != links:
            out[article_id] = moved
    return out


def _moved(url: str, pages: Container[str], base: str) -> str:
    match = _PAGE.match(url)
    return base + match.group(1) if match and match.group(1) in pages else url
