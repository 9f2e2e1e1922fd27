"""SQL for place mentions: which places (places.toml ids) each article names."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from tui.core.store.db import replace_article_rows

PlaceRow = tuple[int, str, int]  # (article_id, place_id, count)


def save_rows(conn: sqlite3.Connection, article_ids: Sequence[int],
              rows: Sequence[PlaceRow]) -> None:
    """Replace the place mentions of these articles."""
    replace_article_rows(conn, "place_mentions", ("place_id", "count"), article_ids, rows)


def places_of(conn: sqlite3.Connection, article_id: int) -> list[tuple[str, int]]:
    """(place_id, count) for one article, most named first."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT place_id, count FROM place_mentions WHERE article_id = ? "
        "ORDER BY count DESC, place_id", (article_id,))]
