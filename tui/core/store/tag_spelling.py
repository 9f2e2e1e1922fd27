"""The spelling a tag is stored under: one per key, the one already stored (any case, any
Arabic or Persian letter variant), so a tag typed again joins the one already there.
Shared by articles, feed tags and rules."""

from __future__ import annotations

import sqlite3


def spelling(conn: sqlite3.Connection, tag: str) -> tuple[str, str] | None:
    """(key, spelling) for a tag: the spelling already in use for its key, else the tag's own
    canonical display form; None for a tag that is empty once cleaned."""
    from tui.core import tagnames  # (not loaded by a fetch that tags nothing)

    shown = tagnames.display(tag)
    key = tagnames.key(shown)
    if not key:
        return None
    row = conn.execute("SELECT tag FROM tags WHERE key = ? LIMIT 1", (key,)).fetchone()
    return key, row[0] if row else shown
