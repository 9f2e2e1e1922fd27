"""A cache written at an older schema, for the tests that an upgrade keeps the user's articles:
one feed, the given articles in it, the first one tagged 'dossier'."""

from __future__ import annotations

from pathlib import Path

from tui.core.store.db import DB_NAME, connect
from tui.core.store.write_turns import transaction


def old_cache(folder: Path, schema: int, feed_url: str,
              articles: list[tuple[int, str, str | None, str, int]]) -> None:
    """`articles`: (id, key, url, title, saved), all in feed 1 ('Wire'), dated 2 June 2025."""
    path = folder / "cache" / DB_NAME
    path.parent.mkdir(parents=True)
    conn = connect(path, migrate_to=schema)
    with transaction(conn):
        conn.execute("INSERT INTO feeds (id, url, name) VALUES (1, ?, 'Wire')", (feed_url,))
        conn.executemany(
            "INSERT INTO articles (id, key, url, title, summary, published, first_seen, saved) "
            "VALUES (?, ?, ?, ?, 'Talks in Baku went on.', '2025-06-02T10:00:00Z', "
            "'2025-06-02T10:00:00Z', ?)", articles)
        conn.executemany("INSERT INTO article_feeds (article_id, feed_id) VALUES (?, 1)",
                         [(row[0],) for row in articles])
        conn.execute("INSERT INTO tags (article_id, key, tag, by_rule) "
                     "VALUES (?, 'dossier', 'dossier', 0)", (articles[0][0],))
    conn.close()
