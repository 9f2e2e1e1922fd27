"""An unchanged refresh without the Desk: `newsdesk fetch` (cli/lean_fetch.py) tries this
before it loads the Desk, the analysis and the fetcher, most of an all-304 run's CPU.

It goes only where the Desk's refresh would do nothing but sweep: an existing cache at the
current schema that this process can write, every feed named, no page to extract, no user's
actors.toml, nothing to analyse, re-match or relink, `allow_private_links` off. Else it returns
None having asked nothing, and the Desk's refresh does it all. What it does, it does with the
refresh's own steps (the same lock, feed-row sync, sweep, `finish_unchanged`, prune), so the
cache ends as the refresh leaves it. A sweep that ends on an answer other than a 304 is handed
over (`Preswept`): the refresh takes what it found and the requests on the wire, asking nothing
twice.
"""

from __future__ import annotations

import os
import sqlite3
import time

from tui.core.ingest.sweep import sweep
from tui.core.refresh.lock import RefreshBusy, refresh_lock
from tui.core.refresh.match_sources import sources_unchanged
from tui.core.refresh.relink import linker_unchanged
from tui.core.refresh.summary import RefreshSummary
from tui.core.refresh.unchanged import Preswept, asked, finish_unchanged, sweepable
from tui.core.store import feeds as feed_store
from tui.core.store import pruning
from tui.core.store.db import (
    DB_NAME,
    GAZETTEER_HASH_KEY,
    get_meta,
    open_current,
    read_only_place,
)
from tui.core.store.feed_tags import sync_feed_tags

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from tui.core.config.lean_read import LeanConfig
    from tui.core.ingest.sweep import Handed, TimedOut


def unchanged_refresh(config: LeanConfig, extract: bool | None,
                      on_stored: Callable[[], None] = lambda: None,
                      ) -> RefreshSummary | Preswept | None:
    """The refresh of every feed, done, when each answered 304 (or timed out); a `Preswept`
    when the sweep met anything else; None when this is no refresh to do so (nothing asked).
    `extract` as `Desk.refresh`'s; `on_stored` when every feed's answer is written."""
    start = time.perf_counter()
    settings = config.settings
    extracting = settings.extract if extract is None else extract
    if (not config.feeds or settings.allow_private_links or config.actors_file is not None
            or any(not f.named or (extracting and f.extract) for f in config.feeds)):
        return None
    path = os.path.join(settings.cache_dir, DB_NAME)
    if not os.path.isfile(path) or read_only_place(path):
        return None
    try:
        with refresh_lock(settings.cache_dir):
            conn = open_current(path)  # else the Desk migrates it, or sets a damaged one aside
            if conn is None:
                return None
            try:
                return _refresh(conn, config, start, on_stored)
            finally:
                conn.close()
    except RefreshBusy:  # the Desk's refresh says so
        return None


def _refresh(conn: sqlite3.Connection, config: LeanConfig, start: float,
             on_stored: Callable[[], None]) -> RefreshSummary | Preswept | None:
    settings = config.settings
    try:
        refs = feed_store.sync_feeds(conn, [(f.name, f.url) for f in config.feeds])
        sync_feed_tags(conn, [(refs[f.name].id, f.tags) for f in config.feeds])
        if not _nothing_to_analyse(conn):
            return None
        jobs = sweepable(conn, config.feeds, refs, False)
    except sqlite3.Error:  # the Desk meets it again and says it
        return None
    if jobs is None:
        return None
    # (not in `bulk`'s settings: a few rows change, and closing the cache checkpoints it)
    results: list[tuple[str, TimedOut | None]] = []
    handed: dict[str, Handed] = {}
    results.extend(sweep(jobs, threads=settings.concurrency, per_host=settings.per_host,
                         connect_timeout=settings.connect_timeout,
                         read_timeout=settings.read_timeout, handed=handed))
    if len(results) < len(jobs):
        return Preswept(asked(jobs, settings), results, handed)
    summary = finish_unchanged(
        conn, settings, config.feeds, refs, [name for name, out in results if out is None],
        {name: out.error for name, out in results if out is not None})
    summary.stored_s = time.perf_counter() - start
    on_stored()
    summary.pruned = pruning.prune(conn, settings.keep_days, None,
                                   listed=[ref.id for ref in refs.values()])
    summary.total_s = time.perf_counter() - start
    return summary


def _nothing_to_analyse(conn: sqlite3.Connection) -> bool:
    """The analysis after a refresh would do nothing: no article waits for it, and neither
    the matchers' data (without a user's actors.toml) nor the linker changed since."""
    return (sources_unchanged(conn, get_meta(conn, GAZETTEER_HASH_KEY))
            and linker_unchanged(conn)
            and conn.execute("SELECT 1 FROM articles WHERE analysed = 0 LIMIT 1").fetchone()
            is None)
