"""Run the analyzers (refresh/analyzers.py) on articles whose body changed.

Pending work is a flag in the articles table, set whenever a body is written, so a refresh that
was killed half-way is caught up by the next one and the cost per article stays flat. Text halves
run in the worker pool, a window of batches ahead of the one written; write halves run here, one
transaction per batch, in the analyzers' order, while the workers go on with the next batches.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.basics import to_iso, utcnow
from tui.core.config.loader import Config
from tui.core.refresh import actor_reads
from tui.core.refresh.analyzer import USER_CACHE, Batch, Found, Sources, TextItem, ids_of
from tui.core.refresh.events import Progress, RefreshEvent
from tui.core.refresh.match_sources import BUNDLED_SOURCES as BUNDLED_SOURCES
from tui.core.refresh.match_sources import MATCHER_VERSIONS as MATCHER_VERSIONS
from tui.core.refresh.match_sources import keep, remember, sources_digest
from tui.core.refresh.match_sources import matcher_versions as matcher_versions
from tui.core.refresh.relink import RELINK_DAYS, relink_if_linker_changed
from tui.core.store import articles as store
from tui.core.store.db import GAZETTEER_HASH_KEY, get_meta, set_meta
from tui.core.store.write_turns import transaction

if TYPE_CHECKING:  # concurrent.futures loads logging: only a run with work to do imports it
    from concurrent.futures import Future, ProcessPoolExecutor

    from tui.core.actors.matcher import Actor, Gazetteer
    from tui.core.models import ArticleActor
    from tui.core.query.rules import RulesResult
    from tui.core.refresh.pool import WorkerPool

BATCH = 100  # per write transaction: df counted over a whole batch, lock held < ~0.5 s
ROUND = 2_000  # pending articles asked for at a time
IN_FLIGHT = 20  # batches of text halves submitted ahead of the one being written
_InFlight = tuple[list[sqlite3.Row], list[TextItem], "ProcessPoolExecutor", "Future[list[Found]]"]
def _pending_chunks(conn: sqlite3.Connection) -> Iterator[list[int]]:
    """The articles waiting for analysis, a round of the newest at a time (read as the batches
    are taken: nothing is marked analysed before the run ends), each round in batches by id.
    A batch of the newest hundred held ids from every feed of a cold fill, so each of its
    transactions rewrote pages all over the tables keyed by article (mentions, features):
    4 MB of WAL a batch, 400 MB in a 10k run. Neighbouring ids share pages."""
    after: tuple[str, int] | None = None
    while ids := store.pending_analysis(conn, ROUND, after):
        after = store.position(conn, ids[-1])
        ids.sort()
        for i in range(0, len(ids), BATCH):
            yield ids[i:i + BATCH]


def _every_chunk(conn: sqlite3.Connection) -> Iterator[list[int]]:
    """Every article by id, a batch at a time (a re-match)."""
    last = -1
    while ids := [r[0] for r in conn.execute(
            "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, ROUND))]:
        last = ids[-1]
        for i in range(0, len(ids), BATCH):
            yield ids[i:i + BATCH]


class Stopped(Exception):
    """The desk was told to stop (the app is quitting) while a worker's result was awaited."""


