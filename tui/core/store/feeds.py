"""Feed rows: identity, conditional-GET validators and refresh health."""

from __future__ import annotations

import sqlite3

from tui.core.basics import to_iso, utcnow
from tui.core.store.write_turns import if_free, transaction

TYPE_CHECKING = False
if TYPE_CHECKING:  # (an all-304 fetch loads neither: typing loads re)
    from collections.abc import Iterable, Mapping, Sequence
    from pathlib import Path


class FeedRef:
    """A feed's row as a refresh needs it (a plain class: a record type costs every fetch
    its making at import, and typing's load). `moved`: its warning says it moved for good
    (`moved_warning`)."""

    __slots__ = ("etag", "failures", "id", "last_modified", "moved", "name", "url")

    def __init__(self, id: int, name: str, url: str, etag: str | None,
                 last_modified: str | None, failures: int, moved: bool = False) -> None:
        self.id, self.name, self.url, self.etag = id, name, url, etag
        self.last_modified, self.failures, self.moved = last_modified, failures, moved

    def __repr__(self) -> str:
        return (f"FeedRef(id={self.id}, name={self.name!r}, url={self.url!r}, "
                f"etag={self.etag!r}, last_modified={self.last_modified!r}, "
                f"failures={self.failures}, moved={self.moved})")


MOVED = "moved permanently to "


def sync_feeds(conn: sqlite3.Connection, feeds: Iterable[tuple[str, str]]) -> dict[str, FeedRef]:
    """Make sure every configured (name, url) has a row; returns them by name.

    Feeds dropped from the config keep their rows, so their articles (and the user's tags and
    saved flags on them) survive an edit of feeds.toml; a feed given the new address its
    move warning named keeps its row (`moved_warning`). Only new or renamed feeds are written,
    in one transaction: an unchanged config is one read and takes no write lock.
    """
    pairs = list(feeds)
    select = ("SELECT url, id, name, etag, last_modified, failures, "
              f"instr(coalesce(last_error, ''), '{MOVED}') > 0 FROM feeds")
    known = {row[0]: row for row in conn.execute(select)}
    changed = [(name, url) for name, url in pairs if url not in known or known[url][2] != name]
    if changed:
        configured = {url for _, url in pairs}
        # Rows that may have moved: only they are looked at for each new address (an OPML of
        # 10,000 feeds asked 10,000 queries of 10,000 parameters each: 30 s on first open).
        moving = [(row[1], row[2]) for row in known.values()
                  if row[6] and row[0] not in configured]
        with transaction(conn):
            for name, url in changed:
                if url not in known and moving:  # its new address, as its warning said to do?
                    _follow_move(conn, name, url, [i for i, n in moving if n == name])
                conn.execute(
                    "INSERT INTO feeds(url, name) VALUES(?, ?) "
                    "ON CONFLICT(url) DO UPDATE SET name = excluded.name "
                    "WHERE name != excluded.name", (url, name))
                known[url] = conn.execute(select + " WHERE url = ?", (url,)).fetchone()
    return {name: FeedRef(known[url][1], name, url, known[url][3], known[url][4], known[url][5],
                          bool(known[url][6])) for name, url in pairs}


def _follow_move(conn: sqlite3.Connection, name: str, url: str, ids: list[int]) -> None:
    """The feed `name` whose warning says it moved to `url` (and whose old address feeds.toml
    names no more: `ids`, those of that name) takes `url`: only the move warning goes; what its
    last read said beside it (missing dates, broken XML, cut off) stays until a read says
    otherwise (a 304 at the new address writes nothing, so clearing them all hid them until
    the feed changed)."""
    if not ids:
        return
    found = conn.execute(
        f"SELECT id, last_error FROM feeds WHERE instr(last_error, ?) "
        f"AND id IN ({','.join('?' * len(ids))})", (moved_warning(url), *ids)).fetchone()
    if found is not None:
        said = [n for n in found[1].split("; ") if n and not n.startswith(MOVED)]
        conn.execute("UPDATE feeds SET url = ?, last_error = ? WHERE id = ?",
                     (url, "; ".join(said) or None, found[0]))


def moved_warning(url: str) -> str:
    """What a feed that moved for good (301, 308) to `url` says while feeds.toml names its old
    address (refresh.pipeline.moved_note). The file is the user's, never rewritten behind their
    back; once they put `url` in, under the same name, `sync_feeds` moves the feed's row there,
    so its articles stay its own (a new row listed them as "already listed under" the old)."""
    return f"{MOVED}{url}: put that URL in feeds.toml"


def feed_titles(conn: sqlite3.Connection) -> dict[str, str]:
    """url -> the title each feed last sent (for feeds.toml's feeds without a name)."""
    return {url: title for url, title in conn.execute(
        "SELECT url, title FROM feeds WHERE title IS NOT NULL AND title != ''")}


