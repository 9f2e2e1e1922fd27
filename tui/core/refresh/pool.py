"""The CPU-bound steps, as top-level functions a process pool can run.

Feed HTML (summaries, content:encoded) is turned into text inside the worker (prepare.py), so
the event loop only ever handles ready-to-store values.
"""

from __future__ import annotations

import os
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # multiprocessing loads with the first pool: an unchanged refresh has none
    from concurrent.futures import ProcessPoolExecutor

    from tui.core.ingest.extract import Extracted
    from tui.core.refresh.spawn import Lifeline


GRACE = 2.0  # s a worker may lie dead before its pool's manager is taken to be stuck
WATCH_EVERY = 0.5  # s between the watchdog's looks at a pool's workers


def ready(pages: bool = False) -> None:
    """A worker's first task when parsing is certain: it loads the parsers (and with `pages`,
    trafilatura and its options) while the feeds download, instead of after the first feed
    or page arrived."""
    from tui.core.ingest import extract, parse  # noqa: F401

    if pages:
        from tui.core.ingest.trafilatura_setup import options

        options(None)


def _without_headline(body: str, title: str | None) -> str:
    """Some templates put the headline inside the article element; the reader shows it apart."""
    first, _, rest = body.partition("\n\n")
    if title and rest and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return body


def extract_worker(raw: bytes, url: str, content_type: str | None) -> Extracted:
    from tui.core.ingest.extract import Extracted, clean_lines_text, extract_page
    from tui.core.ingest.links import shifted

    extracted = extract_page(raw, url, content_type)  # its body is clean_lines output
    cleaned = clean_lines_text(extracted.body)
    body = _without_headline(cleaned, extracted.title)
    links = shifted(extracted.links, len(cleaned) - len(body)) if cleaned == extracted.body else ()
    return Extracted(body, extracted.author, extracted.published, extracted.sitename,
                     extracted.title, extracted.error, links, extracted.note)


def page_worker(raw: bytes, url: str, content_type: str | None) -> tuple[Extracted, bytes]:
    """A fetched page's text and the page compressed for storage: compressing here keeps
    ~0.2 ms a page off the refresh's event loop and its one writer."""
    from tui.core.store.articles import compress_page

    return extract_worker(raw, url, content_type), compress_page(raw)


