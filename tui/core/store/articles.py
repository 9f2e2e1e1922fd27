"""Article rows: insert once, attach to feeds, fill bodies, read back as models."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence

from tui.core.basics import from_iso, to_iso, utcnow
from tui.core.plain_json import dumps
from tui.core.store.body_links import links_json, links_of
from tui.core.store.tag_spelling import spelling

TYPE_CHECKING = False  # (typing loads re, which an all-304 fetch never needs)
if TYPE_CHECKING:  # the records load with the first read (models.py says why)
    from tui.core.models import Article, ArticleRow, BodyLink
    from tui.core.store.entries import NewEntry

SEP = "\x1f"  # joins tags in one column; cannot occur in sanitised text

_ROW_COLUMNS = (
    "a.id, a.title, a.url, a.published, a.read, a.saved, a.dismissed, "
    "(SELECT f.name FROM article_feeds af JOIN feeds f ON f.id = af.feed_id "
    " WHERE af.article_id = a.id ORDER BY af.feed_id LIMIT 1) AS feed, "
    "(SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM tags t "
    " WHERE t.article_id = a.id ORDER BY key)) AS tags"
)


def insert_entries(conn: sqlite3.Connection, feed_id: int, entries: Iterable[NewEntry],
                   feed_tags: Sequence[str] = (), *, want_pages: bool = False,
                   merged: list[int] | None = None, sent: list[int] | None = None) -> list[int]:
    """Store entries not seen before; link known ones to this feed too. Returns new ids;
    `merged` gets the articles other feeds stored that this feed now shares, `sent` every
    entry's article.

    An article is the same if its key (guid/link/hash) or its URL is already known, so a story
    carried by two feeds is stored once and shows under both; a URL the feed gives to several
    items (`shared_link`) identifies none of them, and its page is none of theirs: they keep
    the feed's text. With `want_pages`, the other new articles' pages are due (`pages_due`).
    """
    now = to_iso(utcnow())
    entries = list(entries)
    # Two lookups for the whole feed, not two per entry (what this feed inserts joins them).
    by_key = _known(conn, "key", [e.key for e in entries])
    by_url = _known(conn, "url", [e.url for e in entries if e.url])
    fresh: list[NewEntry] = []  # a new article stands for itself as -(its index + 1) below
    chosen: list[int] = []
    for entry in entries:
        known = by_key.get(entry.key)
        if known is None and entry.url and not entry.shared_link:
            known = by_url.get(entry.url)
        if known is None:
            fresh.append(entry)
            known = by_key[entry.key] = -len(fresh)
            if entry.url:
                by_url.setdefault(entry.url, known)
        chosen.append(known)
    new_ids = _insert_new(conn, fresh, now, want_pages)
    linked: list[int] = []
    for ref in dict.fromkeys(chosen):
        article_id = new_ids[-ref - 1] if ref < 0 else ref
        if sent is not None:
            sent.append(article_id)
        if conn.execute("INSERT OR IGNORE INTO article_feeds(article_id, feed_id) VALUES(?, ?)",
                        (article_id, feed_id)).rowcount:
            linked.append(article_id)
            if ref >= 0 and merged is not None:
                merged.append(article_id)
    from tui.core.store.feed_tags import add_feed_tags  # the feed's own: follow feeds.toml

    add_feed_tags(conn, linked, feed_tags)
    return new_ids


_NEW_COLUMNS = ("key, url, title, author, summary, feed_content, lang, published, first_seen, "
                "body, body_source, extracted_at, page_due, extract_error, body_links")
_NEW_CHUNK = 64  # rows per INSERT: 64 x 15 values stays under SQLite's oldest variable limit


def _insert_new(conn: sqlite3.Connection, fresh: Sequence[NewEntry], now: str,
                want_pages: bool) -> list[int]:
    """Insert new articles, several rows per statement; their ids in `fresh`'s order.

    The full-text trigger costs a fixed overhead per statement (FTS5 is entered, synced and
    left each time): one statement per row made it 70 % of a cold refresh's store time."""
    ids: list[int] = []
    for i in range(0, len(fresh), _NEW_CHUNK):
        chunk = fresh[i:i + _NEW_CHUNK]
        values: list[object] = []
        for e in chunk:
            values += (e.key, e.url, e.title, e.author, e.summary, e.feed_content, e.lang,
                       e.published or now, now, e.body or None, e.body_source or None,
                       now if e.body else None,
                       int(want_pages and bool(e.url) and not e.shared_link),
                       SHARED_LINK_NOTE if e.shared_link else None,
                       links_json(e.links))
        row = "(" + ",".join("?" * 15) + ")"
        conn.execute(f"INSERT INTO articles({_NEW_COLUMNS}) VALUES "
                     + ",".join([row] * len(chunk)), values)
        found = _known(conn, "key", [e.key for e in chunk])  # keys are unique in articles
        ids += [found[e.key] for e in chunk]
    return ids


