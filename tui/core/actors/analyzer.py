"""The actors analyzers: who is named where (the mentions every other analyzer builds on), and
who is named with a title but not listed.

`rematch = True`: what they find depends only on the text and the bundled or user data, so
the analysis runs them again on every article when that data changes (refresh/analysis.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.core.actors.recognize import Placed, Recognizer, Span, UnlistedName
    from tui.core.refresh.analyzer import Batch, Context, Found, Sources, TextItem
    from tui.core.store.actors import Span as StoredSpan

MentionRow = tuple[int, str, int, str]  # (article_id, actor_id, count, spans JSON), as stored

_recognizers: dict[Sources, Recognizer] = {}


def recognizer_for(sources: Sources) -> Recognizer:
    """Made once per process and data version: loaded from the copy on disk (~0.25 s) or built
    (~0.75 s), see prebuilt.py."""
    if sources not in _recognizers:
        from tui.core.actors.prebuilt import load_or_build

        _recognizers.clear()
        _recognizers[sources] = load_or_build(sources)
    return _recognizers[sources]


def spans_read(spans_json: str) -> list[StoredSpan]:
    """`store.actors.spans_of`, each row's read once (span_reads.py): the places and unlisted
    analyzers read the rows of each article the actors analyzer primed (without the copy:
    `span_reads.shared_tuples`)."""
    return _text_tools()[2](spans_json)


@cache
def _text_tools() -> tuple[Callable[[str], datetime], Callable[[int, Sequence[Placed]], tuple[
        list[MentionRow], list[list[list[object]]]]], Callable[[str], list[StoredSpan]],
                           Callable[[int, Sequence[UnlistedName]], list[Any]],
                           Callable[[list[str], list[list[list[Any]]]], None],
                           Callable[[str], list[StoredSpan]]]:
    """What the text halves call, imported on the first article only: an import statement
    runs on every call (a few microseconds each, some ten an article with the spans read)."""
    from tui.core.models import from_iso
    from tui.core.span_reads import prime, shared_tuples, span_tuples
    from tui.core.store.actors import placed_rows_spans, unlisted_rows

    return from_iso, placed_rows_spans, span_tuples, unlisted_rows, prime, shared_tuples


class ActorsAnalyzer:
    name = "actors"
    rematch = True  # a change to what it finds: bump MATCHER_VERSIONS (refresh/match_sources.py)

    def warm(self, sources: Sources) -> None:
        recognizer_for(sources)

    def text(self, item: TextItem, found: Found, sources: Sources) -> list[MentionRow]:
        from_iso, placed_rows_spans, _spans, _unlisted, prime, _shared = _text_tools()
        published = from_iso(item.published) if item.dated else None
        rows, spans = placed_rows_spans(item.id, recognizer_for(sources).mention_tuples(
            item.title, item.body, published))
        prime([row[3] for row in rows], spans)  # the later analyzers read these
        return rows

    def write(self, conn: sqlite3.Connection, batch: Batch, context: Context) -> None:
        from tui.core.store import actors as actor_store

        actor_store.save_rows(conn, batch.ids, [row for found in batch.found.values()
                                                for row in found.get(self.name, [])])

    def finish_run(self, conn: sqlite3.Connection, ids: Sequence[int], context: Context) -> None:
        return None


class UnlistedAnalyzer:
    """After actors and places: a name is only a discovery where nothing else was found."""

    name = "unlisted"
    rematch = True  # a change to what it finds: bump MATCHER_VERSIONS (refresh/match_sources.py)

    def warm(self, sources: Sources) -> None:
        recognizer_for(sources)

    def text(self, item: TextItem, found: Found, sources: Sources) -> list[Any]:
        tools = _text_tools()
        unlisted_rows, shared = tools[3], tools[5]  # shared: the rows' spans, read only
        taken: list[Span] = [s[:3] for row in found.get("actors", ()) for s in shared(row[3])]
        taken += [span for _place, _count, spans in found.get("places", ()) for span in spans]
        return unlisted_rows(item.id, recognizer_for(sources).unlisted(item.title, item.body,
                                                                       taken))

    def write(self, conn: sqlite3.Connection, batch: Batch, context: Context) -> None:
        from tui.core.store import actors as actor_store

        actor_store.save_unlisted(conn, batch.ids, [row for found in batch.found.values()
                                                    for row in found.get(self.name, [])])

    def finish_run(self, conn: sqlite3.Connection, ids: Sequence[int], context: Context) -> None:
        return None
