"""The places analyzer: which countries, cities and demonyms each article names, for the place
filter. `rematch = True`: run again on every article when places.toml changes."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.refresh.analyzer import Batch, Context, Found, Sources, TextItem

# (place_id, count, [(field, start, end), ...]): spans stay in the worker's findings so the
# unlisted analyzer can leave places alone; only counts are stored.
PlaceFound = tuple[str, int, list[tuple[str, int, int]]]


class PlacesAnalyzer:
    name = "places"
    rematch = True  # a change to what it finds: bump MATCHER_VERSIONS (refresh/match_sources.py)

    def warm(self, sources: Sources) -> None:
        from tui.core.actors.prebuilt import load_places

        load_places(sources)

    def text(self, item: TextItem, found: Found, sources: Sources) -> list[PlaceFound]:
        from tui.core.actors.analyzer import recognizer_for, spans_read
        from tui.core.actors.matcher import padded_norm
        from tui.core.actors.unmarked import unmark
        from tui.core.places.matcher import place_finder

        actors = recognizer_for(sources).gazetteer.actors
        # Read without vowel marks, as the actors are ("طَهْرَان"), spans as written.
        title, body = unmark(item.title), unmark(item.body)
        split = len(title.text) + 2
        text = f"{title.text}\n\n{body.text}"
        # A place's name inside a person's or a body's name is no place named ("Jordan
        # Bardella", "Islamic State in Iraq"); states are places themselves.
        names = [(s if f == "title" else s + split, e if f == "title" else e + split)
                 for row in found.get("actors", ()) if actors[row[1]].kind != "state"
                 for f, s0, e0, *office in spans_read(row[3]) if not office
                 for s, e in [(title if f == "title" else body).forth(s0, e0)]]
        out: dict[str, list[tuple[str, int, int]]] = {}
        for start, end, place_id in place_finder().find(text, padded_norm(text), names):
            out.setdefault(place_id, []).append(
                ("title", *title.back(start, end)) if start < split
                else ("body", *body.back(start - split, end - split)))
        return [(place_id, len(spans), spans) for place_id, spans in out.items()]

    def write(self, conn: sqlite3.Connection, batch: Batch, context: Context) -> None:
        from tui.core.store import places as place_store

        rows = [(article_id, place_id, count) for article_id, found in batch.found.items()
                for place_id, count, _spans in found.get(self.name, [])]
        place_store.save_rows(conn, batch.ids, rows)

    def finish_run(self, conn: sqlite3.Connection, ids: Sequence[int], context: Context) -> None:
        return None
