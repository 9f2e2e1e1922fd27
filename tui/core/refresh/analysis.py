"""Run the analyzers (refresh/analyzers.py) on articles whose body changed.

Pending work is a flag in the articles table, set whenever a body is written, so a refresh that
was killed half-way is caught up by the next one and the cost per article stays flat. Text halves
run in the worker pool, all batches of a round at once; write halves run here, one transaction
per batch, in the analyzers' order.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import BrokenExecutor  # BrokenProcessPool's base: no multiprocessing
from datetime import timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.config.loader import Config
from tui.core.models import ArticleActor, to_iso, utcnow
from tui.core.refresh.analyzer import Batch, Found, Sources, TextItem, ids_of
from tui.core.refresh.events import Progress, RefreshEvent
from tui.core.store import articles as store
from tui.core.store.db import get_meta, set_meta, transaction

if TYPE_CHECKING:
    from tui.core.actors.matcher import Actor, Gazetteer, Matcher
    from tui.core.query.rules import RulesResult
    from tui.core.refresh.pool import WorkerPool

BATCH = 100  # per write transaction: df counted over a whole batch, lock held < ~0.5 s
ROUND = 2_000  # pending articles whose features (computed in parallel) are known before linking
RELINK_DAYS = 14


class Analysis:
    """Holds the gazetteer and matcher, built once per Desk and only when first needed."""

    def __init__(self, config: Config, workers: WorkerPool | None = None) -> None:
        self.config = config
        self.workers = workers
        self.actors_file = config.actors_file
        self._sources: Sources | None = None

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from tui.core.actors.matcher import load_gazetteer

        return load_gazetteer(self.actors_file)

    @cached_property
    def matcher(self) -> Matcher:
        from tui.core.actors.matcher import Matcher

        return Matcher(self.gazetteer)

    def reload_actors(self, actors_file: Path | None = None) -> None:
        """After the user's actors.toml changed: the next run re-matches what it must."""
        self.actors_file = actors_file or self.actors_file
        self._sources = None
        self.__dict__.pop("gazetteer", None)
        self.__dict__.pop("matcher", None)

    def resolve_actor(self, name: str) -> list[str]:
        return self.gazetteer.resolve(name)

    def sources(self) -> Sources:
        """What workers need to build the analyzers' tools, with a hash of the gazetteer files'
        bytes: telling "unchanged" costs no TOML parse and no automaton build (that is most of
        an all-304 refresh otherwise)."""
        from tui.core.actors.gazetteer import BUNDLED

        digest = hashlib.sha256(BUNDLED.read_bytes())
        if self.actors_file is not None and self.actors_file.exists():
            digest.update(b"\0" + self.actors_file.read_bytes())
        actors_file = str(self.actors_file) if self.actors_file else None
        if self._sources is None or self._sources.source_hash != digest.hexdigest():
            self._sources = Sources(actors_file, digest.hexdigest())
        return self._sources

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
        sources = self.sources()
        self._rematch_if_gazetteer_changed(conn, sources.source_hash)
        total = conn.execute("SELECT count(*) FROM articles WHERE analysed = 0").fetchone()[0]
        if not total:
            return 0  # an unchanged refresh loads no analyzer (their imports are most of it)
        from tui.core.refresh.analyzers import analyzers

        run = analyzers()
        done = 0
        while ids := store.pending_analysis(conn, ROUND):
            chunks = [ids[i:i + BATCH] for i in range(0, len(ids), BATCH)]
            prepared = list(self._text_halves(conn, chunks, sources))
            for analyzer in run:
                analyzer.start_round([f for _rows, _items, found in prepared for f in found])
            for rows, items, found in prepared:
                with transaction(conn):
                    for analyzer in run:
                        analyzer.write(conn, Batch(items, dict(zip(ids_of(items), found,
                                                                   strict=True))), self)
                    store.mark_analysed_unchanged(conn, rows)
                done += len(rows)
                if on_event:
                    on_event(Progress(done, total, "analyse"))
        return done

    def _rematch_if_gazetteer_changed(self, conn: sqlite3.Connection, source: str) -> None:
        from tui.core.store import actors as actor_store

        stored = get_meta(conn, actor_store.GAZETTEER_HASH_KEY)
        if stored is None:  # a new cache: nothing was matched with any other gazetteer
            with transaction(conn):
                set_meta(conn, actor_store.GAZETTEER_HASH_KEY, source)
        elif stored != source and actor_store.reindex_if_changed(conn, self.matcher, source):
            # New mentions change links and actor rules too; re-analyse what a reader still
            # works with (older links stay as they were, re-linking 50k would take minutes).
            with transaction(conn):
                conn.execute("UPDATE articles SET analysed = 0 WHERE published >= ?",
                             (to_iso(utcnow() - timedelta(days=RELINK_DAYS)),))

    def _text_halves(self, conn: sqlite3.Connection, chunks: list[list[int]], sources: Sources
                     ) -> Iterator[tuple[list[sqlite3.Row], list[TextItem], list[Found]]]:
        """Every analyzer's text half, chunk by chunk, from the worker pool: all chunks are
        submitted at once so every core works while this thread writes."""
        from tui.core.refresh.analyzers import analyse_texts

        texts = [store.texts_for_analysis(conn, chunk) for chunk in chunks]
        items = [[TextItem(r["id"], r["title"], r["body"], r["published"], r["lang"])
                  for r in rows] for rows in texts]
        if self.workers is None:
            for rows, batch in zip(texts, items, strict=True):
                yield rows, batch, analyse_texts(batch, sources)
            return
        pool = self.workers.get()
        futures = [pool.submit(analyse_texts, batch, sources) for batch in items]
        for rows, batch, future in zip(texts, items, futures, strict=True):
            try:
                yield rows, batch, future.result()
            except BrokenExecutor:  # a worker died: renew for later, do this batch here
                self.workers.renew(pool)
                yield rows, batch, analyse_texts(batch, sources)

    def apply_rules(self, conn: sqlite3.Connection, ids: Sequence[int] | None) -> RulesResult:
        from tui.core.query.rules import apply_rules

        return apply_rules(conn, self.config.rules, self.config.mutes, ids, utcnow(),
                           resolve_actor=self.resolve_actor)

    # -- reading ---------------------------------------------------------------------------
    def actors_of(self, conn: sqlite3.Connection, article_id: int) -> list[ArticleActor]:
        from tui.core.store import actors as actor_store

        out = []
        for actor_id, count, spans in actor_store.mentions_of(conn, article_id):
            actor = self.gazetteer.actors.get(actor_id)
            if actor is not None:
                out.append(ArticleActor(
                    id=actor.id, name=actor.name, kind=actor.kind,
                    description=actor.description, aliases=tuple(actor.aliases), count=count,
                    spans=tuple((str(f), int(s), int(e)) for f, s, e in spans)))
        out.sort(key=lambda a: (-a.count, a.name))
        return out

    def top_actors(self, conn: sqlite3.Connection, *, days: int | None,
                   limit: int) -> list[tuple[Actor, int]]:
        from tui.core.store import actors as actor_store

        since = to_iso(utcnow() - timedelta(days=days)) if days else "0000"
        rows = actor_store.top_actors(conn, since, limit)
        return [(self.gazetteer.actors[a], n) for a, n in rows if a in self.gazetteer.actors]