def _known(conn: sqlite3.Connection, column: str, values: list[str]) -> dict[str, int]:
    """value -> id of the articles already stored with `column` (key or url) in `values`; for
    a url several articles share, the first stored, as `WHERE url = ? LIMIT 1` finds it."""
    found: dict[str, int] = {}
    unique = list(dict.fromkeys(values))
    for i in range(0, len(unique), 500):
        chunk = unique[i:i + 500]
        marks = ",".join("?" * len(chunk))
        found.update((r[0], r[1]) for r in conn.execute(
            f"SELECT {column}, min(id) FROM articles WHERE {column} IN ({marks}) "
            f"GROUP BY {column}", chunk))
    return found


SHARED_LINK_NOTE = ("the feed gives this link to other items too, so its page is not this "
                    "item's own: the feed's text is kept")


def pages_due(conn: sqlite3.Connection, feed_id: int, limit: int) -> list[tuple[int, str]]:
    """(id, url) of this feed's articles whose page is still to fetch, newest first: never
    tried, or failed and past its wait (page_retry.py)."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT a.id, a.url FROM articles a WHERE a.page_due = 1 AND a.id IN "
        "(SELECT article_id FROM article_feeds WHERE feed_id = ?) "
        "AND (a.page_retry_at IS NULL OR a.page_retry_at <= ?) "
        "ORDER BY a.published DESC, a.id DESC LIMIT ?", (feed_id, to_iso(utcnow()), limit))]


def any_page_due(conn: sqlite3.Connection, feed_ids: Sequence[int]) -> bool:
    """Whether any of these feeds' articles has a page to fetch now (`pages_due`'s rows)."""
    if not feed_ids:
        return False
    marks = ",".join("?" * len(feed_ids))
    return conn.execute(
        "SELECT 1 FROM articles a CROSS JOIN article_feeds af ON af.article_id = a.id "
        f"WHERE a.page_due = 1 AND (a.page_retry_at IS NULL OR a.page_retry_at <= ?) "
        f"AND af.feed_id IN ({marks}) LIMIT 1", (to_iso(utcnow()), *feed_ids)).fetchone() \
        is not None


def count_pages_due(conn: sqlite3.Connection, *, retrying: bool = False) -> dict[int, int]:
    """feed id -> articles whose page was never tried yet (only feeds that have some); those
    that failed and wait for another try: `retrying` True. CROSS JOIN keeps SQLite's
    planner on the due articles' partial index: left to choose, it walked every feed's
    articles and read each row (all of the cache, 50 ms at 10k articles, on every refresh)."""
    return {r[0]: r[1] for r in conn.execute(
        "SELECT af.feed_id, count(*) FROM articles a CROSS JOIN article_feeds af "
        "ON af.article_id = a.id WHERE a.page_due = 1 AND (a.page_tries > 0) = ? "
        "GROUP BY af.feed_id", (retrying,))}


def unanalysed_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM articles WHERE analysed = 0").fetchone()[0])


def pages_due_ids(conn: sqlite3.Connection, feed_id: int) -> list[int]:
    """Ids of this feed's articles whose page was never tried (not those waiting to be
    tried again: the page budget did not leave those behind)."""
    return [r[0] for r in conn.execute(
        "SELECT a.id FROM articles a WHERE a.page_due = 1 AND a.page_tries = 0 AND a.id IN "
        "(SELECT article_id FROM article_feeds WHERE feed_id = ?)", (feed_id,))]


def page_attempted(conn: sqlite3.Connection, article_id: int) -> None:
    """The page was tried (stored, or an extract_error says why not): no longer due (a
    failure that passes makes it due again: page_retry.retry_later)."""
    conn.execute("UPDATE articles SET page_due = 0, page_retry_at = NULL "
                 "WHERE id = ? AND page_due = 1", (article_id,))


def page_is_due(conn: sqlite3.Connection, article_id: int) -> bool:
    row = conn.execute("SELECT page_due FROM articles WHERE id = ?", (article_id,)).fetchone()
    return bool(row and row[0])


def set_body(conn: sqlite3.Connection, article_id: int, body: str, source: str,
             error: str | None, *, author: str | None = None,
             links: Sequence[BodyLink] = ()) -> None:
    """A new body, with the links it cites (their offsets index this body)."""
    conn.execute(
        "UPDATE articles SET body = ?, body_source = ?, extract_error = ?, extracted_at = ?, "
        "author = coalesce(author, ?), analysed = 0, body_links = ? WHERE id = ?",
        (body, source, error, to_iso(utcnow()), author, links_json(links), article_id),
    )


def compress_page(raw: bytes) -> bytes:
    """A page as `pages.raw` keeps it. Level 1: 40% of level 6's time (1.8 vs 4.8 ms a real
    page), for pages ~20% larger; a refresh has it done in the worker that extracts the page.
    zlib is loaded here, not by every command (its library too: ~0.5 ms of a start-up)."""
    import zlib

    return zlib.compress(raw, 1)


def save_page(conn: sqlite3.Connection, article_id: int, url: str, raw: bytes,
              content_type: str | None, *, compressed: bytes | None = None) -> None:
    """Keep the raw page (compressed) so bodies can be rebuilt offline by `reextract`;
    `compressed` is `compress_page(raw)` when the caller has it already."""
    conn.execute(
        "INSERT INTO pages(article_id, url, fetched_at, content_type, raw) VALUES(?, ?, ?, ?, ?) "
        "ON CONFLICT(article_id) DO UPDATE SET url = excluded.url, "
        "fetched_at = excluded.fetched_at, content_type = excluded.content_type, "
        "raw = excluded.raw",
        (article_id, url, to_iso(utcnow()), content_type,
         compress_page(raw) if compressed is None else compressed),
    )


def body_of(conn: sqlite3.Connection, article_id: int) -> str | None:
    row = conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else row[0]


def pages(conn: sqlite3.Connection) -> Iterable[tuple[int, str, bytes, str | None]]:
    """Every stored page, one at a time (ids first: the caller writes while iterating)."""
    import zlib

    ids = [r[0] for r in conn.execute("SELECT article_id FROM pages ORDER BY article_id")]
    for article_id in ids:
        row = conn.execute("SELECT url, raw, content_type FROM pages WHERE article_id = ?",
                           (article_id,)).fetchone()
        if row is not None:
            yield article_id, row[0], zlib.decompress(row[1]), row[2]


def _row(row: sqlite3.Row) -> ArticleRow:
    from tui.core.models import ArticleRow

    return ArticleRow(
        id=row["id"], title=row["title"], url=row["url"], feed=row["feed"] or "",
        published=from_iso(row["published"]), read=bool(row["read"]), saved=bool(row["saved"]),
        dismissed=bool(row["dismissed"]), tags=tuple(row["tags"].split(SEP)) if row["tags"] else (),
    )


def select_rows(conn: sqlite3.Connection, where: str = "1", params: Sequence[object] = (),
                limit: int = 200, offset: int = 0) -> list[ArticleRow]:
    """Newest first. `where` is a filter over alias `a` from tui.core.query (parameters bound)."""
    # Pick the page's ids first, then look up feeds and tags for those rows only: deep pages
    # of a 50k list would otherwise pay the lookups for every skipped row (69 ms -> 12 ms).
    sql = (f"SELECT {_ROW_COLUMNS} FROM articles a WHERE a.id IN (SELECT a.id FROM articles a "
           f"WHERE {where} ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?) "
           "ORDER BY a.published DESC, a.id DESC")
    return [_row(r) for r in conn.execute(sql, (*params, limit, offset))]


def count_rows(conn: sqlite3.Connection, where: str = "1", params: Sequence[object] = (),
               before: int | None = None) -> int:
    """`before`: count only the rows that come ahead of that article, newest first."""
    if before is not None:
        where = (f"({where}) AND (a.published, a.id) > "
                 "(SELECT b.published, b.id FROM articles b WHERE b.id = ?)")
        params = (*params, before)
    return int(conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", tuple(params))
               .fetchone()[0])


def select_ids(conn: sqlite3.Connection, where: str = "1",
               params: Sequence[object] = ()) -> list[int]:
    return [r[0] for r in conn.execute(
        f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.published DESC, a.id DESC",
        tuple(params))]


def rows_of(conn: sqlite3.Connection, ids: Sequence[int]) -> list[ArticleRow]:
    return select_rows(conn, f"a.id IN ({_EACH})", (dumps([int(i) for i in ids]),),
                       len(ids))


def get_article(conn: sqlite3.Connection, article_id: int) -> Article | None:
    row = conn.execute(f"SELECT {_ROW_COLUMNS}, a.author, a.body, a.body_source, a.summary, "
                       "a.lang, a.extract_error, a.analysed, a.page_due, a.page_tries, "
                       "a.body_links FROM articles a WHERE a.id = ?",
                       (article_id,)).fetchone()
    if row is None:
        return None
    feeds = tuple(r[0] for r in conn.execute(
        "SELECT f.name FROM article_feeds af JOIN feeds f ON f.id = af.feed_id "
        "WHERE af.article_id = ? ORDER BY af.feed_id", (article_id,)))
    base = _row(row)
    from tui.core.models import Article

    return Article(
        id=base.id, title=base.title, url=base.url, feed=base.feed, published=base.published,
        read=base.read, saved=base.saved, dismissed=base.dismissed, tags=base.tags,
        author=row["author"], body=row["body"] or "", body_source=row["body_source"],
        summary=row["summary"], lang=row["lang"], feeds=feeds, extract_error=row["extract_error"],
        analysed=bool(row["analysed"]), page_due=bool(row["page_due"]),
        links=links_of(row["body_links"]),
        page_tries=row["page_tries"],
    )


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


_EACH = "SELECT value FROM json_each(?)"
"""Many ids as one JSON parameter: a query's worth (`newsdesk read --query is:unread` on a
50k cache) is past SQLite's 32,766 variables in many builds."""


