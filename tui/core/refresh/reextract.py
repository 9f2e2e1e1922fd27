"""Page bodies rebuilt from the raw pages kept in the cache (`newsdesk reextract`), offline:
after an extractor upgrade, nothing is downloaded again."""

from __future__ import annotations

import sqlite3
from collections import deque
from concurrent.futures import Future
from typing import TYPE_CHECKING

from tui.core.store import articles as store
from tui.core.store.write_turns import transaction

if TYPE_CHECKING:
    from tui.core.ingest.extract import Extracted
    from tui.core.refresh.pool import WorkerPool


def rebuild_bodies(conn: sqlite3.Connection, workers: WorkerPool) -> int:
    """Extract every stored page again in the pool; how many bodies changed (an unchanged one
    is not written, so it is not analysed again). A bounded window of pages is in flight: a
    50k cache never sits in memory decompressed."""
    from tui.core.refresh.pool import extract_worker

    changed = 0
    window: deque[tuple[int, Future[Extracted]]] = deque()

    def settle() -> None:
        nonlocal changed
        article_id, future = window.popleft()
        body = future.result().body
        if body and body != store.body_of(conn, article_id):
            with transaction(conn):
                store.set_body(conn, article_id, body, "page", None)
            changed += 1

    for article_id, url, raw, ctype in store.pages(conn):
        window.append((article_id, workers.get().submit(extract_worker, raw, url, ctype)))
        if len(window) >= 4 * workers.workers:
            settle()
    while window:
        settle()
    return changed
