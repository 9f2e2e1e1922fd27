"""A stored item the feed has changed since (same key, new title or text): a correction.

Outlets correct headlines and summaries under the same guid; an analyst needs the corrected
version, and to notice it. The article keeps its id, saved flag, tags and dismissal; a new
headline makes it unread again (as newsboat's `mark-as-unread-on-update`): a correction read
once in its old form is news. A new summary alone does not: live blogs and some wires rewrite
theirs every hour, and each would come back as unread. Its search entry follows (the full-text
trigger), its actors, links and story are made again (`analysed = 0`), and its page is fetched
again when pages are wanted, since the page changed too. A text extracted from the page is never
replaced by the feed's shorter one. Only the article's first feed (lowest id) corrects it: two
feeds carrying one guid with different summaries would otherwise rewrite it on every refresh.
A new link under the same guid is followed quietly (`_relink`). When that first feed answers
after another in a refresh and joins the article the other stored,
its wording is taken quietly (`adopt_merged`): not a correction, read state kept, else the next
refresh would see the first feed's "change" and count it as one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.core.basics import to_iso, utcnow
from tui.core.store.body_links import links_json

if TYPE_CHECKING:
    from tui.core.store.entries import NewEntry

_CHUNK = 500

# What a feed's item gives an article, taken in place of what was stored (a correction, or
# the first feed's wording of a shared item): a body extracted from the page is kept, and
# the article is analysed again.
_FEED_TEXT = ("title = ?, summary = ?, feed_content = ?, author = coalesce(?, author), "
              "body = CASE WHEN body_source = 'page' THEN body ELSE ? END, "
              "body_source = CASE WHEN body_source = 'page' THEN body_source ELSE ? END, "
              "body_links = CASE WHEN body_source = 'page' THEN body_links ELSE ? END, "
              "analysed = 0")


def _feed_text(e: NewEntry) -> tuple[object, ...]:
    """`_FEED_TEXT`'s values for `e`."""
    return (e.title, e.summary, e.feed_content, e.author, e.body or None, e.body_source or None,
            links_json(e.links))


def update_changed(conn: sqlite3.Connection, feed_id: int, entries: Sequence[NewEntry], *,
                   want_pages: bool = False) -> list[int]:
    """Rewrite the stored articles of this feed whose title or feed text changed; their ids."""
    by_key = {e.key: e for e in entries}
    keys = list(by_key)
    changed: list[tuple[int, NewEntry]] = []
    relinked: list[tuple[int, NewEntry]] = []
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i:i + _CHUNK]
        rows = conn.execute(
            "SELECT a.id, a.key, a.title, a.summary, a.feed_content, a.url FROM articles a "
            f"WHERE a.key IN ({','.join('?' * len(chunk))}) AND (SELECT min(af.feed_id) "
            "FROM article_feeds af WHERE af.article_id = a.id) = ?", (*chunk, feed_id))
        for article_id, key, title, summary, content, url in rows.fetchall():
            entry = by_key[key]
            if (title, summary, content) != (entry.title, entry.summary, entry.feed_content):
                changed.append((article_id, entry))
            if entry.url and entry.url != url and not entry.shared_link:
                relinked.append((article_id, entry))
    _relink(conn, relinked, want_pages)
    now = to_iso(utcnow())
    for article_id, e in changed:
        conn.execute(
            f"UPDATE articles SET {_FEED_TEXT}, extracted_at = ?, read = read AND title IS ?, "
            "page_due = CASE WHEN ? AND url IS NOT NULL THEN 1 ELSE page_due END "
            "WHERE id = ?",
            (*_feed_text(e), now, e.title, int(want_pages and not e.shared_link), article_id))
    return [article_id for article_id, _ in changed]


def adopt_merged(conn: sqlite3.Connection, feed_id: int, entries: Sequence[NewEntry],
                 merged: Sequence[int]) -> None:
    """Articles another feed stored that this feed just joined: when this feed is now their
    first (lowest id), take its title and text without a correction (read state, saved flag
    and counts untouched); analysed again only if the text differs."""
    by_key = {e.key: e for e in entries}
    by_url = {e.url: e for e in entries if e.url and not e.shared_link}
    for i in range(0, len(merged), _CHUNK):
        chunk = list(merged[i:i + _CHUNK])
        rows = conn.execute(
            "SELECT a.id, a.key, a.url, a.title, a.summary, a.feed_content FROM articles a "
            f"WHERE a.id IN ({','.join('?' * len(chunk))}) AND (SELECT min(af.feed_id) "
            "FROM article_feeds af WHERE af.article_id = a.id) = ?", (*chunk, feed_id))
        for article_id, key, url, title, summary, content in rows.fetchall():
            e = by_key.get(key) or by_url.get(url)
            if e is None or (title, summary, content) == (e.title, e.summary, e.feed_content):
                continue
            conn.execute(f"UPDATE articles SET {_FEED_TEXT} WHERE id = ?",
                         (*_feed_text(e), article_id))


def _relink(conn: sqlite3.Connection, relinked: Sequence[tuple[int, NewEntry]],
            want_pages: bool) -> None:
    """A new link under the same guid: the article's link follows (as newsboat and Miniflux
    update it), quietly: not a correction, read state kept. A page not had yet is due again
    at the new address (the old one may be why it failed); a page's text already had stays."""
    for article_id, e in relinked:
        conn.execute(
            "UPDATE articles SET url = ?, page_due = CASE WHEN ? AND coalesce(body_source, '') "
            "<> 'page' THEN 1 ELSE page_due END, page_tries = CASE WHEN ? AND "
            "coalesce(body_source, '') <> 'page' THEN 0 ELSE page_tries END, "
            "page_retry_at = CASE WHEN ? AND coalesce(body_source, '') <> 'page' THEN NULL "
            "ELSE page_retry_at END WHERE id = ?",
            (e.url, want_pages, want_pages, want_pages, article_id))
