"""Links between articles about the same event, and stories: the SQL side of tui.core.related.

`index_articles` runs inside the analyzer's transaction after actor mentions are stored. Per
article it (1) counts its keys into the document frequencies, (2) freezes its weighted features,
(3) finds candidates through the inverted index `link_keys` - only articles sharing an actor, a
place, a rare term or a MinHash band within the time window, never all pairs - (4) scores them,
keeps the top links in both directions, and (5) places it in a story. The cost of one article
depends on how much news shares its keys that week, not on the size of the cache.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from tui.core import stories as story_logic
from tui.core.models import from_iso, to_iso
from tui.core.related import (
    DAY,
    HYBRID,
    WINDOW_DAYS,
    Features,
    Method,
    Raw,
    idf,
    raw_features,
    reasons,
    score,
    weigh,
)

TOP_LINKS = 20  # kept per article
CANDIDATES = 30  # fully scored per new article
POSTINGS = 200  # read per key and window, nearest in time: a key that common says little
MAX_KEYS = 200  # rarest keys asked per article (SQLite allows 500 terms in one compound SELECT)
_CHUNK = 500


@dataclass(frozen=True)
class RelatedItem:
    id: int
    title: str
    feed: str
    published: datetime
    score: float
    reasons: str


@dataclass(frozen=True)
class Story:
    id: int
    label: str
    article_ids: tuple[int, ...]
    first: datetime
    last: datetime
    outlets: tuple[str, ...]


def _chunks(items: Sequence[object]) -> Iterable[Sequence[object]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


# ---------------------------------------------------------------- indexing


def _load_raw(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple[datetime, Raw]]:
    mentions: dict[int, list[tuple[str, int, str]]] = defaultdict(list)
    out = {}
    for chunk in _chunks(ids):
        marks = _marks(len(chunk))
        for aid, actor, count, spans in conn.execute(
                f"SELECT article_id, actor_id, count, spans FROM actor_mentions "
                f"WHERE article_id IN ({marks})", tuple(chunk)):
            mentions[aid].append((actor, count, spans))
        for aid, title, body, published in conn.execute(
                f"SELECT id, title, coalesce(body, feed_content, summary, ''), published "
                f"FROM articles WHERE id IN ({marks})", tuple(chunk)):
            out[aid] = (from_iso(published), raw_features(title, body, mentions[aid]))
    return out


def _forget(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Drop what an earlier version of these articles left (their body changed)."""
    for chunk in _chunks(ids):
        marks, args = _marks(len(chunk)), tuple(chunk)
        conn.execute(f"DELETE FROM link_features WHERE article_id IN ({marks})", args)
        conn.execute(f"DELETE FROM link_keys WHERE article_id IN ({marks})", args)
        conn.execute(f"DELETE FROM links WHERE article_id IN ({marks})", args)
        conn.execute(f"DELETE FROM links WHERE other_id IN ({marks})", args)
        conn.execute(f"DELETE FROM story_articles WHERE article_id IN ({marks})", args)


def _df(conn: sqlite3.Connection, keys: Iterable[str]) -> dict[str, int]:
    wanted = sorted(set(keys) | {""})
    out: dict[str, int] = {}
    for chunk in _chunks(wanted):
        out.update(conn.execute(f"SELECT key, df FROM link_df WHERE key IN ({_marks(len(chunk))})",
                                tuple(chunk)).fetchall())
    return out