class WorkerPool:
    """The process pool, made on first use and renewed when a worker dies.

    A worker killed by the OOM killer or a crash inside lxml breaks a ProcessPoolExecutor for
    good; without renewal every later feed would fail until the app restarts. Workers are
    spawned, not forked: the TUI has threads, and fork with threads is unsafe. Each pool has
    its lifeline (`spawn.Lifeline`): its workers exit when the parent dies, even by SIGKILL.
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 2
        self._pool: ProcessPoolExecutor | None = None
        self._lifeline: Lifeline | None = None
        self._watch: threading.Event | None = None  # set: the current pool's watchdog ends
        self._lock = threading.Lock()

    def get(self) -> ProcessPoolExecutor:
        pool = self._pool
        if pool is not None and not getattr(pool, "_broken", False) \
                and len(getattr(pool, "_processes", None) or ()) >= self.workers:
            return pool  # every worker is spawned: submit() starts no process (2,000 pages)

        from concurrent.futures import ProcessPoolExecutor

        from tui.core.refresh.spawn import Lifeline, context, ensure_tracker, worker_init

        # Every call until all workers are up, not only the first: workers are spawned lazily
        # by submit(), and a tracker that died meanwhile must not be restarted through the
        # app's stderr capture.
        ensure_tracker()
        with self._lock:
            if self._pool is not None and getattr(self._pool, "_broken", False):
                self._drop(wait=False)
            if self._pool is None:
                self._lifeline = Lifeline()
                self._pool = ProcessPoolExecutor(
                    max_workers=self.workers, mp_context=context(),
                    initializer=worker_init, initargs=(self._lifeline.reader,))
                self._watch = threading.Event()
                threading.Thread(target=self._watchdog, args=(self._pool, self._watch),
                                 name="newsdesk-pool-watchdog", daemon=True).start()
            return self._pool

    def renew(self, broken: ProcessPoolExecutor) -> None:
        """Drop `broken` if it is still the current pool (several tasks may report it)."""
        with self._lock:
            if self._pool is broken:
                self._drop(wait=False)

    def shutdown(self) -> None:
        """Workers exit at once (the lifeline), not after their job or through their heaps'
        teardown; jobs not yet started are cancelled."""
        with self._lock:
            if self._pool is not None:
                self._drop(wait=True)

    def _watchdog(self, pool: ProcessPoolExecutor, stop: threading.Event) -> None:
        """Break `pool` for good when one of its workers died and its manager thread did not
        notice: a worker killed (the OOM killer) mid-way through sending a result over 64 KB
        leaves the manager waiting in recv() for the rest forever, so the pool never turned
        broken and every future on it, with the refresh or analysis awaiting it, waited too.
        A healthy manager marks the pool broken within milliseconds of a death; after `GRACE`
        its workers are cut and its pipe's last write end closed (`_Inner.reap`): the manager
        reads EOF, fails the pool's futures with BrokenProcessPool, and each waiter takes the
        path it takes for any dead worker (a new pool, the job run again). A wake-up every
        `WATCH_EVERY` s and a select() on the workers' sentinels: nothing on the normal path."""
        from multiprocessing.connection import wait

        dead_since: float | None = None
        while not stop.wait(WATCH_EVERY):
            if getattr(pool, "_broken", False):
                return  # the manager saw the death: the waiters' own path renews it
            processes = tuple((getattr(pool, "_processes", None) or {}).values())
            if not wait([p.sentinel for p in processes], 0):
                dead_since = None
            elif dead_since is None:
                dead_since = time.monotonic()
            elif time.monotonic() - dead_since >= GRACE:
                self._unstick(pool)
                return

    def _unstick(self, pool: ProcessPoolExecutor) -> None:
        """A pool whose manager is stuck stops being the current one (the next `get` makes a
        new pool), then is cut and reaped: its futures fail as broken, none is cancelled."""
        with self._lock:
            if self._pool is not pool:
                return
            assert self._lifeline is not None
            inner, lifeline = _Inner(pool), self._lifeline
            self._pool = self._lifeline = self._watch = None
        lifeline.close()
        inner.reap()
        pool.shutdown(wait=False)

    def _drop(self, *, wait: bool) -> None:
        assert self._pool is not None and self._lifeline is not None
        if self._watch is not None:
            self._watch.set()
        inner = _Inner(self._pool)  # shutdown() lets go of them
        self._pool.shutdown(wait=False, cancel_futures=True)
        if wait:
            inner.told()
        self._lifeline.close()  # stragglers of a broken pool exit too
        self._pool = self._lifeline = self._watch = None
        if wait:
            inner.reap()


class _Inner:
    """The parts of a ProcessPoolExecutor that `reap` needs, read before its shutdown()."""

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self.processes = dict(getattr(pool, "_processes", None) or {})
        self.result_queue = getattr(pool, "_result_queue", None)
        self.manager: threading.Thread | None = getattr(pool, "_executor_manager_thread", None)
        self.pool = pool

    def told(self, within: float = 1.0) -> None:
        """Wait (briefly) until the manager thread has taken in shutdown(cancel_futures): it
        then lets go of the jobs cancelled while they waited. Cut off before that, it found
        the workers gone, set an error on each job it still held, a cancelled one too, and
        died on that (CPython 3.11) with "Exception in thread ... InvalidStateError:
        CANCELLED" on the user's terminal."""
        deadline = time.monotonic() + within
        while getattr(self.pool, "_cancel_pending_futures", False) and self.manager is not None \
                and self.manager.is_alive() and time.monotonic() < deadline:
            time.sleep(0.001)

    def reap(self) -> None:
        """Wait for a cut-off pool's workers, then its manager thread.

        A worker cut off by the lifeline mid-way through sending a result leaves part of a message
        in the result pipe, and CPython's manager thread waits in recv() for the rest forever: the
        parent holds a write end of that pipe as well, so no end-of-file ever comes. shutdown(wait)
        and the interpreter's exit (which joins that thread) hung with it: a quit app, a stopped
        refresh, a SIGTERM'd demo. Once every worker is gone nothing more can be sent, so the
        parent's write end is closed: the wait ends in EOF, read as a broken pool, and the thread
        ends."""
        for process in self.processes.values():
            process.join(5)
            if process.is_alive():  # not watching its lifeline: cannot happen, but never hang
                process.kill()
                process.join(5)
        if self.result_queue is not None:
            self.result_queue._writer.close()
        if self.manager is not None:
            self.manager.join(10)
