"""A refresh whose feeds all answer 304, without the event loop (ingest/sweep.py says why);
`fetch_feeds` chooses between it and the pipeline.

Tried only when it can be the whole refresh: every feed plain http with validators, and no
page due for those that extract (the pipeline fetches those on a 304 too). The feeds the sweep
finds unchanged, or gives up on (timed out), are said (events) and, when that is every one,
written and summed up here as the pipeline would; else the pipeline takes the refresh over,
told which feeds it need not ask and handed the requests the sweep left on the wire.
"""

from __future__ import annotations

import sqlite3

from tui.core.ingest.feed_request import jobs_of
from tui.core.ingest.sweep import sweep
from tui.core.refresh.summary import RefreshSummary
from tui.core.store import articles as store
from tui.core.store import feeds as feed_store
from tui.core.store.feed_status import feed_warnings
from tui.core.store.write_turns import transaction

TYPE_CHECKING = False
if TYPE_CHECKING:  # the lean fetch (refresh/lean.py) says no event and stops no sweep, and
    # loads neither the loader's records nor typing (it loads re)
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from tui.core.config.lean_read import LeanFeed, LeanSettings
    from tui.core.config.loader import Config, Feed, Settings
    from tui.core.ingest.feed_request import Job
    from tui.core.ingest.sweep import Handed, TimedOut
    from tui.core.refresh.events import RefreshEvent
    from tui.core.refresh.pool import WorkerPool
    from tui.core.refresh.stopping import StopSignal


def fetch_feeds(conn: sqlite3.Connection, config: Config, feeds: Sequence[Feed],
                refs: Mapping[str, feed_store.FeedRef], pool: WorkerPool, *, extracting: bool,
                stopping: StopSignal, emit: Callable[[RefreshEvent], None],
                preswept: Preswept | None = None) -> RefreshSummary:
    """Fetch and store these feeds (and their pages when `extracting`): by the sweep when it
    can be the whole refresh and is, else by the pipeline (event loop, httpx, the workers).
    `preswept`: a sweep `newsdesk fetch` made before loading this (cli/lean_fetch.py), taken
    as this refresh's own when it asked exactly what this one would (else it is let go)."""
    swept = Swept()
    jobs = sweepable(conn, feeds, refs, extracting)
    results = None
    if preswept is not None:
        if jobs is not None and preswept.asked == asked(jobs, config.settings):
            results, swept.handed = preswept.results, preswept.handed
        else:
            preswept.close()
    if jobs is not None:
        summary = try_unchanged(conn, config, feeds, refs, jobs, stopping, emit, swept, results)
        if summary is not None:
            return summary
    import asyncio

    from tui.core.refresh.pipeline import Refresh

    run = Refresh(conn, config, feeds, refs, pool=pool, extract=extracting, on_event=emit,
                  stopping=stopping, answered=swept.answered, failed=swept.failed,
                  handed=swept.handed)
    return asyncio.run(run.run())


class Preswept:
    """A sweep made before the refresh (cli/lean_fetch.py) that ended on an answer other than
    a 304: what it asked (`asked`), what it found, in order, and the requests it left on the
    wire (the fetcher reads them)."""

    __slots__ = ("asked", "handed", "results")

    def __init__(self, asked: tuple[object, ...], results: list[tuple[str, TimedOut | None]],
                 handed: dict[str, Handed]) -> None:
        self.asked, self.results, self.handed = asked, results, handed

    def close(self) -> None:
        for left in self.handed.values():
            left.sock.close()


def asked(jobs: list[Job], settings: Settings | LeanSettings) -> tuple[object, ...]:
    """What a sweep of `jobs` asks, and how: a sweep made before is this refresh's own only
    when it is the same."""
    return (tuple(jobs), settings.concurrency, settings.per_host, settings.connect_timeout,
            settings.read_timeout)


class Swept:
    """What the sweep did: the feeds that answered 304 and those that timed out (said), and
    the requests it left on the wire, by feed name."""

    __slots__ = ("answered", "failed", "handed")

    def __init__(self) -> None:
        self.answered: list[str] = []
        self.failed: dict[str, str] = {}
        self.handed: dict[str, Handed] = {}


def sweepable(conn: sqlite3.Connection, feeds: Sequence[Feed] | Sequence[LeanFeed],
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
                  stopping: StopSignal, emit: Callable[[RefreshEvent], None],
                  swept: Swept, results: Iterable[tuple[str, TimedOut | None]] | None = None,
                  ) -> RefreshSummary | None:
    """The refresh's summary when every feed answered 304 or timed out (all written); else
    None, and in `swept` what the pipeline takes over (the events of those done emitted).
    `results`: what a sweep made before found (else the sweep runs now)."""
    from tui.core.refresh.events import FeedFailed, FeedFinished, FeedStarted, Progress

    settings = config.settings
    answered, failed = swept.answered, swept.failed
    if results is None:
        results = sweep(jobs, threads=settings.concurrency, per_host=settings.per_host,
                        connect_timeout=settings.connect_timeout,
                        read_timeout=settings.read_timeout, wake=stopping.calls,
                        handed=swept.handed)
    for name, timed_out in results:
        emit(FeedStarted(name))
        if timed_out is None:
            answered.append(name)
            emit(FeedFinished(name, 0, "not modified"))
        else:
            failed[name] = timed_out.error
            emit(FeedFailed(name, timed_out.error))
        emit(Progress(len(answered) + len(failed), len(feeds), "feeds"))
    if len(answered) + len(failed) < len(feeds) or stopping.is_set():
        return None
    return finish_unchanged(conn, settings, feeds, refs, answered, failed)


def finish_unchanged(conn: sqlite3.Connection, settings: Settings | LeanSettings,
                     feeds: Sequence[Feed] | Sequence[LeanFeed],
                     refs: Mapping[str, feed_store.FeedRef], answered: Sequence[str],
                     failed: Mapping[str, str]) -> RefreshSummary:
    """Write and sum up a sweep in which every feed answered 304 (`answered`) or timed out
    (`failed`: its error), as the refresh and the lean fetch (cli/lean_fetch.py) both do."""
    summary = RefreshSummary(feeds_ok=len(answered), not_modified=len(answered))
    # errors go, and come; a move said before goes (the address answered itself, the sweep
    # hands any redirect to the pipeline); a healthy feed is stamped as checked
    failing = [refs[name] for name in answered if refs[name].failures or refs[name].moved]
    if failing or failed:
        with transaction(conn):
            for ref in failing:
                feed_store.record_not_modified(conn, ref)
            for name, error in failed.items():
                feed_store.record_failure(conn, refs[name].id, error)
                summary.feeds_failed += 1
                summary.errors.append({"feed": name, "error": error})
                if not refs[name].failures:
                    summary.new_failures.append(name)
    feed_store.record_checked(conn, [refs[name].id for name in answered
                                     if not refs[name].failures])  # a moved one too
    summary.warnings = [{"feed": name, "warning": warning} for name, warning in
                        feed_warnings(conn, [f for f in feeds if f.name not in failed],
                                      settings.max_pages_per_feed)]
    return summary
