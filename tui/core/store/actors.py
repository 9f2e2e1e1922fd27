"""SQL for actor mentions: write what the analyzers found, answer who-is-mentioned-where.

Mentions are derived data. They are rebuilt per article whenever its text changes (the caller
passes the ids) and wholesale whenever the gazetteer, the offices or the places change (the
analysis re-matches every article then, see refresh/analysis.py). A span is [field, start, end],
or [field, start, end, office id] when a role phrase named the holder ("Russia's defence
minister" for Belousov). People the gazetteer lacks are kept apart, by name (unlisted_mentions).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from orjson import dumps as _fast_dumps

from tui.core.jsonfast import loads
from tui.core.store.db import GAZETTEER_HASH_KEY as GAZETTEER_HASH_KEY  # kept with get_meta
from tui.core.store.db import replace_article_rows

if TYPE_CHECKING:
    from tui.core.actors.matcher import Mention
    from tui.core.actors.recognize import UnlistedName

# Spans index into `body` exactly as the reader shows it (Article.body is body or ""). The
# pipeline writes the feed's text into `body` when no page could be extracted, and marks the
# article for re-analysis whenever it does, so nothing is missed by not looking further.
BODY_SQL = "coalesce(body, '')"


Span = tuple[str, int, int] | tuple[str, int, int, str]  # (field, start, end[, office id])


def _rows(article_id: int, mentions: Sequence[Mention]) -> list[tuple[int, str, int, str]]:
    return mention_rows_spans(article_id, mentions)[0]


def mention_rows_spans(article_id: int, mentions: Sequence[Mention]
                       ) -> tuple[list[tuple[int, str, int, str]], list[list[list[object]]]]:
    """`mention_rows`, and each row's spans as encoded in it (for the readers' memo)."""
    spans: dict[str, list[list[object]]] = {}
    for m in mentions:
        span: list[object] = [m.field, m.start, m.end]
        spans.setdefault(m.actor_id, []).append([*span, m.office] if m.office else span)
    return ([(article_id, actor_id, len(found), _dumps(found))
             for actor_id, found in spans.items()], list(spans.values()))


def placed_rows_spans(article_id: int, mentions: Sequence[tuple[str, str, int, int, str | None]]
                      ) -> tuple[list[tuple[int, str, int, str]], list[list[list[object]]]]:
    """`mention_rows_spans` of mentions as (actor id, field, start, end, office) tuples
    (`Recognizer.mention_tuples`)."""
    spans: dict[str, list[list[object]]] = {}
    for actor_id, field, start, end, office in mentions:
        spans.setdefault(actor_id, []).append([field, start, end, office] if office
                                              else [field, start, end])
    return ([(article_id, actor_id, len(found), _dumps(found))
             for actor_id, found in spans.items()], list(spans.values()))


def _dumps(spans: list[list[object]]) -> str:
    """json.dumps(spans, separators=(",", ":")) by orjson, a tenth of its time (json builds an
    encoder per call with these separators): the same text when no string needed escaping
    (printable ASCII, as ids and field names are; spans hold strings and ints only), json's
    own text otherwise."""
    try:
        text: str = _fast_dumps(spans).decode()
    except TypeError:  # an int past 64 bits
        text = "\\"
    if text.isascii() and "\\" not in text and "\x7f" not in text:
        return text
    return json.dumps(spans, separators=(",", ":"))


def mention_rows(article_id: int, mentions: Sequence[Mention]) -> list[tuple[int, str, int, str]]:
    """(article_id, actor_id, count, spans JSON) rows, as stored; workers compute them."""
    return _rows(article_id, mentions)


def save_rows(conn: sqlite3.Connection, article_ids: Sequence[int],
              rows: Sequence[tuple[int, str, int, str]]) -> None:
    """Replace the mentions of these articles with rows matched elsewhere (a worker)."""
    replace_article_rows(conn, "actor_mentions", ("actor_id", "count", "spans"), article_ids,
                         rows)


def spans_of(spans_json: str) -> list[Span]:
    """A stored spans column as tuples: (field, start, end) or (field, start, end, office)."""
    return [tuple(span) for span in loads(spans_json)]  # workers read each row twice


def mentions_of(conn: sqlite3.Connection, article_id: int) -> list[tuple[str, int, list[Span]]]:
    """(actor_id, count, spans) for one article, most mentioned first."""
    rows = conn.execute("SELECT actor_id, count, spans FROM actor_mentions WHERE article_id = ? "
                        "ORDER BY count DESC, actor_id", (article_id,)).fetchall()
    return [(actor_id, count, spans_of(spans)) for actor_id, count, spans in rows]


UnlistedRow = tuple[int, str, str, str, int, str]  # article, name, kind, description, count, spans


def unlisted_rows(article_id: int, found: Sequence[UnlistedName]) -> list[UnlistedRow]:
    return [(article_id, u.name, u.kind, u.description, len(u.spans),
             json.dumps([list(s) for s in u.spans], separators=(",", ":"))) for u in found]


def save_unlisted(conn: sqlite3.Connection, article_ids: Sequence[int],
                  rows: Sequence[UnlistedRow]) -> None:
    """Replace these articles' unlisted names."""
    replace_article_rows(conn, "unlisted_mentions",
                         ("name", "kind", "description", "count", "spans"), article_ids, rows)


