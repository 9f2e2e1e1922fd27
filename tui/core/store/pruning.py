"""keep_days: old articles go, but never one the user kept (saved, tagged by hand, marked in
the reader), nor one a feed still sends.

Each feed's latest read marks the items it had (`article_feeds.in_feed`, migration 0016):
pruned, such an item would come back at the next fetch as a new unread article with a new
id. A feed that answers 304 or fails keeps the marks of its last read; a feed dropped from
feeds.toml keeps nothing, so its articles age out as README says."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from tui.core.basics import to_iso, utcnow
from tui.core.plain_json import dumps
from tui.core.store.write_turns import transaction

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


def prune(conn: sqlite3.Connection, keep_days: int, feeds: Sequence[int] | None = None,
          listed: Sequence[int] = (), keep: Iterable[int] = ()) -> int:
    """Delete old articles nobody kept (saved ones, ones with a tag of the user's: a rule's
    tag keeps nothing, rules may tag whole feeds; `keep`, the reader's marks) and no `listed`
    feed sent at its latest read; of `feeds` alone when given (a fetch of some feeds prunes
    theirs). Returns how many went. A transaction (and the write lock) only when there is
    something to delete."""
    if keep_days <= 0:
        return 0
    cutoff = to_iso(utcnow() - timedelta(days=keep_days))
    scope = None if feeds is None else dumps([int(i) for i in feeds])
    old = ("FROM articles a WHERE saved = 0 AND published < ? AND first_seen < ? "
           "AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.article_id = a.id AND t.by_rule = 0) "
           "AND a.id NOT IN (SELECT value FROM json_each(?)) "
           "AND NOT EXISTS (SELECT 1 FROM article_feeds af WHERE af.article_id = a.id "
           "AND af.in_feed = 1 AND af.feed_id IN (SELECT value FROM json_each(?))) "
           "AND (? IS NULL OR EXISTS (SELECT 1 FROM article_feeds af "
           "WHERE af.article_id = a.id AND af.feed_id IN (SELECT value FROM json_each(?))))")
    params = (cutoff, cutoff, dumps(sorted(int(i) for i in keep)),
              dumps([int(i) for i in listed]), scope, scope or "[]")
    if conn.execute(f"SELECT EXISTS(SELECT 1 {old})", params).fetchone()[0] == 0:
        return 0
    with transaction(conn):
        return conn.execute(f"DELETE FROM articles WHERE id IN (SELECT a.id {old})",
                            params).rowcount


def mark_sent(conn: sqlite3.Connection, feed_id: int, article_ids: Sequence[int]) -> None:
    """The feed's latest read had exactly these articles. Only marks that change are written:
    a feed with thousands of old articles costs a few rows a fetch, not thousands."""
    ids = dumps(sorted({int(i) for i in article_ids}))
    conn.execute("UPDATE article_feeds SET in_feed = 0 WHERE feed_id = ? AND in_feed = 1 "
                 "AND article_id NOT IN (SELECT value FROM json_each(?))", (feed_id, ids))
    conn.execute("UPDATE article_feeds SET in_feed = 1 WHERE feed_id = ? AND in_feed = 0 "
                 "AND article_id IN (SELECT value FROM json_each(?))", (feed_id, ids))
