"""The links a body cites (`articles.body_links`), as JSON: [[url, [offset, ...]], ...]."""

from __future__ import annotations

import sqlite3

from tui.core.plain_json import dumps

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from tui.core.models import BodyLink


def set_links(conn: sqlite3.Connection, article_id: int, links: Sequence[BodyLink]) -> None:
    """The links of the body as it is (`reextract` of a page stored before links were kept):
    the text is the same, so nothing is analysed again."""
    conn.execute("UPDATE articles SET body_links = ? WHERE id = ?",
                 (links_json(links), article_id))


def links_json(links: Sequence[BodyLink]) -> str | None:
    return dumps([[link.url, list(link.at)] for link in links]) if links else None


def links_of(text: str | None) -> tuple[BodyLink, ...]:
    """`body_links` read back; anything unreadable is no links (never a failure to show)."""
    if not text:
        return ()
    import json

    from tui.core.models import BodyLink

    try:
        return tuple(BodyLink(str(url), tuple(int(a) for a in at)) for url, at in json.loads(text))
    except (ValueError, TypeError):
        return ()


def stored_links(conn: sqlite3.Connection, article_id: int) -> tuple[BodyLink, ...]:
    row = conn.execute("SELECT body_links FROM articles WHERE id = ?", (article_id,)).fetchone()
    return links_of(row[0]) if row else ()