def index_articles(conn: sqlite3.Connection, article_ids: Sequence[int], *,
                   method: Method = HYBRID,
                   raws: dict[int, tuple[datetime, Raw]] | None = None,
                   waiting: Mapping[str, int] | None = None) -> None:
    """Link these (new or changed) articles to the cache and place them in stories.

    `raws` are the articles' text features when a worker process already computed them (the
    CPU-heavy half of linking); otherwise they are computed here. `waiting` counts the keys of
    articles the same run will link next: counted as if known already, so the first batch of a
    big first ingest gets the rarity weights the last one gets (weights are frozen when stored).
    """
    ids = sorted(set(article_ids))
    if not ids:
        return
    _forget(conn, ids)
    if raws is None:
        raws = _load_raw(conn, ids)
    counted = Counter(key for _when, raw in raws.values() for key in ["", *raw.df_keys()])
    conn.executemany("INSERT INTO link_df(key, df) VALUES(?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET df = df + excluded.df", counted.items())
    wanted = {k for _w, raw in raws.values() for k in raw.df_keys()}
    df = _df(conn, wanted)
    if waiting:
        df = {k: df.get(k, 0) + waiting.get(k, 0) for k in {*df, *wanted, ""}}
    docs = df.get("", 1)
    touched: set[int] = set()
    grown: set[int] = set()
    members: dict[int, list[int]] = {}  # story id -> members, kept for the whole batch
    for aid in ids:
        if aid not in raws:
            continue
        when, raw = raws[aid]
        feats = weigh(raw, when, df, docs)
        conn.execute("INSERT INTO link_features(article_id, published, features, df_keys) "
                     "VALUES(?, ?, ?, ?)",
                     (aid, feats.published, feats.dumps(), json.dumps(raw.df_keys())))
        near = _link(conn, aid, feats, method)
        touched.update((aid, *near))
        conn.executemany("INSERT OR IGNORE INTO link_keys(key, published, article_id) "
                         "VALUES(?, ?, ?)", [(k, feats.published, aid) for k in feats.index_keys()])
        grown.update(_place(conn, aid, feats.published, near, method, members))
    _prune(conn, touched)
    for sid in sorted(grown):
        _relabel(conn, sid)


