"""Links between articles about the same event, and stories: the SQL side of linking.

Only SQL lives here; deciding what links and which story an article joins is
`tui.core.linking.index`. Candidates come from the inverted index `link_keys` (articles sharing
an actor, a place, a rare term or a MinHash band within the time window), never all pairs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Container, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from itertools import chain
from typing import Any

from orjson import loads

from tui.core.basics import to_iso

POSTINGS = 100  # read per key and window, nearest in time: a key that common says little
_CHUNK = 500
# rows per INSERT ... VALUES statement: executemany runs a statement per row, and those runs
# (not SQLite's B-trees) were a quarter of storing a cold run's 216k postings
_VALUES = 200


def _chunks(items: Sequence[object]) -> Iterable[Sequence[object]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _insert_values(conn: sqlite3.Connection, head: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """`head` ("INSERT ... VALUES") with `rows`, _VALUES rows a statement, in their order."""
    if not rows:
        return
    one = f"({_marks(len(rows[0]))})"
    full = len(rows) - len(rows) % _VALUES
    if full:
        conn.executemany(head + ",".join([one] * _VALUES),
                         [tuple(chain.from_iterable(rows[i:i + _VALUES]))
                          for i in range(0, full, _VALUES)])
    if rest := rows[full:]:
        conn.execute(head + ",".join([one] * len(rest)), tuple(chain.from_iterable(rest)))


def _rows_in(conn: sqlite3.Connection, sql: str, ids: Sequence[object],
             *after: object) -> Iterator[tuple[Any, ...]]:
    """The rows of `sql` (its `{ids}` a list of `ids`, then the `after` parameters), a chunk of
    ids a statement: SQLite binds at most a few hundred parameters."""
    for chunk in _chunks(ids):
        yield from conn.execute(sql.replace("{ids}", _marks(len(chunk))), (*chunk, *after))


# ---------------------------------------------------------------- indexing


def texts(conn: sqlite3.Connection, ids: Sequence[int]
          ) -> dict[int, tuple[str, str, str, list[tuple[str, int, str]]]]:
    """id -> (published, title, text, actor mentions as (actor, count, spans JSON))."""
    mentions: dict[int, list[tuple[str, int, str]]] = {}
    out = {}
    for chunk in _chunks(ids):
        marks = _marks(len(chunk))
        for aid, actor, count, spans in conn.execute(
                f"SELECT article_id, actor_id, count, spans FROM actor_mentions "
                f"WHERE article_id IN ({marks})", tuple(chunk)):
            mentions.setdefault(aid, []).append((actor, count, spans))
        for aid, title, body, published in conn.execute(
                f"SELECT id, title, coalesce(body, feed_content, summary, ''), published "
                f"FROM articles WHERE id IN ({marks})", tuple(chunk)):
            out[aid] = (published, title, body, mentions.get(aid, []))
    return out


def forget(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Drop what an earlier version of these articles left (their body changed)."""
    for chunk in _chunks(ids):
        marks, args = _marks(len(chunk)), tuple(chunk)
        conn.execute(f"DELETE FROM link_features WHERE article_id IN ({marks})", args)
        conn.execute(f"DELETE FROM link_weighed WHERE article_id IN ({marks})", args)
        conn.execute(f"DELETE FROM link_keys WHERE article_id IN ({marks})", args)
        conn.execute(f"DELETE FROM links WHERE article_id IN ({marks})", args)
        conn.execute(f"DELETE FROM links WHERE other_id IN ({marks})", args)
        conn.execute(f"DELETE FROM story_articles WHERE article_id IN ({marks})", args)


def count_keys(conn: sqlite3.Connection, counted: Iterable[tuple[str, int]]) -> None:
    conn.executemany("INSERT INTO link_df(key, df) VALUES(?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET df = df + excluded.df", counted)


