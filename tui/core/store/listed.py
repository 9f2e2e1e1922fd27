"""Which of some articles a query has: the reader's marks checked against its list."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from tui.core.store.articles import select_ids


def matching_ids(conn: sqlite3.Connection, where: str, params: Sequence[object],
                 ids: Sequence[int]) -> list[int]:
    """Which of `ids` match `where`: a few marked rows checked without the ordered scan of
    the whole query (124 ms at 50k articles)."""
    each = (json.dumps([int(i) for i in ids]), *params)
    return select_ids(conn, f"a.id IN (SELECT value FROM json_each(?)) AND ({where})", each)
