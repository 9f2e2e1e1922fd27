"""Moving articles and feeds to a new identity, and folding duplicates into one row.

For a site whose addresses changed while its items did not (the demo, served on another
port): the caller decides what is the same; this keeps the user's state on the row that stays.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence


def _marks(ids: Sequence[object]) -> str:
    return ",".join("?" * len(ids))


def _like(prefix: str) -> str:
    """A LIKE pattern (ESCAPE '\\') for every text starting with `prefix`."""
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def identities(conn: sqlite3.Connection, url_prefix: str,
               keys: Sequence[str]) -> list[tuple[int, str, str | None]]:
    """(id, key, url) of the articles whose url starts with `url_prefix` or whose key is one
    of `keys`."""
    found: dict[int, tuple[int, str, str | None]] = {}
    for row in conn.execute("SELECT id, key, url FROM articles WHERE url LIKE ? ESCAPE '\\'",
                            (_like(url_prefix),)):
        found[row[0]] = (row[0], row[1], row[2])
    for i in range(0, len(keys), 500):
        chunk = list(keys[i:i + 500])
        for row in conn.execute(f"SELECT id, key, url FROM articles WHERE key IN "
                                f"({_marks(chunk)})", chunk):
            found[row[0]] = (row[0], row[1], row[2])
    return sorted(found.values())


def links_naming(conn: sqlite3.Connection, url_prefix: str) -> list[tuple[int, str]]:
    """(id, body_links JSON) of the articles whose text links an address under `url_prefix`."""
    return list(conn.execute("SELECT id, body_links FROM articles WHERE body_links LIKE ? "
                             "ESCAPE '\\'", ("%" + _like(url_prefix),)))


def merge_articles(conn: sqlite3.Connection, keep: int, others: Sequence[int]) -> None:
    """Fold `others` into `keep`: read, saved or dismissed if any of them was, every tag and
    feed of theirs; then the others go (their derived rows with them)."""
    others = [i for i in others if i != keep]
    if not others:
        return
    ids = [keep, *others]
    flags = conn.execute(f"SELECT max(read), max(saved), max(dismissed) FROM articles "
                         f"WHERE id IN ({_marks(ids)})", ids).fetchone()
    conn.execute("UPDATE articles SET read = ?, saved = ?, dismissed = ? WHERE id = ?",
                 (*flags, keep))
    conn.execute(f"INSERT INTO tags(article_id, key, tag, by_rule) SELECT ?, key, tag, by_rule "
                 f"FROM tags WHERE article_id IN ({_marks(others)}) "
                 f"ON CONFLICT DO UPDATE SET by_rule = min(by_rule, excluded.by_rule)",
                 (keep, *others))
    conn.execute(f"INSERT OR IGNORE INTO article_feeds(article_id, feed_id) SELECT ?, feed_id "
                 f"FROM article_feeds WHERE article_id IN ({_marks(others)})", (keep, *others))
    conn.execute(f"DELETE FROM articles WHERE id IN ({_marks(others)})", others)


def set_identity(conn: sqlite3.Connection, article_id: int, key: str, url: str) -> None:
    conn.execute("UPDATE articles SET key = ?, url = ? WHERE id = ?", (key, url, article_id))


def feeds_under(conn: sqlite3.Connection, url_prefix: str) -> list[tuple[int, str]]:
    """(id, url) of the feeds whose url starts with `url_prefix`, oldest first."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT id, url FROM feeds WHERE url LIKE ? ESCAPE '\\' ORDER BY id", (_like(url_prefix),))]


def merge_feeds(conn: sqlite3.Connection, keep: int, others: Sequence[int], url: str) -> None:
    """Fold `others` into `keep` (their articles join it), then move `keep` to `url`; a moved
    feed forgets its validators, which belonged to the old address."""
    others = [i for i in others if i != keep]
    if others:
        conn.execute(f"INSERT OR IGNORE INTO article_feeds(article_id, feed_id) SELECT "
                     f"article_id, ? FROM article_feeds WHERE feed_id IN ({_marks(others)})",
                     (keep, *others))
        conn.execute(f"DELETE FROM feeds WHERE id IN ({_marks(others)})", others)
    conn.execute("UPDATE feeds SET url = ?, etag = NULL, last_modified = NULL "
                 "WHERE id = ? AND url != ?", (url, keep, url))