def count_key_lists(conn: sqlite3.Connection, key_lists: Sequence[str]) -> None:
    """Count each article's df keys (a JSON array each, as stored) into the document
    frequencies, and the articles into the key "". One statement that SQLite counts and sorts:
    decoding the lists, a Counter and a statement per distinct key (~2,000 a batch) were
    most of the writer's counting."""
    conn.execute("INSERT INTO link_df(key, df) SELECT k.value, count(*) FROM json_each(?) a, "
                 "json_each(a.value) k WHERE true GROUP BY k.value "
                 "ON CONFLICT(key) DO UPDATE SET df = df + excluded.df",
                 (f"[{','.join(key_lists)}]",))
    count_keys(conn, [("", len(key_lists))])


def df(conn: sqlite3.Connection, keys: Iterable[str]) -> dict[str, int]:
    """Document frequency of each key; the key "" counts the documents."""
    wanted = sorted(set(keys) | {""})
    return dict(_rows_in(conn, "SELECT key, df FROM link_df WHERE key IN ({ids})", wanted))


def store_raws(conn: sqlite3.Connection, rows: Sequence[tuple[int, float, str, str]]) -> None:
    """Articles' unweighed features as (article, published, raw JSON, its df keys as JSON);
    their weighed ones come with `set_features`."""
    conn.executemany("INSERT INTO link_features(article_id, published, df_keys, raw) "
                     "VALUES(?, ?, ?, ?)",
                     [(aid, published, keys, raw) for aid, published, raw, keys in rows])


def set_features(conn: sqlite3.Connection, rows: Sequence[tuple[int, str, int]],
                 keys: Sequence[str], published: Sequence[float], ids: Sequence[int]) -> None:
    """Weighed features (article, features JSON, `docs`: the document count they were weighed
    at) and the articles' postings in the candidate index, as the columns key, published and
    article, replacing earlier ones; of the articles still indexed only. A batch at a time,
    keys in index order: a key per statement in random order was most of storing them. The
    features go in a table of their own: an UPDATE of link_features rewrote each ~2.7 KB row
    (raw and df_keys too) through the WAL."""
    if not rows:
        return
    weighed = [aid for aid, _f, _d in rows]
    present = dict(_rows_in(conn, "SELECT article_id, published FROM link_features "
                                  "WHERE article_id IN ({ids})", weighed))
    _insert_values(conn, "INSERT OR REPLACE INTO link_weighed(article_id, published, docs, "
                         "features) VALUES ",
                   [(aid, present[aid], docs, features) for aid, features, docs in rows
                    if aid in present])
    for chunk in _chunks(weighed):
        conn.execute(f"DELETE FROM link_keys WHERE article_id IN ({_marks(len(chunk))})",
                     tuple(chunk))
    postings = list(zip(keys, published, ids, strict=True))
    if len(present) < len(set(weighed)):  # gone meanwhile: no keys for them
        postings = [p for p in postings if p[2] in present]
    _insert_values(conn, "INSERT OR IGNORE INTO link_keys(key, published, article_id) VALUES ",
                   postings)