def set_flag(conn: sqlite3.Connection, ids: Sequence[int], column: str, value: bool) -> list[int]:
    """Set read/saved/dismissed on ids; returns the ids that actually changed (for undo)."""
    if column not in ("read", "saved", "dismissed") or not ids:
        return []
    changed = [r[0] for r in conn.execute(
        f"SELECT id FROM articles WHERE id IN ({_EACH}) AND {column} != ?",
        (dumps([int(i) for i in ids]), int(value)))]
    if changed:
        conn.execute(f"UPDATE articles SET {column} = ? WHERE id IN ({_EACH})",
                     (int(value), dumps(changed)))
    return changed


def add_tags(conn: sqlite3.Connection, ids: Sequence[int], tags: Iterable[str]) -> None:
    """Tag articles; a tag known under another spelling (any case) joins that one."""
    for tag in tags:
        found = spelling(conn, tag)
        if found is not None:
            conn.executemany("INSERT INTO tags(article_id, key, tag) VALUES(?, ?, ?) "
                             "ON CONFLICT DO UPDATE SET by_rule = 0",  # a rule's is now yours
                             [(i, *found) for i in ids])


def remove_tag(conn: sqlite3.Connection, ids: Sequence[int], tag: str) -> None:
    from tui.core.tagnames import key  # (not loaded by a fetch that tags nothing)

    if ids:
        conn.execute(f"DELETE FROM tags WHERE key = ? AND article_id IN ({_EACH})",
                     (key(tag), dumps([int(i) for i in ids])))