def stored_feed_titles(db_path: Path) -> dict[str, str]:
    """`feed_titles` of the cache at `db_path`, read without creating, migrating or locking
    it (`export-opml` needs no cache); {} when there is none or it cannot be read."""
    from tui.core.store.db import connect_readonly

    if not db_path.is_file():
        return {}
    try:
        conn = connect_readonly(db_path)
    except sqlite3.Error:
        return {}
    try:
        return feed_titles(conn)
    except sqlite3.Error:  # not a cache, or one from before feed titles: the hosts, then
        return {}
    finally:
        conn.close()


def record_success(conn: sqlite3.Connection, feed_id: int, *, etag: str | None,
                   last_modified: str | None, title: str | None, lang: str | None,
                   item_count: int, warning: str | None = None) -> None:
    now = to_iso(utcnow())
    conn.execute(
        "UPDATE feeds SET etag = ?, last_modified = ?, title = coalesce(?, title), "
        "lang = coalesce(?, lang), last_attempt = ?, last_ok = ?, last_error = ?, failures = 0, "
        "item_count = ? WHERE id = ?",
        (etag, last_modified, title, lang, now, now, warning, item_count, feed_id),
    )


def record_not_modified(conn: sqlite3.Connection, feed: FeedRef,
                        moved: str | None = None) -> None:
    """A 304 after failures: the feed's error is cleared (one that was not failing has nothing
    to record, and the refresh does not call this for it). `moved`: the 304 came from the
    feed's new address (pipeline.moved_note), a warning it keeps beside those of its last
    read until feeds.toml follows. A 304 from the address itself (the server stopped
    redirecting) drops a move warning it had: the move no longer holds."""
    if feed.failures:
        now = to_iso(utcnow())
        conn.execute("UPDATE feeds SET last_attempt = ?, last_ok = ?, last_error = NULL, "
                     "failures = 0 WHERE id = ?", (now, now, feed.id))
    if moved or feed.moved:
        row = conn.execute("SELECT last_error FROM feeds WHERE id = ?", (feed.id,)).fetchone()
        said = [n for n in (row[0] or "").split("; ") if n and not n.startswith(MOVED)]
        warning = "; ".join([moved, *said] if moved else said) or None
        if warning != row[0]:
            conn.execute("UPDATE feeds SET last_error = ? WHERE id = ?", (warning, feed.id))


def record_checked(conn: sqlite3.Connection, feed_ids: Sequence[int]) -> bool:
    """Healthy feeds that answered 304 are checked and fine: `last ok` says when a feed was
    last seen working, not when it last changed. Only if the write lock is free: a cron fetch
    with nothing new never waits for, nor holds up, the reader's writes for a time stamp."""
    now = to_iso(utcnow())
    with if_free(conn) as free:
        if free:  # one statement per 500 feeds (SQLite's bound parameters), not one per feed:
            ids = list(feed_ids)  # a third of the write's CPU
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                conn.execute("UPDATE feeds SET last_attempt = ?, last_ok = ? WHERE id IN "
                             f"({','.join('?' * len(chunk))})", (now, now, *chunk))
    return free


def record_pages_failed(conn: sqlite3.Connection, failed: Mapping[int, int],
                        deferred: Mapping[int, int]) -> None:
    """feed id -> how many of the pages this refresh tried for it gave no text; and how
    many it left for later refreshes (the page budget), for the feeds whose pages it did."""
    with transaction(conn):
        conn.executemany("UPDATE feeds SET pages_failed = ? WHERE id = ?",
                         [(count, feed_id) for feed_id, count in failed.items()])
        conn.executemany("UPDATE feeds SET pages_deferred = ? WHERE id = ? "
                         "AND pages_deferred != ?",  # an unchanged refresh writes nothing
                         [(count, feed_id, count) for feed_id, count in deferred.items()])


def record_failure(conn: sqlite3.Connection, feed_id: int, error: str) -> None:
    conn.execute("UPDATE feeds SET last_attempt = ?, last_error = ?, failures = failures + 1 "
                 "WHERE id = ?", (to_iso(utcnow()), error, feed_id))


def feed_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every feed with its health and unread count (one query, for the tree and `feeds`)."""
    return conn.execute(
        "SELECT f.*, (SELECT count(*) FROM article_feeds af "
        "JOIN articles a ON a.id = af.article_id "
        "WHERE af.feed_id = f.id AND a.read = 0) AS unread, (SELECT count(*) FROM "
        "article_feeds af WHERE af.feed_id = f.id) AS articles FROM feeds f ORDER BY f.name"
    ).fetchall()


def first_carriers(conn: sqlite3.Connection, article_ids: Sequence[int],
                   feed_id: int) -> dict[str, int]:
    """Feed name -> how many of these articles it carries, for each article's first feed
    other than `feed_id` (by id, as the list labels a row): where a merged item shows."""
    counts: dict[str, int] = {}
    for article_id in article_ids:
        row = conn.execute(
            "SELECT f.name FROM article_feeds af JOIN feeds f ON f.id = af.feed_id "
            "WHERE af.article_id = ? AND af.feed_id <> ? ORDER BY af.feed_id LIMIT 1",
            (article_id, feed_id)).fetchone()
        if row:
            counts[row[0]] = counts.get(row[0], 0) + 1
    return counts