def unlink(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Drop the links to and from these articles (they are about to be linked again)."""
    for chunk in _chunks(ids):
        marks, args = _marks(len(chunk)), tuple(chunk)
        conn.execute(f"DELETE FROM links WHERE article_id IN ({marks})", args)
        conn.execute(f"DELETE FROM links WHERE other_id IN ({marks})", args)


def weighed_off(conn: sqlite3.Connection, since: float, docs: int, drift: float) -> list[int]:
    """Articles published from `since` whose features were weighed when the cache held a
    document count more than `drift` (a share) away from `docs`."""
    return sorted(r[0] for r in conn.execute(  # sorted here: an ORDER BY walks every row
        "SELECT article_id FROM link_weighed WHERE published >= ? AND docs > 0 "
        "AND abs(docs - ?) > ? * docs", (since, docs, drift)))


def newest(conn: sqlite3.Connection) -> float | None:
    """The latest publication time of an indexed article."""
    row = conn.execute("SELECT max(published) FROM link_features").fetchone()
    return float(row[0]) if row and row[0] is not None else None


def raws(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple[float, str]]:
    """id -> (published, raw JSON) as stored with the features."""
    return {aid: (published, raw) for aid, published, raw in _rows_in(
        conn, "SELECT article_id, published, raw FROM link_features WHERE article_id IN ({ids})",
        ids)}


def candidates(conn: sqlite3.Connection, aid: int, published: float,
               weighted: list[tuple[float, str]], window: tuple[float, float],
               limit: int, halving: float) -> list[int]:
    """Articles sharing a key in the window, best prescored: the sum over shared keys of the
    key's weight, each posting discounted by time apart (halved every `halving` seconds).

    One statement: SQLite walks every key's postings and sums the weights in C (walking them
    in Python was a quarter of a cold ingest). A common key ("Putin") has thousands of postings
    a week: only those nearest in time are read."""
    if not weighted:
        return []
    lo, hi = window
    parts, args = [], []
    for weight, key in weighted:
        parts += [_LATER, _EARLIER]
        args += [weight, key, published, hi, POSTINGS // 2,
                 weight, key, lo, published, POSTINGS // 2]
    rows = conn.execute(
        f"SELECT article_id FROM ({' UNION ALL '.join(parts)}) WHERE article_id != ? "
        "GROUP BY article_id ORDER BY sum(w / (1.0 + abs(published - ?) / ?)) DESC, article_id "
        "LIMIT ?", (*args, aid, published, halving, limit))
    return [other for (other,) in rows]


_LATER = ("SELECT article_id, published, ? AS w FROM (SELECT article_id, published FROM "
          "link_keys WHERE key = ? AND published BETWEEN ? AND ? ORDER BY published LIMIT ?)")
_EARLIER = ("SELECT article_id, published, ? AS w FROM (SELECT article_id, published FROM "
            "link_keys WHERE key = ? AND published >= ? AND published < ? "
            "ORDER BY published DESC LIMIT ?)")


def keys_of(conn: sqlite3.Connection, ids: Sequence[int]
            ) -> dict[int, tuple[list[str], float]]:
    """id -> (its keys in the candidate index, its publication time). A row per article, its
    keys one JSON array: a row per key (~160 an article) was half of reading them."""
    return {aid: (loads(keys), published) for aid, keys, published in _rows_in(
        conn, "SELECT article_id, json_group_array(key), max(published) FROM link_keys "
              "WHERE article_id IN ({ids}) GROUP BY article_id", ids)}


def postings(conn: sqlite3.Connection, keys: Sequence[str], lo: float, hi: float
             ) -> Iterator[tuple[str, float, int]]:
    """(key, published, article) of every posting of `keys` published in [lo, hi], in the
    index's order: by key, then time, then article."""
    return _rows_in(conn, "SELECT key, published, article_id FROM link_keys WHERE key IN "
                          "({ids}) AND published BETWEEN ? AND ? ORDER BY key, published, "
                          "article_id", keys, lo, hi)


def posting_lists(conn: sqlite3.Connection, keys: Sequence[str], lo: float, hi: float
                  ) -> dict[str, str]:
    """Key -> the articles of its postings published in [lo, hi], comma-separated, as SQLite
    walks the index (by time, then article; the caller checks): a row per key, not per
    posting (a tuple each was most of loading a round's postings). Only keys with two
    postings or more there: a key one article alone holds links it to nothing (most MinHash
    bands of a cold run: 75k of its 83k keys)."""
    return dict(_rows_in(conn, "SELECT key, group_concat(article_id) FROM link_keys WHERE key "
                               "IN ({ids}) AND published BETWEEN ? AND ? GROUP BY key "
                               "HAVING count(*) > 1", keys, lo, hi))