def all_tags(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(spelling, articles) for every tag, in key order (one spelling per key)."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT min(tag), count(*) FROM tags GROUP BY key ORDER BY key")]


def pending_analysis(conn: sqlite3.Connection, limit: int = 500,
                     after: tuple[str, int] | None = None) -> list[int]:
    """Articles whose body changed since the analyzers last ran (also catches up after a kill),
    newest first: the top of the list the reader sees gets its actors and links first.
    `after`: the (published, id) of the last one a run already took, to page on."""
    if after is None:
        return [r[0] for r in conn.execute(
            "SELECT id FROM articles WHERE analysed = 0 ORDER BY published DESC, id DESC "
            "LIMIT ?", (limit,))]
    return [r[0] for r in conn.execute(
        "SELECT id FROM articles WHERE analysed = 0 AND (published, id) < (?, ?) "
        "ORDER BY published DESC, id DESC LIMIT ?", (*after, limit))]


def position(conn: sqlite3.Connection, article_id: int) -> tuple[str, int]:
    """(published, id): where an article sits in the newest-first order."""
    row = conn.execute("SELECT published, id FROM articles WHERE id = ?",
                       (article_id,)).fetchone()
    return str(row[0]), int(row[1])


def texts_for_analysis(conn: sqlite3.Connection, ids: Sequence[int]) -> list[sqlite3.Row]:
    """Title and body as the reader shows them (actor spans index into exactly this)."""
    return conn.execute(
        f"SELECT id, title, coalesce(body, '') AS body, published, lang, extracted_at, "
        f"published = first_seen AS undated "
        f"FROM articles "
        f"WHERE id IN ({_marks(ids)}) ORDER BY id", tuple(ids)).fetchall()


def mark_analysed(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    if ids:
        conn.execute(f"UPDATE articles SET analysed = 1 WHERE id IN ({_marks(ids)})", tuple(ids))


def mark_analysed_unchanged(conn: sqlite3.Connection,
                            texts: Sequence[sqlite3.Row | Mapping[str, object]]) -> None:
    """Mark analysed only where the body is still the one analysed (another process may have
    extracted a new one meanwhile: that article stays pending)."""
    conn.executemany("UPDATE articles SET analysed = 1 WHERE id = ? "
                     "AND coalesce(extracted_at, '') = coalesce(?, '')",
                     [(r["id"], r["extracted_at"]) for r in texts])