def unlisted_of(conn: sqlite3.Connection, article_id: int,
                ) -> list[tuple[str, str, str, int, list[Span]]]:
    """(name, kind, description, count, spans) for one article, most mentioned first."""
    rows = conn.execute("SELECT name, kind, description, count, spans FROM unlisted_mentions "
                        "WHERE article_id = ? ORDER BY count DESC, name", (article_id,)).fetchall()
    return [(name, kind, desc, count, spans_of(spans)) for name, kind, desc, count, spans in rows]


def articles_mentioning(conn: sqlite3.Connection, actor_id: str, limit: int = 200) -> list[int]:
    """Ids of articles that mention the actor, newest first."""
    rows = conn.execute(
        "SELECT a.id FROM actor_mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.actor_id = ? ORDER BY a.published DESC, a.id DESC LIMIT ?", (actor_id, limit)
    ).fetchall()
    return [r[0] for r in rows]


def top_actors(conn: sqlite3.Connection, since_iso: str | None = None, limit: int = 20,
               *, dated_only: bool = False) -> list[tuple[str, int]]:
    """(actor_id, number of articles) over articles published at or after `since_iso`;
    `dated_only`: leaving out those dated when fetched (an item without a date of its own)."""
    dated = "AND a.published != a.first_seen " if dated_only else ""
    rows = conn.execute(
        "SELECT m.actor_id, count(*) AS n FROM actor_mentions m "
        f"JOIN articles a ON a.id = m.article_id WHERE a.published >= ? {dated}"
        "GROUP BY m.actor_id ORDER BY n DESC, m.actor_id LIMIT ?", (since_iso or "", limit)
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def unlisted_people(conn: sqlite3.Connection, ids: Sequence[int]
                    ) -> dict[int, list[tuple[str, int, str]]]:
    """id -> the people the gazetteer lacks it names, as (name, count, spans JSON): what the
    linker weighs of them when it relinks (`linking.name_keys.name_rows`)."""
    out: dict[int, list[tuple[str, int, str]]] = {}
    for start in range(0, len(ids), 500):
        chunk = tuple(ids[start:start + 500])
        for aid, name, count, spans in conn.execute(
                f"SELECT article_id, name, count, spans FROM unlisted_mentions "
                f"WHERE article_id IN ({','.join('?' * len(chunk))}) AND kind = 'person' "
                f"ORDER BY article_id, name", chunk):
            out.setdefault(aid, []).append((name, count, spans))
    return out