def _candidates(conn: sqlite3.Connection, aid: int, feats: Features) -> list[int]:
    """Articles sharing a key in the window, best prescored (sum of shared keys' rarity).

    One statement: SQLite walks every key's postings and sums the weights in C (walking them
    in Python was a quarter of a cold ingest)."""
    lo, hi = feats.published - WINDOW_DAYS * DAY, feats.published + WINDOW_DAYS * DAY
    keys = feats.index_keys()
    df = _df(conn, keys)
    docs = df.get("", 1)
    weighted = sorted(((3.0 if key.startswith("m:") else idf(df.get(key, 0), docs), key)
                       for key in keys), reverse=True)[:MAX_KEYS]
    if not weighted:
        return []
    # A common key ("Putin") has thousands of postings a week: read those nearest in time.
    parts, args = [], []
    for weight, key in weighted:
        parts += [_LATER, _EARLIER]
        args += [weight, key, feats.published, hi, POSTINGS // 2,
                 weight, key, lo, feats.published, POSTINGS // 2]
    rows = conn.execute(
        f"SELECT article_id FROM ({' UNION ALL '.join(parts)}) WHERE article_id != ? "
        "GROUP BY article_id ORDER BY sum(w) DESC, article_id LIMIT ?",
        (*args, aid, CANDIDATES))
    return [other for (other,) in rows]


_LATER = ("SELECT article_id, ? AS w FROM (SELECT article_id FROM link_keys WHERE key = ? AND "
          "published BETWEEN ? AND ? ORDER BY published LIMIT ?)")
_EARLIER = ("SELECT article_id, ? AS w FROM (SELECT article_id FROM link_keys WHERE key = ? AND "
            "published >= ? AND published < ? ORDER BY published DESC LIMIT ?)")


_decoded: dict[tuple[float, str], Features] = {}
_DECODED_MAX = 5_000  # ~5 KB each decoded: bounded at a few tens of MB


def _features(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, Features]:
    """Stored features by id. Decoding JSON was a sixth of linking time, and in a burst of new
    articles the same neighbours come up again and again: decoded ones are kept, keyed by the
    stored text itself, so a changed article can never be served stale."""
    out = {}
    for chunk in _chunks(ids):
        for aid, published, text in conn.execute(
                "SELECT article_id, published, features FROM link_features "
                f"WHERE article_id IN ({_marks(len(chunk))})", tuple(chunk)):
            key = (published, text)
            feats = _decoded.pop(key, None)  # re-inserted below: least recently used go first
            if feats is None:
                if len(_decoded) >= _DECODED_MAX:
                    del _decoded[next(iter(_decoded))]
                feats = Features.loads(published, text)
            out[aid] = _decoded[key] = feats
    return out


def _link(conn: sqlite3.Connection, aid: int, feats: Features, method: Method) -> dict[int, float]:
    """Score candidates, store the links both ways; returns other id -> score of kept links."""
    near: dict[int, float] = {}
    rows = []
    for other, their in _features(conn, _candidates(conn, aid, feats)).items():
        s = score(feats, their, method)
        if s.total >= method.link_min:
            near[other] = s.total
            why = reasons(s)
            rows += [(aid, other, s.total, why), (other, aid, s.total, why)]
    conn.executemany("INSERT OR REPLACE INTO links(article_id, other_id, score, reasons) "
                     "VALUES(?, ?, ?, ?)", rows)
    return near


def _prune(conn: sqlite3.Connection, touched: set[int]) -> None:
    """Keep the TOP_LINKS best links of every article a batch touched (once per batch: SQLite
    ranks them; a DELETE per full article was a tenth of linking)."""
    for chunk in _chunks(sorted(touched)):
        drop = conn.execute(
            "SELECT article_id, other_id FROM (SELECT article_id, other_id, row_number() OVER "
            "(PARTITION BY article_id ORDER BY score DESC, other_id) AS rank FROM links "
            f"WHERE article_id IN ({_marks(len(chunk))})) WHERE rank > ?",
            (*chunk, TOP_LINKS)).fetchall()
        conn.executemany("DELETE FROM links WHERE article_id = ? AND other_id = ?", drop)


# ---------------------------------------------------------------- stories


def _members(conn: sqlite3.Connection, story_id: int) -> list[int]:
    return [r[0] for r in conn.execute(
        "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY article_id",
        (story_id,))]


def _linkage(conn: sqlite3.Connection, a: Sequence[int], b: Sequence[int]) -> float:
    """Average stored link score between two groups (a missing link counts as 0)."""
    if not a or not b:
        return 0.0
    total = conn.execute(
        f"SELECT coalesce(sum(score), 0) FROM links WHERE article_id IN ({_marks(len(a))}) "
        f"AND other_id IN ({_marks(len(b))})", (*a, *b)).fetchone()[0]
    return float(total) / (len(a) * len(b))


def _span_ok(conn: sqlite3.Connection, ids: Sequence[int], extra: float) -> bool:
    if not ids:
        return True
    lo, hi = conn.execute(f"SELECT min(published), max(published) FROM link_features "
                          f"WHERE article_id IN ({_marks(len(ids))})", tuple(ids)).fetchone()
    lo, hi = min(lo, extra), max(hi, extra)
    return bool((hi - lo) / DAY <= story_logic.MAX_SPAN_DAYS)


def _place(conn: sqlite3.Connection, aid: int, published: float, near: dict[int, float],
           method: Method, known: dict[int, list[int]]) -> list[int]:
    """Put the article in a story; returns the story to relabel (once per batch). `known`
    caches story members across the batch; the stories changed here are dropped from it."""
    if not near:
        return []
    story_of = dict(conn.execute(
        f"SELECT article_id, story_id FROM story_articles WHERE article_id IN "
        f"({_marks(len(near))})", tuple(near)).fetchall())

    def members(sid: int) -> list[int]:
        if sid not in known:
            known[sid] = _members(conn, sid)
        return known[sid]

    plan = story_logic.plan(near, story_of, members, lambda a, b: _linkage(conn, a, b),
                            method.story_min, lambda ids: _span_ok(conn, ids, published))
    if plan.join is not None:
        sid = plan.join
        for other in plan.merge:
            conn.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (sid, other))
            conn.execute("DELETE FROM stories WHERE id = ?", (other,))
            known.pop(other, None)
        new = [aid]
    elif plan.new_with:
        sid = int(conn.execute("INSERT INTO stories(label, first, last) VALUES('', '', '')")
                  .lastrowid or 0)
        new = [aid, *plan.new_with]
    else:
        return []
    conn.executemany("INSERT OR REPLACE INTO story_articles(story_id, article_id) VALUES(?, ?)",
                     [(sid, a) for a in new])
    known.pop(sid, None)
    return [sid]


