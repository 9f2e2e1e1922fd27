"""The tags feeds.toml gives whole feeds, on the articles the feeds carry.

In newsboat a feed's tags belong to the feed: change them and every article has the new ones
at once. Here they are stored on each article (so `tag:` queries stay one index look-up),
marked as the feed's (`by_rule = 2`), and `sync_feed_tags` brings the stored ones in line
with feeds.toml whenever a feed's tags there differ from the ones last given: a tag the feed
no longer gives leaves its articles (unless another feed carrying one still gives it), a new
one joins them. A tag the user gave an article (`t`) is theirs and stays; one a [[rule]]
gives it is the rule's (`apply_rules` takes it from the feed) and stays too. A feed's tag
never keeps an article from pruning, as a rule's does not.
"""

from __future__ import annotations

import sqlite3

from tui.core.plain_json import dumps
from tui.core.store.tag_spelling import spelling
from tui.core.store.write_turns import transaction

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

FROM_FEED = 2  # tags.by_rule: 0 the user's, 1 a rule's


def add_feed_tags(conn: sqlite3.Connection, ids: Sequence[int], tags: Iterable[str]) -> None:
    """Tag articles a feed brought: a tag they have already (the user's) stays as it is."""
    for tag in tags:
        found = spelling(conn, tag)
        if found is not None and ids:
            conn.executemany("INSERT INTO tags(article_id, key, tag, by_rule) "
                             f"VALUES(?, ?, ?, {FROM_FEED}) ON CONFLICT DO NOTHING",
                             [(i, *found) for i in ids])


def sync_feed_tags(conn: sqlite3.Connection, feeds: Sequence[tuple[int, Sequence[str]]]) -> int:
    """(feed id, its tags in feeds.toml) for every configured feed; returns how many feeds'
    articles changed. One read when no feed's tags changed (no write lock)."""
    stored = dict(conn.execute("SELECT id, tags FROM feeds"))
    changed = [(feed_id, tuple(tags)) for feed_id, tags in feeds
               if stored.get(feed_id) != _stored(tags)]
    if not changed:
        return 0
    from tui.core import tagnames  # a feed's tags changed: only then

    giving: dict[str, list[int]] = {}  # tag key -> the configured feeds that give it
    for feed_id, tags in feeds:
        for tag in tags:
            giving.setdefault(tagnames.key(tag), []).append(feed_id)
    with transaction(conn):
        for feed_id, tags in changed:
            _sync_one(conn, feed_id, tags, stored.get(feed_id), giving)
    return len(changed)


_OF_FEED = "article_id IN (SELECT article_id FROM article_feeds WHERE feed_id = ?)"


def _sync_one(conn: sqlite3.Connection, feed_id: int, tags: Sequence[str], old: str | None,
              giving: dict[str, list[int]]) -> None:
    import json  # tags changed in feeds.toml: only then

    from tui.core import tagnames

    keys = [tagnames.key(t) for t in tags]
    if old is None:  # an older version stored them as the user's: the feed's they are
        conn.execute(f"UPDATE tags SET by_rule = {FROM_FEED} WHERE by_rule = 0 AND key IN "
                     f"(SELECT value FROM json_each(?)) AND {_OF_FEED}",
                     (json.dumps(keys), feed_id))
    else:
        for key in {tagnames.key(t) for t in json.loads(old)} - set(keys):
            conn.execute(
                f"DELETE FROM tags WHERE by_rule = {FROM_FEED} AND key = ? AND {_OF_FEED} "
                "AND NOT EXISTS (SELECT 1 FROM article_feeds other WHERE other.article_id = "
                "tags.article_id AND other.feed_id IN (SELECT value FROM json_each(?)))",
                (key, feed_id, json.dumps(giving.get(key, []))))
    ids = [r[0] for r in conn.execute("SELECT article_id FROM article_feeds WHERE feed_id = ?",
                                      (feed_id,))]
    add_feed_tags(conn, ids, tags)
    conn.execute("UPDATE feeds SET tags = ? WHERE id = ?",
                 (_stored(tags), feed_id))


def _stored(tags: Sequence[str]) -> str:
    """A feed's tags as the feeds table keeps them; most feeds have none, and a refresh of
    200 such feeds spent 0.5 ms in json.dumps to say so."""
    return dumps(list(tags)) if tags else "[]"
