"""Run the analyzers (actors, rules, related/stories) on articles whose body changed.

Pending work is a flag in the articles table, set whenever a body is written, so a refresh that
was killed half-way is caught up by the next one and the cost per article stays flat.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from tui.core.config import Config
from tui.core.events import Progress, RefreshEvent
from tui.core.store import articles as store
from tui.core.store.db import transaction

BATCH = 200


class Analysis:
    """Holds the loaded gazetteer/matcher so it is built once per Desk, lazily."""

    def __init__(self, config: Config) -> None:
        self.config = config

    def resolve_actor(self, name: str) -> list[str]:
        return []

    def run_pending(self, conn: sqlite3.Connection,
                    on_event: Callable[[RefreshEvent], None] | None = None) -> int:
        done = 0
        total = conn.execute("SELECT count(*) FROM articles WHERE analysed = 0").fetchone()[0]
        while ids := store.pending_analysis(conn, BATCH):
            with transaction(conn):
                self.analyse(conn, ids)
                store.mark_analysed(conn, ids)
            done += len(ids)
            if on_event:
                on_event(Progress(done, total, "analyse"))
        return done

    def analyse(self, conn: sqlite3.Connection, ids: list[int]) -> None:
        """Analyzers in dependency order; all inside the caller's transaction."""