def _relabel(conn: sqlite3.Connection, sid: int) -> None:
    feats = _features(conn, _members(conn, sid))
    if not feats:
        return
    text, first, last = story_logic.label(feats.values())
    conn.execute("UPDATE stories SET label = ?, first = ?, last = ? WHERE id = ?",
                 (text, to_iso(datetime.fromtimestamp(first, UTC)),
                  to_iso(datetime.fromtimestamp(last, UTC)), sid))


# ---------------------------------------------------------------- reading

_FEED = ("(SELECT f.name FROM article_feeds af JOIN feeds f ON f.id = af.feed_id "
         "WHERE af.article_id = a.id ORDER BY af.feed_id LIMIT 1)")


def related(conn: sqlite3.Connection, article_id: int, limit: int = 10) -> list[RelatedItem]:
    """Other outlets' coverage of the same event, best first, each with why."""
    rows = conn.execute(
        f"SELECT a.id, a.title, {_FEED} AS feed, a.published, l.score, l.reasons FROM links l "
        "JOIN articles a ON a.id = l.other_id WHERE l.article_id = ? "
        "ORDER BY l.score DESC, a.id LIMIT ?", (article_id, limit)).fetchall()
    return [RelatedItem(r[0], r[1], r[2] or "", from_iso(r[3]), r[4], r[5]) for r in rows]


def _story(conn: sqlite3.Connection, row: sqlite3.Row | tuple[object, ...]) -> Story:
    sid, text, first, last = row[0], row[1], row[2], row[3]
    ids = tuple(r[0] for r in conn.execute(
        "SELECT s.article_id FROM story_articles s JOIN articles a ON a.id = s.article_id "
        "WHERE s.story_id = ? ORDER BY a.published, a.id", (sid,)))
    outlets = tuple(dict.fromkeys(r[0] for r in conn.execute(
        "SELECT f.name FROM story_articles s JOIN article_feeds af ON af.article_id = s.article_id "
        "JOIN feeds f ON f.id = af.feed_id JOIN articles a ON a.id = s.article_id "
        "WHERE s.story_id = ? ORDER BY a.published, f.name", (sid,))))
    return Story(int(str(sid)), str(text), ids, from_iso(str(first)), from_iso(str(last)), outlets)


def stories(conn: sqlite3.Connection, limit: int = 100) -> list[Story]:
    """Stories with at least two articles, newest first."""
    rows = conn.execute(
        "SELECT s.id, s.label, s.first, s.last FROM stories s WHERE s.first != '' AND "
        "(SELECT count(*) FROM story_articles m WHERE m.story_id = s.id) >= 2 "
        "ORDER BY s.last DESC, s.id DESC LIMIT ?", (limit,)).fetchall()
    return [_story(conn, r) for r in rows]


def story_of(conn: sqlite3.Connection, article_id: int) -> Story | None:
    row = conn.execute(
        "SELECT s.id, s.label, s.first, s.last FROM story_articles m JOIN stories s "
        "ON s.id = m.story_id WHERE m.article_id = ?", (article_id,)).fetchone()
    if row is None or len(_members(conn, row[0])) < 2:
        return None
    return _story(conn, row)
