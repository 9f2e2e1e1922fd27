"""What the cache holds under one feed: what removing it from feeds.toml leaves (`remove-feed`,
the app's feed removal). Apart from feeds.py, which every fetch loads, as its record type is
made at import."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple


class Holdings(NamedTuple):
    """What the cache holds under one feed: what removing it from feeds.toml leaves."""

    articles: int = 0
    unread: int = 0
    kept: int = 0  # saved or tagged by the user: never pruned
    shared: int = 0  # listed under another feed too: they stay listed there


def holdings(conn: sqlite3.Connection, url: str) -> Holdings:
    """The articles listed under the feed at `url` (none when it never had a row)."""
    row = conn.execute(
        "SELECT count(*), coalesce(sum(a.read = 0), 0), coalesce(sum(a.saved = 1 OR EXISTS ("
        "SELECT 1 FROM tags t WHERE t.article_id = a.id AND t.by_rule = 0)), 0), "
        "coalesce(sum(EXISTS (SELECT 1 FROM article_feeds o WHERE o.article_id = a.id "
        "AND o.feed_id != f.id)), 0) FROM feeds f JOIN article_feeds af ON af.feed_id = f.id "
        "JOIN articles a ON a.id = af.article_id WHERE f.url = ?", (url,)).fetchone()
    return Holdings(*row)
