"""The cache's actors as the reader and the tree show them: an article's (listed ones, then
people named whom the gazetteer lacks), the top ones of the last days, an office's holders'
titles. Reads only; what the analyzers wrote, named by the gazetteer in use.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from tui.core.basics import to_iso, utcnow

if TYPE_CHECKING:
    from tui.core.actors.matcher import Actor, Gazetteer
    from tui.core.models import ArticleActor


def actors_of(conn: sqlite3.Connection, gazetteer: Gazetteer,
              article_id: int) -> list[ArticleActor]:
    """The article's actors: listed ones (role phrases resolved to a holder among their
    spans, in `roles`), then people named with a title the gazetteer lacks (`spelt_like`)."""
    from tui.core.actors import edits, owners
    from tui.core.models import ArticleActor
    from tui.core.store import actors as actor_store

    out = []
    for actor_id, count, spans in actor_store.mentions_of(conn, article_id):
        actor = gazetteer.actors.get(actor_id)
        if actor is not None:
            out.append(ArticleActor(
                id=actor.id, name=actor.name, kind=actor.kind,
                description=actor.description, aliases=tuple(actor.aliases), count=count,
                spans=tuple((str(s[0]), int(s[1]), int(s[2])) for s in spans),
                roles=tuple((str(s[0]), int(s[1]), int(s[2]), str(s[3]))
                            for s in spans if len(s) > 3)))
    out.sort(key=lambda a: (-a.count, a.name))
    for name, kind, description, count, spans in actor_store.unlisted_of(conn, article_id):
        out.append(ArticleActor(
            id=edits.slug(name), name=name, kind=kind, description=description, aliases=(),
            count=count, spans=tuple((str(s[0]), int(s[1]), int(s[2])) for s in spans),
            listed=False, spelt_like=owners.spelt_like(gazetteer, name)))
    return out


def offices_of(gazetteer: Gazetteer) -> dict[str, Any]:
    """The offices file read against `gazetteer` ({} when it is broken)."""
    from tui.core.actors.offices import OfficeError, load_offices

    try:
        return dict(load_offices(gazetteer))
    except OfficeError:
        return {}


def top_actors(conn: sqlite3.Connection, gazetteer: Gazetteer, *, days: int | None,
               limit: int, dated: bool = False) -> list[tuple[Actor, int]]:
    from tui.core.store import actors as actor_store

    since = to_iso(utcnow() - timedelta(days=days)) if days else "0000"
    rows = actor_store.top_actors(conn, since, limit, dated_only=dated)
    return [(gazetteer.actors[a], n) for a, n in rows if a in gazetteer.actors]
