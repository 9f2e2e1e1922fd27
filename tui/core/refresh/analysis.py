"""Run the analyzers (actors, rules, related/stories) on articles whose body changed.

Pending work is a flag in the articles table, set whenever a body is written, so a refresh that
was killed half-way is caught up by the next one and the cost per article stays flat. Order
matters: rules and links read the actor mentions written just before them.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from datetime import timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.config.loader import Config
from tui.core.models import ArticleActor, from_iso, to_iso, utcnow
from tui.core.refresh.events import Progress, RefreshEvent
from tui.core.store import articles as store
from tui.core.store.db import get_meta, set_meta, transaction

if TYPE_CHECKING:
    from tui.core.actors.matcher import Actor, Gazetteer, Matcher
    from tui.core.linking.score import Raw
    from tui.core.query.rules import RulesResult
    from tui.core.refresh.pool import WorkerPool

    TextResult = tuple[int, list[tuple[int, str, int, str]], Raw]

BATCH = 100  # per write transaction: df counted over a whole batch, lock held < ~0.5 s
ROUND = 2_000  # pending articles whose features (computed in parallel) are known before linking
RELINK_DAYS = 14


class Analysis:
    """Holds the gazetteer and matcher, built once per Desk and only when first needed."""

    def __init__(self, config: Config, workers: WorkerPool | None = None) -> None:
        self.config = config
        self.workers = workers
        self.actors_file = config.actors_file

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
        self.__dict__.pop("gazetteer", None)
        self.__dict__.pop("matcher", None)

    def resolve_actor(self, name: str) -> list[str]:
        return self.gazetteer.resolve(name)

    def source_hash(self) -> str:
        """A hash of the gazetteer files' bytes: telling "unchanged" costs no TOML parse and
        no automaton build (that is most of an all-304 refresh otherwise)."""
        from tui.core.actors.gazetteer import BUNDLED

        digest = hashlib.sha256(BUNDLED.read_bytes())
        if self.actors_file is not None and self.actors_file.exists():
            digest.update(b"\0" + self.actors_file.read_bytes())
        return digest.hexdigest()

    # -- running ---------------------------------------------------------------------------
    def warm_up(self) -> None:
        """New articles are coming: have each worker build its matchers now, in parallel with
        the rest of the refresh (fire and forget: analysis rebuilds whatever is missing)."""
        if self.workers is None:
            return
        from tui.core.refresh.pool import warm_analysis

        actors_file = str(self.actors_file) if self.actors_file else None
        pool, source = self.workers.get(), self.source_hash()
        for _ in range(self.workers.workers):
            pool.submit(warm_analysis, actors_file, source)

    def run_pending(self, conn: sqlite3.Connection,
                    on_event: Callable[[RefreshEvent], None] | None = None) -> int:
        from tui.core.store import actors as actor_store

        source = self.source_hash()
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
        done = 0
        total = conn.execute("SELECT count(*) FROM articles WHERE analysed = 0").fetchone()[0]
        while ids := store.pending_analysis(conn, ROUND):
            chunks = [ids[i:i + BATCH] for i in range(0, len(ids), BATCH)]
            prepared = list(self._text_features(conn, chunks, source))
            waiting = Counter(k for _texts, results in prepared for _id, _rows, raw in results
                              for k in ("", *raw.df_keys()))
            for texts, results in prepared:
                for _id, _rows, raw in results:
                    for key in ("", *raw.df_keys()):
                        waiting[key] -= 1
                with transaction(conn):
                    self._store(conn, texts, results, waiting)
                done += len(texts)
                if on_event:
                    on_event(Progress(done, total, "analyse"))
        return done

    def _text_features(self, conn: sqlite3.Connection, chunks: list[list[int]],
                       source: str) -> Iterator[tuple[list[sqlite3.Row], list[TextResult]]]:
        """Actor matching and linking features, chunk by chunk, from the worker pool: all
        chunks are submitted at once so every core works while this thread writes."""
        from tui.core.refresh.pool import analyse_texts

        actors_file = str(self.actors_file) if self.actors_file else None
        texts = [store.texts_for_analysis(conn, chunk) for chunk in chunks]
        items = [[(r["id"], r["title"], r["body"]) for r in rows] for rows in texts]
        if self.workers is None:
            for rows, batch in zip(texts, items, strict=True):
                yield rows, analyse_texts(batch, actors_file, source)
            return
        pool = self.workers.get()
        futures = [pool.submit(analyse_texts, batch, actors_file, source) for batch in items]
        for rows, batch, future in zip(texts, items, futures, strict=True):
            try:
                yield rows, future.result()
            except BrokenProcessPool:  # a worker died: renew for later, do this batch here
                self.workers.renew(pool)
                yield rows, analyse_texts(batch, actors_file, source)

    def _store(self, conn: sqlite3.Connection, texts: list[sqlite3.Row],
               results: list[TextResult], waiting: Counter[str]) -> None:
        """Mentions, then rules (which may ask actor:), then links; all in one transaction."""
        from tui.core.linking import index as links
        from tui.core.store import actors as actor_store

        ids = [r["id"] for r in texts]
        actor_store.save_rows(conn, ids, [row for _id, rows, _raw in results for row in rows])
        self.apply_rules(conn, ids)
        published = {r["id"]: from_iso(r["published"]) for r in texts}
        links.index_articles(conn, ids, raws={aid: (published[aid], raw)
                                              for aid, _rows, raw in results}, waiting=waiting)
        store.mark_analysed_unchanged(conn, texts)

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
