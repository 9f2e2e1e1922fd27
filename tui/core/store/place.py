"""Where the reader was when it quit (its view and article), kept in the `meta` table so the
next start lands there. A nicety, never a wait: it is written only when the write lock is
free at that moment (a fetch mid-transaction means this quit keeps the place before)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from tui.core.store.db import get_meta, set_meta
from tui.core.store.write_turns import if_free

PLACE_KEY = "reader_place"


def load(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """The place kept at the last quit, or None (none yet, or unreadable)."""
    try:
        text = get_meta(conn, PLACE_KEY)
        value = json.loads(text) if text else None
    except (sqlite3.Error, ValueError):
        return None
    return value if isinstance(value, dict) else None


def keep(conn: sqlite3.Connection, place: dict[str, Any]) -> bool:
    """Store `place` if the write lock is free now; False when it was not (nothing kept)."""
    with if_free(conn) as free:
        if free:
            set_meta(conn, PLACE_KEY, json.dumps(place, ensure_ascii=False))
    return free
