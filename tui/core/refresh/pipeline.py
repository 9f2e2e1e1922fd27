"""The refresh pipeline: fetch -> parse -> store -> extract -> store, reporting events.

Network waits overlap on one event loop; parsing and extraction run in a process pool so a big
refresh uses every core while the loop keeps fetching. Results are written by the writer
(writer.py) in short transactions of whatever is ready, so a crash or a kill loses at most the
results in flight, and a reader (the TUI) never sees half an article.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Collection, Mapping, Sequence
from concurrent.futures import BrokenExecutor  # BrokenProcessPool's base: no multiprocessing
from typing import TYPE_CHECKING, TypeVar

from tui.core.config.loader import Config, Feed
from tui.core.ingest.addresses import LinkPolicy
from tui.core.ingest.feed_request import FEED_ACCEPT
from tui.core.ingest.fetch import Fetcher, FetchResult
from tui.core.ingest.sweep import Handed
from tui.core.refresh.events import (
    ArticleExtracted,
    FeedFailed,
    FeedFinished,
    FeedStarted,
    Progress,
    RefreshEvent,
)
from tui.core.refresh.feed_notes import cut_off, moved_note
from tui.core.refresh.pool import WorkerPool, page_worker, ready
from tui.core.refresh.stopping import StopSignal, unless_stopped
from tui.core.refresh.summary import RefreshSummary
from tui.core.refresh.writer import GATHER_S, Writer
from tui.core.store import articles as store
from tui.core.store import corrections, page_retry, pruning
from tui.core.store import feeds as feed_store
from tui.core.store.feed_status import feed_warnings
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.core.ingest.extract import Extracted
    from tui.core.refresh.prepare import PreparedFeed

T = TypeVar("T")
TASK_TIMEOUT = 120  # seconds one parse or extraction may take in a worker


class Refresh:
    """One refresh run over some feeds; create, then `await run()`."""

    def __init__(self, conn: sqlite3.Connection, config: Config, feeds: Sequence[Feed],
                 refs: Mapping[str, feed_store.FeedRef], *, pool: WorkerPool, extract: bool,
                 on_event: Callable[[RefreshEvent], None], fetcher: Fetcher | None = None,
                 stopping: threading.Event | None = None, answered: Collection[str] = (),
                 failed: Mapping[str, str] | None = None,
                 handed: dict[str, Handed] | None = None):
        """`refs`: the feeds' rows by name, as `Desk.sync_feeds` made them just before;
        from the sweep (refresh/unchanged.py): `answered`, feeds that answered 304, and
        `failed`, feeds that timed out (their errors), events said; `handed`, the requests
        it left on the wire, whose answers are read from there."""
        self.conn = conn
        # set: fetch and store nothing more; a StopSignal also cancels the requests under way
        self.stopping = stopping or StopSignal()
        self.config = config
        self.feeds = list(feeds)
        self.refs = refs
        self.pool = pool
        self.extract = extract
        self.emit = on_event
        self.summary = RefreshSummary()
        self._fetcher = fetcher
        self._answered = frozenset(answered)
        self._failed = dict(failed or {})
        self._handed = dict(handed or {})
        self._pages_total = 0
        self._pages_done = 0
        # Pages fetched but not yet extracted wait in memory: when the network outruns the
        # workers (fast hosts, 2 cores) they would pile up, a whole refresh's pages at once.
        self._page_slots = asyncio.Semaphore(config.settings.concurrency + 2 * pool.workers)
        self._claimed: set[int] = set()  # pages taken by one feed (two feeds may share one)
        # Feeds and pages under way that have not handed their write over yet: while some are,
        # the writer waits a moment to put more results in one transaction.
        self._producing = 0
        self._checked: list[int] = []  # healthy feeds that answered 304: stamped at the end
        self._read: set[str] = set()  # feeds read (a 304 too): their warnings are listed
        self._pages_failed: dict[int, int] = {}  # feed id -> its pages tried that gave no text
        self._deferred: dict[int, int] = {}  # feed id -> its pages a whole run left for later

    def _new_fetcher(self) -> Fetcher:
        settings = self.config.settings
        return Fetcher(concurrency=settings.concurrency, per_host=settings.per_host,
                       connect_timeout=settings.connect_timeout,
                       read_timeout=settings.read_timeout)

    async def run(self) -> RefreshSummary:
        fetcher = self._fetcher or self._new_fetcher()
        refs = {feed.name: self.refs[feed.name] for feed in self.feeds}  # those fetched
        if any(not (ref.etag or ref.last_modified) for ref in refs.values()):
            # A feed seen for the first time (or without validators) will be parsed: start the
            # workers now, while the feeds download. An unchanged refresh starts none.
            pool = self.pool.get()
            pages = self.extract and any(f.extract for f in self.feeds)
            for _ in range(self.pool.workers):
                pool.submit(ready, pages)
        async with fetcher, self._writing():
            self._fetcher = fetcher
            done = len(self._answered) + len(self._failed)

            async def one(feed: Feed) -> None:
                nonlocal done
                ref = refs[feed.name]
                if feed.name in self._answered:  # counted and said, not asked again
                    notes: list[str] | None = await self._not_modified(feed, ref, said=True)
                elif feed.name in self._failed:
                    await self._fail(feed, ref, self._failed[feed.name], said=True)
                    return
                else:
                    notes = await self._feed(feed, ref)
                    done += 1
                    self.emit(Progress(done, len(self.feeds), "feeds"))
                if notes is None:  # failed: its host is not asked for pages either
                    return
                self._read.add(feed.name)
                if self.extract and feed.extract:
                    await self._pages(feed, ref)

            self._producing += len(self.feeds)  # each writes once, or not at all (a 304)
            # the answers on the wire first: their turns come before any other request's
            first = sorted(self.feeds, key=lambda f: f.name not in self._handed)
            try:
                await unless_stopped(self.stopping, asyncio.gather(*(one(f) for f in first)))
            finally:
                for left in self._handed.values():  # a stop, before they were read
                    left.sock.close()
        if self._checked:  # one statement for every 304, after the writer's last commit
            feed_store.record_checked(self.conn, self._checked)
        if self._pages_failed or self._deferred:  # feeds whose pages were tried
            feed_store.record_pages_failed(self.conn, self._pages_failed, self._deferred)
        self._warnings()
        return self.summary

    def _warnings(self) -> None:
        """Every feed this run read with a warning, worded as `feeds` and the reader's feed
        list word it, once all is written: the feed's own (broken XML, cut off, undated
        items), pages that gave no text, pages waiting; an unchanged feed (304) keeps those
        of its last read."""
        read = [f for f in self.feeds if f.name in self._read]
        self.summary.warnings = [
            {"feed": name, "warning": warning}
            for name, warning in feed_warnings(self.conn, read,
                                               self.config.settings.max_pages_per_feed)]

    @contextlib.asynccontextmanager
    async def _writing(self, gather_s: float = GATHER_S) -> AsyncIterator[None]:
        self._writer = Writer(self.conn, gather_s, lambda: self._producing > 0)
        try:
            yield
        finally:
            await self._writer.close()

    # -- feeds ---------------------------------------------------------------------------
    async def _feed(self, feed: Feed, ref: feed_store.FeedRef) -> list[str] | None:
        """Fetch, parse and store one feed; its warnings, or None when it failed."""
        self.emit(FeedStarted(feed.name))
        settings = self.config.settings
        assert self._fetcher is not None
        result = await self._fetcher.get(feed.url, max_bytes=settings.max_feed_bytes,
                                         etag=ref.etag, last_modified=ref.last_modified,
                                         accept=FEED_ACCEPT,
                                         handed=self._handed.pop(feed.name, None))
        if self.stopping.is_set():  # the app is quitting: the next refresh asks again
            self._producing -= 1
            return None
        if result.not_modified:
            return await self._not_modified(feed, ref, moved=moved_note(result))
        if result.error:
            await self._fail(feed, ref, result.error)
            return None
        from tui.core.refresh.prepare import prepare_feed  # a feed with news: only then
        try:
            parsed = await self._in_pool(prepare_feed, result.body, result.headers,
                                         result.final_url)
        except Exception as exc:  # a worker died on this input: that feed's problem only
            await self._fail(feed, ref, f"parsing failed: {exc}")
            return None
        if parsed.error:
            await self._fail(feed, ref, cut_off(result, settings.max_feed_bytes, parsed.error)
                             if result.truncated else parsed.error)
            return None
        return await self._store_feed(feed, ref, result, parsed)

    async def _not_modified(self, feed: Feed, ref: feed_store.FeedRef, said: bool = False,
                            moved: str | None = None) -> list[str]:
        """`moved`: the feed answered at its new address (the old one's validators held
        there, an http -> https move), whose warning is kept until feeds.toml follows."""
        if ref.failures or moved or ref.moved:  # its error or stale move goes now; a healthy
            # one is stamped with the rest
            if not ref.failures:
                self._checked.append(ref.id)
            await self._hand(feed_store.record_not_modified, ref, moved)
        else:
            self._producing -= 1
            self._checked.append(ref.id)
        self.summary.not_modified += 1
        self.summary.feeds_ok += 1
        if not said:
            self.emit(FeedFinished(feed.name, 0, "not modified"))
        return []

    async def _store_feed(self, feed: Feed, ref: feed_store.FeedRef, result: FetchResult,
                          parsed: PreparedFeed) -> list[str]:
        notes = [n for n in (
            moved_note(result),
            parsed.warning,
            result.truncated and f"feed larger than {self.config.settings.max_feed_bytes} bytes "
                                  "was cut off",
            parsed.truncated_entries and f"{parsed.truncated_entries} entries beyond the limit "
                                         "were skipped",
        ) if n]
        new_ids, updated, shared = await self._hand(_write_feed, ref.id, parsed, feed, result,
                                                    notes, self.extract and feed.extract)
        self.summary.shared.extend({"feed": feed.name, "note": n} for n in shared)
        self.summary.feeds_ok += 1
        self.summary.new_articles += len(new_ids)
        self.summary.updated_articles += len(updated)
        self.summary.new_ids.extend(new_ids)
        self.emit(FeedFinished(feed.name, len(new_ids), "ok" if not notes else notes[0]))
        return notes

    async def _fail(self, feed: Feed, ref: feed_store.FeedRef, error: str,
                    said: bool = False) -> None:
        from tui.core.text.sanitize import clean_line

        error = clean_line(error)[:500]
        await self._hand(feed_store.record_failure, ref.id, error)
        self.summary.feeds_failed += 1
        self.summary.errors.append({"feed": feed.name, "error": error})
        if not ref.failures:
            self.summary.new_failures.append(feed.name)
        if not said:
            self.emit(FeedFailed(feed.name, error))

    # -- pages ---------------------------------------------------------------------------
    async def _pages(self, feed: Feed, ref: feed_store.FeedRef) -> int:
        """Fetch this feed's due pages, at most max_pages_per_feed, newest first (new ones and
        those an earlier refresh left). Returns how many are still due after."""
        limit = self.config.settings.max_pages_per_feed
        rows = [(i, url) for i, url in store.pages_due(self.conn, ref.id, limit)
                if i not in self._claimed]
        self._claimed.update(i for i, _ in rows)
        self._pages_total += len(rows)
        policy = (LinkPolicy.for_feeds([feed.url], self.config.settings.allow_private_links)
                  if rows else LinkPolicy())  # no page due (a 304): httpx stays unloaded
        self._producing += len(rows)
        got = await asyncio.gather(*(self._extract_one(i, url, policy) for i, url in rows))
        if any(body is not None for body in got):
            self._pages_failed[ref.id] = sum(body is False for body in got)
        # Not the pages another feed of this run has under way (two feeds carrying the same
        # articles): counted, they made a false "pages wait" warning on a run that got them.
        left = len(set(store.pages_due_ids(self.conn, ref.id)) - self._claimed)
        if not self.stopping.is_set():
            self._deferred[ref.id] = left
        return left

    async def pages_now(self, items: Sequence[tuple[int, str, LinkPolicy]],
                        counts: Callable[[FetchResult], bool] = lambda _page: True,
                        ) -> dict[int, FetchResult]:
        """Fetch these pages at once (the reader opened an article whose page was due, or
        `show`); each answer by article id. A page some fetch stored meanwhile is not written
        again; a failure that `counts` says is no try of the schedule (the reader asking out
        of turn, `show`'s short wait) leaves the page's tries and next try as they were."""
        self._answers: dict[int, FetchResult] = {}
        async with self._fetcher or self._new_fetcher() as fetcher, self._writing(gather_s=0):
            self._fetcher = fetcher
            self._producing += len(items)
            await unless_stopped(self.stopping, asyncio.gather(
                *(self._extract_one(*item, counts=counts) for item in items)))
        return self._answers

    async def _extract_one(self, article_id: int, url: str, policy: LinkPolicy,
                           counts: Callable[[FetchResult], bool] | None = None) -> bool | None:
        """True when the page gave a text, False when not, None when it was not tried."""
        from tui.core.ingest.extract import Extracted  # only a refresh with pages loads it

        assert self._fetcher is not None
        async with self._page_slots:
            if self.stopping.is_set():  # still due: the next refresh fetches it
                self._producing -= 1
                return None
            page = await self._fetcher.get(
                url, max_bytes=self.config.settings.max_page_bytes,
                accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", policy=policy)
            compressed = None  # the writer compresses the page when the worker did not
            if page.ok and page.body:
                try:
                    extracted, compressed = await self._in_pool(
                        page_worker, page.body, page.final_url, page.content_type)
                except Exception as exc:
                    extracted = Extracted("", None, None, None, None,
                                          f"extraction failed: {exc}")
            else:
                extracted = Extracted("", None, None, None, None, page.error or "empty page")
        if counts is None:
            stored = await self._hand(_write_page, article_id, page, extracted, compressed)
        else:
            self._answers[article_id] = page
            stored = await self._hand(_write_page_now, article_id, page, extracted, compressed,
                                      counts(page))
        if stored:
            self.summary.extracted += 1
        else:
            self.summary.pages_failed += 1
            self.summary.pages_retried += page.retryable
        self._pages_done += 1
        self.emit(ArticleExtracted(article_id))
        self.emit(Progress(self._pages_done, self._pages_total, "pages"))
        return stored

    async def _hand(self, fn: Callable[..., T], *args: object) -> T:
        """The writer's `call`, for a feed or page counted in `_producing`: its one write."""
        self._producing -= 1
        return await self._writer.call(fn, *args)

    async def _in_pool(self, fn: Callable[..., T], *args: object) -> T:
        """Run in a worker; a dead worker gets the pool renewed and the task one more try."""
        loop = asyncio.get_running_loop()
        for attempt in (1, 2):
            pool = self.pool.get()
            try:
                async with asyncio.timeout(TASK_TIMEOUT):  # wait_for's extra task: not needed
                    return await loop.run_in_executor(pool, fn, *args)
            except BrokenExecutor:
                self.pool.renew(pool)
                if attempt == 2:
                    raise RuntimeError("a worker process died on this input") from None
            except TimeoutError:
                raise RuntimeError(f"took longer than {TASK_TIMEOUT} s") from None
        raise AssertionError("unreachable")


def _write_feed(conn: sqlite3.Connection, feed_id: int, parsed: PreparedFeed, feed: Feed,
                result: FetchResult, notes: list[str],
                want_pages: bool) -> tuple[list[int], list[int], list[str]]:
    """One feed's new entries, its corrected ones and its success (the writer runs it in its
    transaction). Returns (new ids, corrected ids, what was merged into other feeds' items)."""
    updated = corrections.update_changed(conn, feed_id, parsed.entries, want_pages=want_pages)
    merged: list[int] = []
    sent: list[int] = []
    new_ids = store.insert_entries(conn, feed_id, parsed.entries, feed.tags,
                                   want_pages=want_pages, merged=merged, sent=sent)
    corrections.adopt_merged(conn, feed_id, parsed.entries, merged)
    pruning.mark_sent(conn, feed_id, sent)
    shared = [f"{counted(n, 'item')} already listed under {name} (stored once, shown under "
              "both)" for name, n in feed_store.first_carriers(conn, merged, feed_id).items()]
    feed_store.record_success(
        conn, feed_id, etag=result.headers.get("etag"),
        last_modified=result.headers.get("last-modified"), title=parsed.title,
        lang=feed.lang or parsed.lang, item_count=len(parsed.entries),
        warning="; ".join(notes) or None)
    return new_ids, updated, shared


def _write_page(conn: sqlite3.Connection, article_id: int, page: FetchResult,
                extracted: Extracted, compressed: bytes | None = None) -> bool:
    """One page and its text, or why there is none; True when a body was stored."""
    from tui.core.text.sanitize import clean_line

    store.page_attempted(conn, article_id)
    if page.ok and page.body:
        store.save_page(conn, article_id, page.final_url, page.body, page.content_type,
                        compressed=compressed)
    if extracted.body:
        note = extracted.caveats("page was cut off at the size limit" if page.truncated else None)
        store.set_body(conn, article_id, extracted.body, "page", note,
                       author=clean_line(extracted.author) or None, links=extracted.links)
        page_retry.page_got(conn, article_id)
        return True
    error = clean_line(extracted.error or "no text found")[:400]
    if page.retryable:
        error = page_retry.retry_later(conn, article_id, error)
    conn.execute("UPDATE articles SET extract_error = ? WHERE id = ?", (error, article_id))
    return False


def _write_page_now(conn: sqlite3.Connection, article_id: int, page: FetchResult,
                    extracted: Extracted, compressed: bytes | None, counted: bool) -> bool:
    """A page fetched outside a refresh: written only while still due (no fetch stored it
    meanwhile), and a failure only when `counted` (a try of the retry schedule)."""
    if not store.page_is_due(conn, article_id) or not (extracted.body or counted):
        return False
    return _write_page(conn, article_id, page, extracted, compressed)
