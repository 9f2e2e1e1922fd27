"""The read side of links and stories: an article's related coverage and the stories, as both
faces list them. What writes them is `links.py` (driven by `tui.core.linking`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from tui.core.basics import from_iso


@dataclass(frozen=True)
class RelatedItem:
    id: int
    title: str
    feed: str
    published: datetime
    score: float
    reasons: str
    in_story: bool = False  # in the article's story: listed first whatever its pair's score
    says_why: bool = True  # its reasons say more than the time apart (as the link was scored)
    across: bool = False  # the two articles are in two scripts (no words to compare)
    shared: int = 0  # of the article's other links, how many this one links too


@dataclass(frozen=True)
class Story:
    id: int
    label: str
    article_ids: tuple[int, ...]
    first: datetime
    last: datetime
    outlets: tuple[str, ...]


_FEED = ("(SELECT f.name FROM article_feeds af JOIN feeds f ON f.id = af.feed_id "
         "WHERE af.article_id = a.id ORDER BY af.feed_id LIMIT 1)")


def related(conn: sqlite3.Connection, article_id: int, limit: int = 10,
            shown: Callable[[RelatedItem], bool] | None = None,
            support: float | None = None) -> list[RelatedItem]:
    """Other outlets' coverage of the same event, each with why: the article's story first,
    then the rest, best first (of the story, only the members in the article's run: none
    more than `related_rank.STORY_GAP_DAYS` from the next). A story weighs every pair among
    its members (average linkage), so it tells the coverage of an event from the next day's
    strike on the same people and city better than one pair's probability does
    (tests/data/related_eval.md). Within each tier, best by `related_rank.rank_value`: the
    pair's log-odds and `support` (None: the model's fitted weight, `fitted.support`; the
    benches pass a fold's) times the item's second-order support (its links to the article's
    other links). `shown`: which items a list shows (`tui.core.related_items.shown`); None
    lists every stored link."""
    from tui.core.related_rank import rank_value
    from tui.core.related_rank import support as support_of

    if support is None:
        from tui.core.fitted import support as fitted_support

        support = fitted_support()
    rows = conn.execute(
        f"SELECT a.id, a.title, {_FEED} AS feed, a.published, l.score, l.reasons, "
        "coalesce(mine.story_id = theirs.story_id, 0) AS same, l.says_why, "
        "coalesce(json_extract(lf.features, '$.s') != "
        "(SELECT json_extract(features, '$.s') FROM link_weighed WHERE article_id = ?), 0), "
        "a.key FROM links l JOIN articles a ON a.id = l.other_id "
        "LEFT JOIN story_articles mine ON mine.article_id = l.article_id "
        "LEFT JOIN story_articles theirs ON theirs.article_id = l.other_id "
        "LEFT JOIN link_weighed lf ON lf.article_id = l.other_id "
        "WHERE l.article_id = ? "
        # equal scores (copies of one report) by date and key, never id: arrival must not show
        "ORDER BY same DESC, l.score DESC, a.published DESC, a.key",
        (article_id, article_id)).fetchall()  # TOP_LINKS at most: cut once hidden ones are out
    near = _mass(conn, article_id, [r[0] for r in rows])
    run = _run(conn, article_id) if rows and rows[0][6] else set()
    if support or any(r[6] and r[0] not in run for r in rows):
        value = {r[0]: rank_value(r[4], support_of(r[4], *near.get(r[0], (0.0, 0.0, 0))[:2]),
                                  support) for r in rows}
        rows.sort(key=lambda r: r[9])  # stable sorts, last key first: the store's ties
        rows.sort(key=lambda r: r[3], reverse=True)
        rows.sort(key=lambda r: (r[0] not in run, -value[r[0]]))
    items = (RelatedItem(r[0], r[1], r[2] or "", from_iso(r[3]), r[4], r[5], bool(r[6]),
                         bool(r[7]), bool(r[8]), near.get(r[0], (0.0, 0.0, 0))[2])
             for r in rows)
    return list(islice(items if shown is None else filter(shown, items), limit))


def _run(conn: sqlite3.Connection, me: int) -> set[int]:
    """The members of my story in my run (`related_rank.run_of`): the story's tier."""
    from tui.core.related_rank import run_of

    return run_of(me, {a: from_iso(t).timestamp() for a, t in conn.execute(
        "SELECT a.id, a.published FROM story_articles s JOIN articles a ON a.id = s.article_id "
        "WHERE s.story_id = (SELECT story_id FROM story_articles WHERE article_id = ?)",
        (me,))})


def _mass(conn: sqlite3.Connection, me: int, ids: list[int]
          ) -> dict[int, tuple[float, float, int]]:
    """related_rank.mass of each listed item, summed by SQLite in one query (a few hundred
    links: read one by one into Python they cost twice the list's own query)."""
    from tui.core.related_rank import SHARED_FROM

    cursor = conn.cursor()
    cursor.row_factory = None
    marks = ",".join(f":i{k}" for k in range(len(ids)))
    return {a: (t, s, n) for a, t, s, n in cursor.execute(
        "SELECT l.article_id, total(l.score), total(min(l.score, coalesce(m.score, 0))), "
        "count(m.score >= :f AND l.score >= :f OR NULL) FROM links l "
        "LEFT JOIN links m ON m.article_id = :me AND m.other_id = l.other_id "
        f"WHERE l.article_id IN ({marks}) GROUP BY l.article_id",
        {"me": me, "f": SHARED_FROM, **{f"i{k}": v for k, v in enumerate(ids)}})}


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
    if row is None or conn.execute("SELECT count(*) FROM story_articles WHERE story_id = ?",
                                   (row[0],)).fetchone()[0] < 2:
        return None
    return _story(conn, row)


def story_count(conn: sqlite3.Connection) -> int:
    """How many stories `stories` lists with no limit."""
    return int(conn.execute(
        "SELECT count(*) FROM stories s WHERE s.first != '' AND "
        "(SELECT count(*) FROM story_articles m WHERE m.story_id = s.id) >= 2").fetchone()[0])
