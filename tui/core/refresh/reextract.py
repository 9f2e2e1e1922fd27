"""Page bodies rebuilt from the raw pages kept in the cache (`newsdesk reextract`), offline:
after an extractor upgrade, nothing is downloaded again."""

from __future__ import annotations

import sqlite3
from collections import deque
from concurrent.futures import Future
from typing import TYPE_CHECKING, NamedTuple

from tui.core.store import articles as store
from tui.core.store import body_links
from tui.core.store.write_turns import transaction

if TYPE_CHECKING:
    from tui.core.ingest.extract import Extracted
    from tui.core.refresh.pool import WorkerPool


class Rebuilt(NamedTuple):
    """Pages read again, and of their bodies those that came out different (the others are
    not written, so not analysed again): "0 rebuilt" alone read as if nothing had been done."""

    pages: int
    changed: int


def rebuild_bodies(conn: sqlite3.Connection, workers: WorkerPool) -> Rebuilt:
    """Extract every stored page again in the pool. An unchanged body is not written, so it
    is not analysed again; only its links are, when they differ (a page stored before links
    were kept gets them). A bounded window of pages is in flight: a 50k cache never sits in
    memory decompressed."""
    from tui.core.refresh.pool import extract_worker

    changed = pages = 0
    window: deque[tuple[int, Future[Extracted]]] = deque()

    def settle() -> None:
        nonlocal changed
        article_id, future = window.popleft()
        extracted = future.result()
        body = extracted.body
        if body and body != store.body_of(conn, article_id):
            with transaction(conn):
                store.set_body(conn, article_id, body, "page", extracted.note,
                               links=extracted.links)
            changed += 1
        elif body and extracted.links != body_links.stored_links(conn, article_id):
            with transaction(conn):
                body_links.set_links(conn, article_id, extracted.links)

    for article_id, url, raw, ctype in store.pages(conn):
        window.append((article_id, workers.get().submit(extract_worker, raw, url, ctype)))
        pages += 1
        if len(window) >= 4 * workers.workers:
            settle()
    while window:
        settle()
    return Rebuilt(pages, changed)
