"""The actors analyzer: who is named where (the mentions every other analyzer builds on)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.actors.matcher import Matcher
    from tui.core.refresh.analyzer import Batch, Context, Found, Sources, TextItem

MentionRow = tuple[int, str, int, str]  # (article_id, actor_id, count, spans JSON), as stored

_matchers: dict[Sources, Matcher] = {}


def matcher_for(sources: Sources) -> Matcher:
    """Built once per process and gazetteer version (~0.25 s)."""
    if sources not in _matchers:
        from tui.core.actors.matcher import Matcher, load_gazetteer

        _matchers.clear()
        actors_file = Path(sources.actors_file) if sources.actors_file else None
        _matchers[sources] = Matcher(load_gazetteer(actors_file))
    return _matchers[sources]


class ActorsAnalyzer:
    name = "actors"

    def warm(self, sources: Sources) -> None:
        matcher_for(sources)

    def text(self, item: TextItem, found: Found, sources: Sources) -> list[MentionRow]:
        from tui.core.store.actors import mention_rows

        return mention_rows(item.id, matcher_for(sources).match(item.title, item.body))

    def start_round(self, found: list[Found]) -> None:
        return None

    def write(self, conn: sqlite3.Connection, batch: Batch, context: Context) -> None:
        from tui.core.store import actors as actor_store

        actor_store.save_rows(conn, batch.ids, [row for found in batch.found.values()
                                                for row in found.get(self.name, [])])

    def finish_run(self, conn: sqlite3.Connection, ids: Sequence[int], context: Context) -> None:
        return None
