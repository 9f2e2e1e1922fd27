"""Feed rows: identity, conditional-GET validators and refresh health."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from tui.core.models import to_iso, utcnow


@dataclass(frozen=True, slots=True)
class FeedRef:
    id: int
    name: str
    url: str
    etag: str | None
    last_modified: str | None
    failures: int


def sync_feeds(conn: sqlite3.Connection, feeds: Iterable[tuple[str, str]]) -> dict[str, FeedRef]:
    """Make sure every configured (name, url) has a row; returns them by name.

    Feeds dropped from the config keep their rows, so their articles (and the user's tags and
    saved flags on them) survive an edit of feeds.toml.
    """
    pairs = list(feeds)
    for name, url in pairs:
        conn.execute(
            "INSERT INTO feeds(url, name) VALUES(?, ?) "
            "ON CONFLICT(url) DO UPDATE SET name = excluded.name WHERE name != excluded.name",
            (url, name),
        )
    refs = {}
    for name, url in pairs:
        row = conn.execute("SELECT id, etag, last_modified, failures FROM feeds WHERE url = ?",
                           (url,)).fetchone()
        refs[name] = FeedRef(row[0], name, url, row[1], row[2], row[3])
    return refs


def record_success(conn: sqlite3.Connection, feed_id: int, *, etag: str | None,
                   last_modified: str | None, title: str | None, lang: str | None,
                   item_count: int, warning: str | None = None) -> None:
    now = to_iso(utcnow())
    conn.execute(
        "UPDATE feeds SET etag = ?, last_modified = ?, title = coalesce(?, title), "
        "lang = coalesce(?, lang), last_attempt = ?, last_ok = ?, last_error = ?, failures = 0, "
        "item_count = ? WHERE id = ?",
        (etag, last_modified, title, lang, now, now, warning, item_count, feed_id),
    )


def record_not_modified(conn: sqlite3.Connection, feed: FeedRef) -> None:
    """A 304 costs nothing: only a feed that was failing gets its error cleared."""
    if feed.failures:
        now = to_iso(utcnow())
        conn.execute("UPDATE feeds SET last_attempt = ?, last_ok = ?, last_error = NULL, "
                     "failures = 0 WHERE id = ?", (now, now, feed.id))


def record_failure(conn: sqlite3.Connection, feed_id: int, error: str) -> None:
    conn.execute("UPDATE feeds SET last_attempt = ?, last_error = ?, failures = failures + 1 "
                 "WHERE id = ?", (to_iso(utcnow()), error, feed_id))


def feed_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every feed with its health and unread count (one query, for the tree and `feeds`)."""
    return conn.execute(
        "SELECT f.*, (SELECT count(*) FROM article_feeds af "
        "JOIN articles a ON a.id = af.article_id "
        "WHERE af.feed_id = f.id AND a.read = 0) AS unread FROM feeds f ORDER BY f.name"
    ).fetchall()
