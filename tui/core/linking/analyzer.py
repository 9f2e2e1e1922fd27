"""The links analyzer: features of each article's text (in the pool), stored by the writer;
once the round is stored, links scored in the pool and written, then stories re-clustered."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.core.models import from_iso

if TYPE_CHECKING:
    from tui.core.linking.features import Raw
    from tui.core.linking.score import Model
    from tui.core.refresh.analyzer import Batch, Context, Found, Sources, TextItem

LINK_CHUNK = 50  # articles per pool job: small enough to spread a round over every worker


class LinksAnalyzer:
    name = "links"

    def __init__(self, model: Model | None = None) -> None:
        self._waiting: Counter[str] = Counter()
        self.model = model

    def warm(self, sources: Sources) -> None:
        from tui.core.linking.text import place_matcher

        place_matcher()

    def text(self, item: TextItem, found: Found, sources: Sources) -> Raw:
        from tui.core.linking.features import raw_features

        rows = found.get("actors", [])
        return raw_features(item.title, item.body, [row[1:] for row in rows],
                            from_iso(item.published))

    def start_round(self, found: list[Found]) -> None:
        """Keys of the whole round count as known already, so the first batch of a big first
        ingest is weighed like the last (weights are frozen when stored)."""
        self._waiting = Counter(k for f in found if self.name in f
                                for k in ("", *f[self.name].df_keys()))

    def write(self, conn: sqlite3.Connection, batch: Batch, context: Context) -> None:
        from tui.core.linking.index import store_features

        raws = {item.id: (from_iso(item.published), batch.found[item.id][self.name])
                for item in batch.items if self.name in batch.found.get(item.id, {})}
        for _when, raw in raws.values():
            self._waiting.subtract(("", *raw.df_keys()))
        store_features(conn, raws, batch.ids, self._waiting)

    def finish_round(self, conn: sqlite3.Connection, ids: Sequence[int],
                     context: Context) -> None:
        from tui.core.linking import index
        from tui.core.linking.pool import link_job
        from tui.core.linking.score import default_model
        from tui.core.store.db import db_file, transaction

        model = self.model or default_model()
        path = db_file(conn)
        if path is None or not ids:
            return
        with transaction(conn):  # the fortnight weighed when the cache was a tenth off
            ids = sorted({*ids, *index.reweigh(conn)})
        jobs = [(str(path), ids[i:i + LINK_CHUNK], model, context.sources())
                for i in range(0, len(ids), LINK_CHUNK)]
        for rows in context.in_pool(link_job, jobs):
            with transaction(conn):
                index.write_links(conn, rows)
        with transaction(conn):
            index.recluster(conn, ids, model)