def window_lists(conn: sqlite3.Connection, lo: float, hi: float) -> dict[str, str]:
    """`posting_lists` of every key with two postings or more in [lo, hi]: one walk of the
    whole index, for a round about as big as the cache."""
    return dict(conn.execute("SELECT key, group_concat(article_id) FROM link_keys WHERE "
                             "published BETWEEN ? AND ? GROUP BY key HAVING count(*) > 1",
                             (lo, hi)))


def window_times(conn: sqlite3.Connection, lo: float, hi: float
                 ) -> dict[int, tuple[float, float]]:
    """`posted_at` of every article with a posting in [lo, hi] (those postings' times)."""
    return {aid: (first, last) for aid, first, last in conn.execute(
        "SELECT article_id, min(published), max(published) FROM link_keys "
        "WHERE published BETWEEN ? AND ? GROUP BY article_id", (lo, hi))}


def posted_at(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple[float, float]]:
    """id -> the earliest and latest time its postings carry (the same, as set_features
    writes them)."""
    return {aid: (lo, hi) for aid, lo, hi in _rows_in(
        conn, "SELECT article_id, min(published), max(published) FROM link_keys "
              "WHERE article_id IN ({ids}) GROUP BY article_id", ids)}


def features(conn: sqlite3.Connection, ids: Sequence[int]) -> list[tuple[int, float, str]]:
    """Stored features as (id, published, JSON text)."""
    return list(_rows_in(conn, "SELECT article_id, published, features FROM link_weighed "
                               "WHERE article_id IN ({ids})", ids))


def store_links(conn: sqlite3.Connection, rows: Iterable[tuple[int, int, float, str, int]]
                ) -> None:
    """(article, other, probability, reasons, whether they say more than the time apart: 1 or
    0; a bool binds ~1 us a row slower). A statement a row: 200-row VALUES statements, as
    the postings take, were 1.3x the CPU here (paired, a cold run's 194k links)."""
    conn.executemany("INSERT OR REPLACE INTO links(article_id, other_id, score, reasons, "
                     "says_why) VALUES(?, ?, ?, ?, ?)", rows)


def prune(conn: sqlite3.Connection, touched: set[int], keep: int) -> None:
    """Keep the `keep` best links of every article a batch touched (once per batch: SQLite
    ranks them; a DELETE per full article was a tenth of linking)."""
    for chunk in _chunks(sorted(touched)):
        drop = conn.execute(
            "SELECT article_id, other_id FROM (SELECT article_id, other_id, row_number() OVER "
            "(PARTITION BY article_id ORDER BY score DESC, other_id) AS rank FROM links "
            f"WHERE article_id IN ({_marks(len(chunk))})) WHERE rank > ?",
            (*chunk, keep)).fetchall()
        conn.executemany("DELETE FROM links WHERE article_id = ? AND other_id = ?", drop)


def indexed(conn: sqlite3.Connection) -> list[int]:
    """Every article with stored features."""
    return [r[0] for r in conn.execute("SELECT article_id FROM link_features ORDER BY article_id")]


def drop_links(conn: sqlite3.Connection) -> None:
    """Every link and story (features and the index stay)."""
    conn.execute("DELETE FROM links")
    conn.execute("DELETE FROM story_articles")
    conn.execute("DELETE FROM stories")


# ---------------------------------------------------------------- stories


def members(conn: sqlite3.Connection, story_id: int) -> list[int]:
    return [r[0] for r in conn.execute(
        "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY article_id",
        (story_id,))]


def members_by_story(conn: sqlite3.Connection, story_ids: Sequence[int]) -> dict[int, list[int]]:
    """Story id -> its members by id."""
    out: dict[int, list[int]] = {}
    for sid, aid in _rows_in(conn, "SELECT story_id, article_id FROM story_articles WHERE "
                                   "story_id IN ({ids}) ORDER BY story_id, article_id",
                             story_ids):
        out.setdefault(sid, []).append(aid)
    return out


