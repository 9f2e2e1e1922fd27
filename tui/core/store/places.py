"""SQL for place mentions: which places (places.toml ids) each article names."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

PlaceRow = tuple[int, str, int]  # (article_id, place_id, count)
BATCH = 500


def save_rows(conn: sqlite3.Connection, article_ids: Sequence[int],
              rows: Sequence[PlaceRow]) -> None:
    """Replace the place mentions of these articles."""
    for i in range(0, len(article_ids), BATCH):
        chunk = list(article_ids[i:i + BATCH])
        conn.execute(f"DELETE FROM place_mentions WHERE article_id IN "
                     f"({','.join('?' * len(chunk))})", chunk)
    conn.executemany("INSERT INTO place_mentions(article_id, place_id, count) VALUES (?, ?, ?)",
                     rows)


def places_of(conn: sqlite3.Connection, article_id: int) -> list[tuple[str, int]]:
    """(place_id, count) for one article, most named first."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT place_id, count FROM place_mentions WHERE article_id = ? "
        "ORDER BY count DESC, place_id", (article_id,))]
