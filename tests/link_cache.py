"""An article's stored link-feature JSON, for the tests that check an upgraded cache
relinks into new feature keys (test_link_undated, test_link_headline)."""

from __future__ import annotations

import json
import sqlite3


def stored(conn: sqlite3.Connection, table: str, column: str, aid: int) -> dict[str, object]:
    """One article's link features as stored in `table.column` (raw or weighed)."""
    row = conn.execute(f"SELECT {column} FROM {table} WHERE article_id = ?", (aid,)).fetchone()
    return dict(json.loads(row[0]))
