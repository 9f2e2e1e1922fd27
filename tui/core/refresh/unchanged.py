"""A refresh whose feeds all answer 304, without the event loop (ingest/sweep.py says why);
`fetch_feeds` chooses between it and the pipeline.

Tried only when it can be the whole refresh: every feed plain http with validators, and no
page due for those that extract (the pipeline fetches those on a 304 too). The feeds the sweep
finds unchanged are said (events) and, when every one is, written and summed up here as the
pipeline would; else the pipeline takes the refresh over, told which feeds it need not ask.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from tui.core.config.loader import Config, Feed
from tui.core.ingest.sweep import Job, jobs_of, sweep
from tui.core.refresh.events import FeedFinished, FeedStarted, Progress, RefreshEvent
from tui.core.refresh.stopping import StopSignal
from tui.core.refresh.summary import RefreshSummary
from tui.core.store import articles as store
from tui.core.store import feeds as feed_store
from tui.core.store.feed_status import feed_warnings
from tui.core.store.write_turns import transaction

if TYPE_CHECKING:
    from tui.core.refresh.pool import WorkerPool


def fetch_feeds(conn: sqlite3.Connection, config: Config, feeds: Sequence[Feed],
                refs: Mapping[str, feed_store.FeedRef], pool: WorkerPool, *, extracting: bool,
                stopping: StopSignal, emit: Callable[[RefreshEvent], None]) -> RefreshSummary:
    """Fetch and store these feeds (and their pages when `extracting`): by the sweep when it
    can be the whole refresh and is, else by the pipeline (event loop, httpx, the workers)."""
    answered: list[str] = []
    jobs = sweepable(conn, feeds, refs, extracting)
    if jobs is not None:
        summary, answered = try_unchanged(conn, config, feeds, refs, jobs, stopping, emit)
        if summary is not None:
            return summary
    import asyncio

    from tui.core.refresh.pipeline import Refresh

    run = Refresh(conn, config, feeds, refs, pool=pool, extract=extracting, on_event=emit,
                  stopping=stopping, answered=answered)
    return asyncio.run(run.run())


def sweepable(conn: sqlite3.Connection, feeds: Sequence[Feed],
              refs: Mapping[str, feed_store.FeedRef], extracting: bool) -> list[Job] | None:
    """The sweep's jobs when it can be the whole refresh, else None."""
    jobs = jobs_of((f.name, f.url, refs[f.name].etag, refs[f.name].last_modified)
                   for f in feeds)
    if not jobs or (extracting and store.any_page_due(
            conn, [refs[f.name].id for f in feeds if f.extract])):
        return None
    return jobs


def try_unchanged(conn: sqlite3.Connection, config: Config, feeds: Sequence[Feed],
                  refs: Mapping[str, feed_store.FeedRef], jobs: list[Job],
                  stopping: StopSignal,
                  emit: Callable[[RefreshEvent], None]) -> tuple[RefreshSummary | None, list[str]]:
    """The refresh's summary when every feed answered 304 (all written); else None and the
    feeds that did (their events emitted), for the pipeline to count and not ask again."""
    settings = config.settings
    answered: list[str] = []
    for name in sweep(jobs, threads=settings.concurrency,
                      per_host=settings.per_host, connect_timeout=settings.connect_timeout,
                      wake=stopping.calls):
        answered.append(name)
        emit(FeedStarted(name))
        emit(FeedFinished(name, 0, "not modified"))
        emit(Progress(len(answered), len(feeds), "feeds"))
    if len(answered) < len(feeds) or stopping.is_set():
        return None, answered
    failing = [refs[f.name] for f in feeds if refs[f.name].failures]
    if failing:  # their errors go; a healthy feed is stamped as checked
        with transaction(conn):
            for ref in failing:
                feed_store.record_not_modified(conn, ref)
    feed_store.record_checked(conn, [refs[f.name].id for f in feeds
                                     if not refs[f.name].failures])
    summary = RefreshSummary(feeds_ok=len(feeds), not_modified=len(feeds))
    summary.warnings = [{"feed": name, "warning": warning} for name, warning in
                        feed_warnings(conn, feeds, settings.max_pages_per_feed)]
    return summary, answered