def stories_of(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, int]:
    """article id -> story id, for those in a story."""
    return dict(_rows_in(conn, "SELECT article_id, story_id FROM story_articles "
                               "WHERE article_id IN ({ids})", ids))


def members_of(conn: sqlite3.Connection, story_ids: Sequence[int]) -> set[int]:
    return {r[0] for r in _rows_in(
        conn, "SELECT article_id FROM story_articles WHERE story_id IN ({ids})", story_ids)}


def neighbours(conn: sqlite3.Connection, ids: Sequence[int], min_score: float) -> set[int]:
    """Articles linked to any of `ids` at `min_score` or more."""
    return {r[0] for r in _rows_in(
        conn, "SELECT other_id FROM links WHERE article_id IN ({ids}) AND score >= ?", ids,
        min_score)}


def published(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, float]:
    """Publication time (epoch seconds) of these indexed articles."""
    return dict(_rows_in(conn, "SELECT article_id, published FROM link_features "
                               "WHERE article_id IN ({ids})", ids))


def links_among(conn: sqlite3.Connection, ids: Sequence[int]
                ) -> Iterator[tuple[int, int, float, int]]:
    """(a, b, score, says_why) for links from one of `ids` to another (a pair may come twice)."""
    return links_from(conn, ids, set(ids))


def links_from(conn: sqlite3.Connection, ids: Sequence[int], to: Container[int]
               ) -> Iterator[tuple[int, int, float, int]]:
    """(a, b, score, says_why) for links from one of `ids` to one of `to`."""
    for chunk in _chunks(sorted(ids)):
        for a, b, score, why in conn.execute(
                f"SELECT article_id, other_id, score, says_why FROM links WHERE article_id IN "
                f"({_marks(len(chunk))})", tuple(chunk)):
            if b in to:
                yield a, b, score, why


def rewrite_stories(conn: sqlite3.Connection, region: Sequence[int],
                    plan: dict[int, list[int]]) -> None:
    """The stories of `region` become `plan` (story id -> members): members move first and
    only then do the left-over rows go, so a story that keeps its members keeps its row and
    label; stories left empty are deleted."""
    before = set(stories_of(conn, region).values())
    conn.executemany("INSERT OR IGNORE INTO stories(id, label, first, last) VALUES(?, '', '', '')",
                     [(sid,) for sid in sorted(plan)])
    conn.executemany("INSERT OR REPLACE INTO story_articles(story_id, article_id) VALUES(?, ?)",
                     [(sid, a) for sid, ids in sorted(plan.items()) for a in ids])
    placed = {a for ids in plan.values() for a in ids}
    gone = [a for a in region if a not in placed]
    for chunk in _chunks(gone):
        conn.execute(f"DELETE FROM story_articles WHERE article_id IN ({_marks(len(chunk))})",
                     tuple(chunk))
    for chunk in _chunks(sorted(before - set(plan))):  # REPLACE fires no delete trigger
        conn.execute(f"DELETE FROM stories WHERE id IN ({_marks(len(chunk))}) AND NOT EXISTS "
                     "(SELECT 1 FROM story_articles m WHERE m.story_id = stories.id)",
                     tuple(chunk))


def new_story(conn: sqlite3.Connection) -> int:
    return int(conn.execute("INSERT INTO stories(label, first, last) VALUES('', '', '')")
               .lastrowid or 0)


def label_story(conn: sqlite3.Connection, sid: int, label: str, first: float, last: float) -> None:
    label_stories(conn, [(sid, label, first, last)])


def label_stories(conn: sqlite3.Connection,
                  rows: Iterable[tuple[int, str, float, float]]) -> None:
    """(story, label, first, last) of many stories in one statement: a cold run labels
    thousands."""
    def iso(at: float) -> str:
        return to_iso(datetime.fromtimestamp(at, UTC))

    conn.executemany("UPDATE stories SET label = ?, first = ?, last = ? WHERE id = ?",
                     [(label, iso(first), iso(last), sid) for sid, label, first, last in rows])
