"""The places analyzer: which countries, cities and demonyms each article names, for the place
filter. `rematch = True`: run again on every article when places.toml changes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.actors.recognize import Recognizer
    from tui.core.actors.unmarked import Unmarked
    from tui.core.places.matcher import PlaceFinder
    from tui.core.refresh.analyzer import Batch, Context, Found, Sources, TextItem
    from tui.core.store.actors import Span

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
        recognizer_for, spans_read, padded_norm, unmark, place_finder = _text_tools()
        actors = recognizer_for(sources).gazetteer.actors
        # Read without vowel marks, as the actors are ("طَهْرَان"), spans as written.
        title, body = unmark(item.title), unmark(item.body)
        split = len(title.text) + 2
        text = f"{title.text}\n\n{body.text}"
        # A place's name inside a person's or a body's name is no place named ("Jordan
        # Bardella", "Islamic State in Iraq"); states are places themselves.
        rows = [row[3] for row in found.get("actors", ()) if actors[row[1]].kind != "state"]
        if title.where is None and body.where is None:  # (most texts) no marks: no offsets move
            names = [(span[1], span[2]) if span[0] == "title" else
                     (span[1] + split, span[2] + split)
                     for spans in rows for span in spans_read(spans) if len(span) == 3]
        else:
            names = [(s if f == "title" else s + split, e if f == "title" else e + split)
                     for spans in rows for f, s0, e0, *office in spans_read(spans) if not office
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


@cache
def _text_tools() -> tuple[Callable[[Sources], Recognizer], Callable[[str], list[Span]],
                           Callable[[str], str], Callable[[str], Unmarked],
                           Callable[[], PlaceFinder]]:
    """What `PlacesAnalyzer.text` calls, imported on its first article only: an import
    statement runs on every call (a few microseconds each, four an article)."""
    from tui.core.actors.analyzer import recognizer_for
    from tui.core.actors.matcher import padded_norm
    from tui.core.actors.unmarked import unmark
    from tui.core.places.matcher import place_finder
    from tui.core.span_reads import shared_tuples as spans_read  # read only: no copy

    return recognizer_for, spans_read, padded_norm, unmark, place_finder
