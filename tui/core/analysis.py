"""Run the analyzers (actors, rules, related/stories) on articles whose body changed.

Pending work is a flag in the articles table, set whenever a body is written, so a refresh that
was killed half-way is caught up by the next one and the cost per article stays flat. Order
matters: rules and links read the actor mentions written just before them.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from datetime import timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.config import Config
from tui.core.events import Progress, RefreshEvent
from tui.core.models import ArticleActor, to_iso, utcnow
from tui.core.store import articles as store
from tui.core.store.db import get_meta, transaction

if TYPE_CHECKING:
    from tui.core.actors import Actor, Gazetteer, Matcher
    from tui.core.rules import RulesResult

BATCH = 32  # articles per write transaction: keeps the app's triage writes waiting < 1 s
RELINK_DAYS = 14


class Analysis:
    """Holds the gazetteer and matcher, built once per Desk and only when first needed."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.actors_file = config.actors_file

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from tui.core.actors import load_gazetteer

        return load_gazetteer(self.actors_file)

    @cached_property
    def matcher(self) -> Matcher:
        from tui.core.actors import Matcher

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
        from tui.core.actor_gazetteer import BUNDLED

        digest = hashlib.sha256(BUNDLED.read_bytes())
        if self.actors_file is not None and self.actors_file.exists():
            digest.update(b"\0" + self.actors_file.read_bytes())
        return digest.hexdigest()

    # -- running ---------------------------------------------------------------------------
    def run_pending(self, conn: sqlite3.Connection,
                    on_event: Callable[[RefreshEvent], None] | None = None) -> int:
        from tui.core.store import actors as actor_store

        source = self.source_hash()
        changed = get_meta(conn, actor_store.GAZETTEER_HASH_KEY) != source
        if changed and actor_store.reindex_if_changed(conn, self.matcher, source):
            # New mentions change links and actor rules too; re-analyse what a reader still
            # works with (older links stay as they were, re-linking 50k would take minutes).
            with transaction(conn):
                conn.execute("UPDATE articles SET analysed = 0 WHERE published >= ?",
                             (to_iso(utcnow() - timedelta(days=RELINK_DAYS)),))
        done = 0
        total = conn.execute("SELECT count(*) FROM articles WHERE analysed = 0").fetchone()[0]
        while ids := store.pending_analysis(conn, BATCH):
            with transaction(conn):
                self.analyse(conn, ids)
                store.mark_analysed(conn, ids)
            done += len(ids)
            if on_event:
                on_event(Progress(done, total, "analyse"))
        return done

    def analyse(self, conn: sqlite3.Connection, ids: list[int]) -> None:
        """Analyzers in dependency order; all inside the caller's transaction."""
        from tui.core.store import actors as actor_store
        from tui.core.store import links

        actor_store.index_articles(conn, ids, self.matcher)
        self.apply_rules(conn, ids)
        links.index_articles(conn, ids)

    def apply_rules(self, conn: sqlite3.Connection, ids: Sequence[int] | None) -> RulesResult:
        from tui.core.rules import apply_rules

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
