"""The links analyzer: features of each article's text (in the pool), then links and stories."""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import TYPE_CHECKING

from tui.core.models import from_iso

if TYPE_CHECKING:
    from tui.core.linking.score import Raw
    from tui.core.refresh.analyzer import Batch, Context, Found, Sources, TextItem


class LinksAnalyzer:
    name = "links"

    def __init__(self) -> None:
        self._waiting: Counter[str] = Counter()

    def warm(self, sources: Sources) -> None:
        from tui.core.linking.text import place_matcher

        place_matcher()

    def text(self, item: TextItem, found: Found, sources: Sources) -> Raw:
        from tui.core.linking.score import raw_features

        rows = found.get("actors", [])
        return raw_features(item.title, item.body, [row[1:] for row in rows])

    def start_round(self, found: list[Found]) -> None:
        """Keys of the whole round count as known already, so the first batch of a big first
        ingest is weighed like the last (weights are frozen when stored)."""
        self._waiting = Counter(k for f in found if self.name in f
                                for k in ("", *f[self.name].df_keys()))

    def write(self, conn: sqlite3.Connection, batch: Batch, context: Context) -> None:
        from tui.core.linking.index import index_articles

        raws = {item.id: (from_iso(item.published), batch.found[item.id][self.name])
                for item in batch.items if self.name in batch.found.get(item.id, {})}
        for _when, raw in raws.values():
            self._waiting.subtract(("", *raw.df_keys()))
        index_articles(conn, batch.ids, raws=raws, waiting=self._waiting)
