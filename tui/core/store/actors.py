"""SQL for actor mentions: write what the matcher found, answer who-is-mentioned-where.

Mentions are derived data. They are rebuilt per article whenever its text changes (the caller
passes the ids) and wholesale whenever the gazetteer changes (`reindex_if_changed`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from tui.core.store.db import get_meta, set_meta, transaction

if TYPE_CHECKING:  # the matcher (and its automaton) loads only when something is matched
    from tui.core.actors.matcher import Matcher, Mention

GAZETTEER_HASH_KEY = "gazetteer_hash"
BATCH = 500
# Spans index into `body` exactly as the reader shows it (Article.body is body or ""). The
# pipeline writes the feed's text into `body` when no page could be extracted, and marks the
# article for re-analysis whenever it does, so nothing is missed by not looking further.
BODY_SQL = "coalesce(body, '')"


def _rows(article_id: int, mentions: Sequence[Mention]) -> list[tuple[int, str, int, str]]:
    spans: dict[str, list[list[object]]] = {}
    for m in mentions:
        spans.setdefault(m.actor_id, []).append([m.field, m.start, m.end])
    return [(article_id, actor_id, len(found), json.dumps(found, separators=(",", ":")))
            for actor_id, found in spans.items()]


def mention_rows(article_id: int, mentions: Sequence[Mention]) -> list[tuple[int, str, int, str]]:
    """(article_id, actor_id, count, spans JSON) rows, as stored; workers compute them."""
    return _rows(article_id, mentions)


def save_rows(conn: sqlite3.Connection, article_ids: Sequence[int],
              rows: Sequence[tuple[int, str, int, str]]) -> None:
    """Replace the mentions of these articles with rows matched elsewhere (a worker)."""
    for i in range(0, len(article_ids), BATCH):
        chunk = list(article_ids[i:i + BATCH])
        conn.execute(f"DELETE FROM actor_mentions WHERE article_id IN "
                     f"({','.join('?' * len(chunk))})", chunk)
    conn.executemany("INSERT INTO actor_mentions(article_id, actor_id, count, spans) "
                     "VALUES (?, ?, ?, ?)", rows)


def index_articles(conn: sqlite3.Connection, article_ids: Iterable[int], matcher: Matcher) -> int:
    """Re-match the given articles and replace their mention rows, in one transaction.

    Returns the number of articles indexed (ids that no longer exist are skipped).
    """
    ids = list(dict.fromkeys(article_ids))
    done = 0
    with transaction(conn):
        for i in range(0, len(ids), BATCH):
            chunk = ids[i:i + BATCH]
            marks = ",".join("?" * len(chunk))
            texts = conn.execute(
                f"SELECT id, title, {BODY_SQL} FROM articles WHERE id IN ({marks})", chunk
            ).fetchall()
            conn.execute(f"DELETE FROM actor_mentions WHERE article_id IN ({marks})", chunk)
            rows: list[tuple[int, str, int, str]] = []
            for article_id, title, body in texts:
                rows.extend(_rows(article_id, matcher.match(title or "", body or "")))
            conn.executemany("INSERT INTO actor_mentions(article_id, actor_id, count, spans) "
                             "VALUES (?, ?, ?, ?)", rows)
            done += len(texts)
    return done


def mentions_of(conn: sqlite3.Connection, article_id: int,
                ) -> list[tuple[str, int, list[tuple[str, int, int]]]]:
    """(actor_id, count, [(field, start, end), ...]) for one article, most mentioned first."""
    rows = conn.execute("SELECT actor_id, count, spans FROM actor_mentions WHERE article_id = ? "
                        "ORDER BY count DESC, actor_id", (article_id,)).fetchall()
    return [(actor_id, count, [(f, s, e) for f, s, e in json.loads(spans)])
            for actor_id, count, spans in rows]


def articles_mentioning(conn: sqlite3.Connection, actor_id: str, limit: int = 200) -> list[int]:
    """Ids of articles that mention the actor, newest first."""
    rows = conn.execute(
        "SELECT a.id FROM actor_mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.actor_id = ? ORDER BY a.published DESC, a.id DESC LIMIT ?", (actor_id, limit)
    ).fetchall()
    return [r[0] for r in rows]


def top_actors(conn: sqlite3.Connection, since_iso: str | None = None, limit: int = 20,
               ) -> list[tuple[str, int]]:
    """(actor_id, number of articles) over articles published at or after `since_iso`."""
    rows = conn.execute(
        "SELECT m.actor_id, count(*) AS n FROM actor_mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE a.published >= ? "
        "GROUP BY m.actor_id ORDER BY n DESC, m.actor_id LIMIT ?", (since_iso or "", limit)
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def reindex_if_changed(conn: sqlite3.Connection, matcher: Matcher, gazetteer_hash: str) -> int:
    """Re-match every article when the gazetteer changed since the last run; returns how many.

    Works in batches (each its own transaction) so readers are never blocked for long; the
    new hash is recorded only at the end, so an interrupted run starts over next time.
    """
    if get_meta(conn, GAZETTEER_HASH_KEY) == gazetteer_hash:
        return 0
    done = 0
    last = -1
    while True:
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, BATCH))]
        if not ids:
            break
        done += index_articles(conn, ids, matcher)
        last = ids[-1]
    with transaction(conn):
        set_meta(conn, GAZETTEER_HASH_KEY, gazetteer_hash)
    return done