class Analysis:
    """Holds the gazetteer and matcher, built once per Desk and only when first needed."""

    def __init__(self, config: Config, workers: WorkerPool | None = None,
                 stopping: threading.Event | None = None) -> None:
        self.config = config
        self.workers = workers
        self.stopping = stopping or threading.Event()  # set: end after the batch being written
        self.actors_file = config.actors_file
        self._sources: Sources | None = None
        self.lenient = False  # the reader's: a broken actors.toml is said (`actors_error`),
        # the last good actors (or the bundled ones) used; else GazetteerError (CLI: exit 2)
        self.actors_error: str | None = None
        self._good: Gazetteer | None = None  # the last gazetteer loaded whole

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from tui.core.actors import gazetteer as loading
        try:
            self._good = loading.load_gazetteer(self.actors_file)
        except loading.GazetteerError as error:
            if not self.lenient:
                raise
            self.actors_error = str(error)
            if self._good is None:
                return loading.load_gazetteer(None)
            loading.adopt(self._good)
        return self._good

    def reload_actors(self, actors_file: Path | None = None) -> None:
        """After the user's actors.toml changed: the next run re-matches what it must."""
        self.actors_file = actors_file or self.actors_file
        self._sources = None
        self.__dict__.pop("gazetteer", None)
        self.__dict__.pop("offices", None)

    def usable_sources(self, conn: sqlite3.Connection) -> Sources:
        """The sources to match with; changed since the cache was matched, the user's file is
        checked first (in ms). Broken: GazetteerError, or in the reader `actors_error` and the
        bundled actors for new articles, the cached ones staying as they are."""
        remember(conn)  # the digest this cache keeps for the bundled files as they are
        sources = self.sources()
        if get_meta(conn, GAZETTEER_HASH_KEY) == sources.source_hash:
            self.actors_error = None  # matched with it: it was good
            return sources
        from tui.core.actors.gazetteer import GazetteerError, check_user_file
        try:
            if self.actors_file is not None and self.actors_file.exists():
                check_user_file(self.actors_file)
        except GazetteerError as error:
            if not self.lenient:
                raise
            if self.actors_error != str(error):
                self.reload_actors()
                self.actors_error = str(error)
            return self.sources(user=False)
        if self.actors_error is not None:  # fixed: the whole file is loaded again
            self.actors_error = None
            self.reload_actors()
            sources = self.sources()
        return sources

    def sources_changed(self, conn: sqlite3.Connection) -> bool:
        """The cache was matched with other data than the (usable) files now: re-match."""
        stored = get_meta(conn, GAZETTEER_HASH_KEY)
        if stored == self._digest(self.actors_file):  # as most commands find it: matched
            if self.actors_error is not None:  # with it, so it is good (again)
                self.actors_error = None
                self.reload_actors()
            return False
        sources = self.usable_sources(conn)  # a new cache (None) records the hash as it is
        return self.actors_error is None and stored not in (None, sources.source_hash)

    def resolve_actor(self, name: str) -> list[str]:
        return self.gazetteer.resolve(name)

    def sources(self, *, user: bool = True) -> Sources:
        """What workers need to build the analyzers' tools, with a hash of the gazetteer files'
        bytes and the matchers' versions: telling "unchanged" costs no TOML parse and no
        automaton build (that is most of an all-304 refresh otherwise). `user=False`: the
        bundled data alone (the user's actors.toml is broken)."""
        mine = self.actors_file if user else None
        digest = self._digest(mine)
        if self._sources is None or self._sources.source_hash != digest:
            self._sources = Sources(str(mine) if mine else None, digest, USER_CACHE)
        return self._sources

    @staticmethod
    def _digest(actors_file: Path | None) -> str:
        return sources_digest(actors_file)

    # -- running ---------------------------------------------------------------------------
    def warm_up(self) -> None:
        """New articles are coming: have each worker build its tools now, in parallel with
        the rest of the refresh (fire and forget: analysis rebuilds whatever is missing)."""
        if self.workers is None:
            return
        from tui.core.refresh.analyzers import warm_analysis

        pool, sources = self.workers.get(), self.sources()
        for _ in range(self.workers.workers):
            pool.submit(warm_analysis, sources)

    def run_pending(self, conn: sqlite3.Connection,
                    on_event: Callable[[RefreshEvent], None] | None = None) -> int:
        """Analyse every article waiting for it, the collector paced; 0 if told to stop first."""
        from tui.core.refresh.gc_pace import paced
        try:
            with paced():
                return self._run_pending(conn, on_event)
        except Stopped:
            return 0

    def _run_pending(self, conn: sqlite3.Connection,
                     on_event: Callable[[RefreshEvent], None] | None) -> int:
        if self.stopping.is_set():
            return 0
        sources = self.usable_sources(conn)
        if self.actors_error is None:  # broken: re-matched once it is fixed
            self._rematch_if_sources_changed(conn, sources, on_event)
            keep(conn)
        relink_if_linker_changed(conn)
        total = conn.execute("SELECT count(*) FROM articles WHERE analysed = 0").fetchone()[0]
        if not total:
            return 0  # an unchanged refresh loads no analyzer (their imports are most of it)
        from tui.core.refresh.analyzers import analyzers

        run = analyzers()
        written: list[dict[str, Any]] = []  # id and body version: not the texts, for memory
        for rows, items, found in self._text_halves(conn, _pending_chunks(conn), sources):
            with transaction(conn):
                for analyzer in run:
                    analyzer.write(conn, Batch(items, dict(zip(ids_of(items), found,
                                                               strict=True))), self)
            written += [{"id": r["id"], "extracted_at": r["extracted_at"]} for r in rows]
            if on_event and len(written) < total:  # the last once the run is finished
                on_event(Progress(len(written), total, "analyse"))
            if self.stopping.is_set():  # left unmarked: the next run does them again
                return 0
        if not written:
            return 0
        for analyzer in run:
            analyzer.finish_run(conn, [r["id"] for r in written], self)
        with transaction(conn):  # only now: a run killed before this is done again
            store.mark_analysed_unchanged(conn, written)
        done = len(written)
        if on_event:
            on_event(Progress(done, total, "analyse"))
        return done

    def in_pool(self, fn: Callable[..., Any], jobs: Iterable[tuple[Any, ...]]) -> Iterator[Any]:
        """fn(*job) for every job, in the worker pool when there is one, in order. A window of
        jobs is kept submitted (two per worker): every core works while this thread writes what
        comes back, and at most a window's results wait (all at once, a 10k run's piled up).
        `jobs` is taken one at a time, the next right after one is submitted: a generator may
        do the writer's own work there while the pool runs what it was given."""
        if self.workers is None:
            for job in jobs:
                yield fn(*job)
            return
        window: deque[tuple[tuple[Any, ...], Any, Future[Any]]] = deque()
        for job in jobs:
            window.append((job, *self._submit(fn, *job)))
            if len(window) > 2 * self.workers.workers:
                yield self._result(fn, *window.popleft())
        while window:
            yield self._result(fn, *window.popleft())

    def _submit(self, fn: Callable[..., Any], *args: Any) -> tuple[Any, Future[Any]]:
        """(pool, future) of fn(*args); a pool broken since (a worker died) is renewed first,
        so the jobs after a death go to a new pool."""
        from concurrent.futures import BrokenExecutor

        assert self.workers is not None
        pool = self.workers.get()
        try:
            return pool, pool.submit(fn, *args)
        except BrokenExecutor:
            self.workers.renew(pool)
            pool = self.workers.get()
            return pool, pool.submit(fn, *args)

    def _result(self, fn: Callable[..., Any], args: tuple[Any, ...], pool: Any,
                future: Future[Any]) -> Any:
        """The future's result; if its worker died, the pool is renewed for later and fn(*args)
        runs here."""
        from concurrent.futures import BrokenExecutor

        try:
            while True:
                try:
                    return future.result(timeout=0.2)
                except TimeoutError:
                    if self.stopping.is_set():
                        raise Stopped from None
        except BrokenExecutor:
            if self.workers is not None:
                self.workers.renew(pool)
            return fn(*args)

    def _rematch_if_sources_changed(self, conn: sqlite3.Connection, sources: Sources,
                                    on_event: Callable[[RefreshEvent], None] | None) -> None:
        """The gazetteer, offices or places changed, or a matcher (MATCHER_VERSIONS): the
        `rematch` analyzers run again on every article (a round at a time, text halves in the
        pool), and recent articles are then analysed again by all of them (new mentions change
        links and rules too; older links stay: re-linking 50k would take minutes). The hash
        is recorded only at the end, so an interrupted re-match starts over next time."""
        stored = get_meta(conn, GAZETTEER_HASH_KEY)
        if stored is None:  # a new cache: nothing was matched with any other data
            with transaction(conn):
                set_meta(conn, GAZETTEER_HASH_KEY, sources.source_hash)
            return
        if stored == sources.source_hash:
            return
        from tui.core.refresh.analyzers import analyzers

        run = [a for a in analyzers() if getattr(a, "rematch", False)]
        names = tuple(a.name for a in run)
        total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        done = 0
        for _rows, items, found in self._text_halves(conn, _every_chunk(conn), sources, names):
            with transaction(conn):
                for analyzer in run:
                    analyzer.write(conn, Batch(items, dict(zip(ids_of(items), found,
                                                               strict=True))), self)
            done += len(items)
            if on_event:
                on_event(Progress(done, total, "rematch"))
            if self.stopping.is_set():  # the hash stays old: the next run re-matches again
                return
        with transaction(conn):
            set_meta(conn, GAZETTEER_HASH_KEY, sources.source_hash)
            conn.execute("UPDATE articles SET analysed = 0 WHERE published >= ?",
                         (to_iso(utcnow() - timedelta(days=RELINK_DAYS)),))

    def _text_halves(self, conn: sqlite3.Connection, chunks: Iterator[list[int]],
                     sources: Sources, only: tuple[str, ...] | None = None,
                     ) -> Iterator[tuple[list[sqlite3.Row], list[TextItem], list[Found]]]:
        """Every analyzer's text half (or `only` these), chunk by chunk, from the worker pool, in
        order, IN_FLIGHT chunks kept submitted: the workers go on while this one writes."""
        from tui.core.refresh.analyzers import analyse_texts

        def prepared(chunk: list[int]) -> tuple[list[sqlite3.Row], list[TextItem]]:
            rows = store.texts_for_analysis(conn, chunk)
            return rows, [TextItem(r["id"], r["title"], r["body"], r["published"], r["lang"],
                                   dated=not r["undated"]) for r in rows]

        if self.workers is None:
            for chunk in chunks:
                rows, batch = prepared(chunk)
                yield rows, batch, analyse_texts(batch, sources, only)
            return
        window: deque[_InFlight] = deque()
        for chunk in chunks:
            rows, batch = prepared(chunk)
            pool, future = self._submit(analyse_texts, batch, sources, only)
            window.append((rows, batch, pool, future))
            if len(window) >= IN_FLIGHT:
                yield self._settled(window.popleft(), sources, only)
        while window:
            yield self._settled(window.popleft(), sources, only)

    def _settled(self, job: _InFlight, sources: Sources, only: tuple[str, ...] | None,
                 ) -> tuple[list[sqlite3.Row], list[TextItem], list[Found]]:
        from tui.core.refresh.analyzers import analyse_texts

        rows, batch, pool, future = job
        return rows, batch, self._result(analyse_texts, (batch, sources, only), pool, future)

    def apply_rules(self, conn: sqlite3.Connection, ids: Sequence[int] | None) -> RulesResult:
        from tui.core.query.rules import apply_rules

        return apply_rules(conn, self.config.rules, self.config.mutes, ids, utcnow(),
                           resolve_actor=self.resolve_actor, views=self.config.views,
                           feeds=[feed.name for feed in self.config.feeds])

    # -- reading (actor_reads.py) ------------------------------------------------------------
    def actors_of(self, conn: sqlite3.Connection, article_id: int) -> list[ArticleActor]:
        return actor_reads.actors_of(conn, self.gazetteer, article_id)

    def office_title(self, office_id: str) -> str | None:
        """An office's name ("Minister of Defence of Russia"), for the reader's resolution line."""
        if "offices" not in self.__dict__:  # dropped with the gazetteer (`reload_actors`)
            self.__dict__["offices"] = actor_reads.offices_of(self.gazetteer)
        office = self.__dict__["offices"].get(office_id)
        return None if office is None else str(office.title)

    def top_actors(self, conn: sqlite3.Connection, *, days: int | None, limit: int,
                   dated: bool = False) -> list[tuple[Actor, int]]:
        return actor_reads.top_actors(conn, self.gazetteer, days=days, limit=limit, dated=dated)
