"""A small real cache for the query, rules and mutes tests (our own invented articles).

Other test modules import `make_db`, `ids` and `NOW` from here.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.core.places.matcher import place_finder
from tui.core.query import compile_query
from tui.core.store.db import connect

NOW = datetime(2026, 11, 23, 12, 0, 0, tzinfo=UTC)

FEEDS = {1: ("Levant Ledger", "https://ledger.example/rss", None),
         2: ("Moscow Wire", "https://wire.example/feed", "ru"),
         3: ("Gulf Notes", "https://gulf.example/atom", "ar")}

# id: (title, body, feeds, lang, age or ISO date, read, saved, dismissed, tags, actors, story)
ARTICLES = {
    1: ("Iranian and Saudi envoys meet in Baghdad",
        "Shipping security in the Gulf was the first item.\n\nA second round is planned.",
        (1, 3), "en", timedelta(hours=1), 0, 0, 0, ("iran", "gulf"), ("iran", "saudi-arabia"),
        None),
    2: ("Kremlin comments on Black Sea grain corridor",
        "Officials in Moscow said exports would continue through the winter.",
        (2,), "en", timedelta(hours=5), 0, 1, 0, ("russia",), ("vladimir-putin",), 7),
    3: ("Переговоры в Стамбуле продолжатся",
        "Делегации встретятся снова на следующей неделе.",
        (2,), "ru-RU", timedelta(days=1, hours=2), 0, 0, 0, (), (), 7),
    4: ("Beirut port inquiry stalls again",
        "The judge leading the inquiry suspended hearings.",
        (1,), "en", timedelta(days=10), 1, 1, 0, ("lebanon",), (), None),
    5: ("Football league resumes in Damascus",
        "Fans returned to the stadium for the opening match.",
        (1,), "en", timedelta(days=2, hours=1), 0, 0, 1, ("junk",), (), None),
    6: ("Ceasefire talks in Doha enter second week",
        "Mediators from Qatar and Egypt shuttled between delegations.",
        (3,), None, "2024-07-15T08:30:00Z", 1, 0, 0, ("read-later",), ("qatar",), None),
    7: ("'; DROP TABLE articles; --",
        "A hostile headline: x' OR 1=1 -- and [bold red]markup[/] too.",
        (3,), "ar", timedelta(minutes=10), 0, 0, 0, (), (), None),
}


def make_db(path: Path) -> sqlite3.Connection:
    conn = connect(path)
    conn.execute("INSERT INTO stories (id, label, first, last) VALUES (7, 'Black Sea talks', "
                 "'2026-11-22T10:00:00Z', '2026-11-23T07:00:00Z')")
    for fid, (name, url, lang) in FEEDS.items():
        conn.execute("INSERT INTO feeds(id, url, name, lang) VALUES (?, ?, ?, ?)",
                     (fid, url, name, lang))
    for aid, (title, body, feeds, lang, when, read, saved, dismissed, tags, actors,
              story) in ARTICLES.items():
        published = when if isinstance(when, str) else (NOW - when).strftime(
            "%Y-%m-%dT%H:%M:%SZ")
        conn.execute(
            "INSERT INTO articles(id, key, url, title, body, lang, published, first_seen, read,"
            " saved, dismissed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (aid, f"k{aid}", f"https://news.example/{aid}", title, body, lang, published,
             published, read, saved, dismissed))
        for fid in feeds:
            conn.execute("INSERT INTO article_feeds(article_id, feed_id) VALUES (?, ?)", (aid, fid))
        for tag in tags:
            conn.execute("INSERT INTO tags(article_id, key, tag) VALUES (?, ?, ?)",
                         (aid, tag.casefold(), tag))
        for actor in actors:
            conn.execute("INSERT INTO actor_mentions VALUES (?, ?, 1, '[]')", (aid, actor))
        if story is not None:
            conn.execute("INSERT INTO story_articles VALUES (?, ?)", (story, aid))
        for place, count in place_finder().counts(f"{title}\n\n{body}").items():
            conn.execute("INSERT INTO place_mentions VALUES (?, ?, ?)", (aid, place, count))
    return conn


def ids(conn: sqlite3.Connection, query: str, **kw: object) -> set[int]:
    flt = compile_query(query, now=NOW, **kw)  # type: ignore[arg-type]
    rows = conn.execute(f"SELECT a.id FROM articles a WHERE {flt.where}", flt.params)
    return {row[0] for row in rows}


def test_fixture_db_is_complete(tmp_path: Path) -> None:
    conn = make_db(tmp_path / "c.sqlite3")
    assert ids(conn, "") == set(ARTICLES)
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == len(ARTICLES)
