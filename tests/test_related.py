"""Unit tests of event features, scoring, the link index and its upkeep (prune, re-index)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tui.core.linking import index
from tui.core.linking.features import Features, raw_features, weigh
from tui.core.linking.parts import minhash
from tui.core.linking.score import Score, default_model, reasons, score
from tui.core.linking.text import jaccard, place_matcher, terms
from tui.core.store import coverage, links
from tui.core.store.db import connect
from tui.core.store.write_turns import transaction

SHOIGU = ("sergei-shoigu", 3, json.dumps([["title", 0, 6], ["body", 0, 6], ["body", 90, 96]]))
PEZ = ("masoud-pezeshkian", 1, json.dumps([["body", 300, 310]]))


def test_places_match_whole_words_and_russian_endings() -> None:
    pm = place_matcher()
    found = pm.match("Шойгу прибыл в Тегеран", "Переговоры в Тегеране и в Курской области, Москву")
    assert found["tehran"] == (2, True, True)  # title, and early in the body
    assert {"kursk", "moscow"} <= set(found)
    assert "tehran" in pm.match("", "Tehran's answer")
    assert pm.match("", "a turkey dinner and the hama") == {}  # all-lowercase is not a name
    assert "gaza" not in pm.match("", "поставки российского газа")  # gas, not Gaza
    assert "red-sea" in pm.match("", "off Yemen's Red Sea coast")


def test_places_match_after_a_hebrew_prefix() -> None:
    """Hebrew writes "in", "from", "and" onto the name: "בבאר שבע" is in Beersheba."""
    found = place_matcher().match("טיל פגע בבאר שבע", "הספינה יצאה מטורקיה. ולבנון, תימן")
    assert set(found) == {"beersheba", "turkey", "lebanon", "yemen"}
    assert found["beersheba"] == (1, True, False)
    assert place_matcher().match("", "בית מלון") == {}  # a word that only starts like a prefix
    assert place_matcher().match("", "במקרים רבים") == {}  # "in many cases", not Crimea


def test_terms_drop_stopwords_and_stem() -> None:
    got = terms("Missiles fired", "the missile was fired on Monday")
    assert got["missile"] == 3 and "the" not in got and "monday" not in got


def test_minhash_is_the_minimum_of_every_permuted_shingle_hash(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Signatures are stored and compared with ones other processes make later: each value
    is the top 32 bits of min((h * a + b) mod 2^64) over the distinct word 4-shingles, h a
    shingle's four blake2b-64 word hashes mixed (sum of products, xor-shift), computed here
    the slow, obvious way (short texts padded, repeated shingles, words in two scripts), the
    same with digests of words seen before and with a cache cleared as it fills."""
    import hashlib

    from tui.core.linking import minhash as text
    from tui.core.linking.minhash import (
        _ADDS,
        _MIX,
        _MULS,
        _constants,
        minhash_many,
        minhash_words,
    )

    def reference(words: list[str], width: int = 4) -> tuple[int, ...]:
        words = words + [""] * (width - len(words)) if len(words) < width else words
        word = [int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "big")
                for w in words]
        mix = _MIX if width <= 4 else _constants(b"shingle", width)
        shingles = set()
        for i in range(len(words) - width + 1):
            h = sum(word[i + k] * mix[k] for k in range(width)) % 2**64
            shingles.add(h ^ (h >> 29))
        return tuple(min((h * a + b) % 2**64 for h in shingles) >> 32
                     for a, b in zip(_MULS, _ADDS, strict=True))

    texts = [[], ["one"], ["a", "b"] * 4, ["шойгу", "прибыл", "в", "тегеран"],
             [f"w{i % 37}" for i in range(500)]]
    for words in texts + texts:
        assert minhash_words(words) == reference(words)
    for width in (1, 2, 3, 5):  # other widths: the same sums of products
        for words in texts:
            assert minhash_words(words, width) == reference(words, width)
        # signed together (a pool job's): each text's own shingles, none across two texts
        assert minhash_many(texts, width) == [reference(w, width) for w in texts]
    assert minhash_many(texts[::-1]) == [reference(w) for w in texts[::-1]]
    assert minhash_many([]) == []
    monkeypatch.setattr(text, "_DIGEST_CACHE_MAX", 3)
    for words in texts + texts:
        assert minhash_words(words) == reference(words)


def test_minhash_finds_same_copy() -> None:
    body = "Hamas said its political leader was killed in the capital early on Wednesday. " * 3
    a = minhash("Leader killed", body)
    assert jaccard(a, minhash("Leader killed", body + " Updated.")) > 0.7
    assert jaccard(a, minhash("Markets rally", "Stocks rose across the region today.")) < 0.2


def _features(title: str, body: str, rows: list[tuple[str, int, str]], when: str) -> Features:
    raw = raw_features(title, body, rows, datetime.fromisoformat(when))
    return weigh(raw, datetime.fromisoformat(when), {}, 100)


def test_protagonist_is_the_most_prominent_person() -> None:
    raw = raw_features("Shoigu in Tehran", "Shoigu met Pezeshkian.", [SHOIGU, PEZ])
    assert raw.lead == "a:sergei-shoigu"
    assert raw_features("Talks in Tehran", "Nothing else.", []).lead == "p:tehran"


def test_score_needs_the_same_week_and_names_its_parts() -> None:
    a = _features("Shoigu in Tehran", "Shoigu met Pezeshkian in Tehran.", [SHOIGU, PEZ],
                  "2024-08-05T12:00:00+00:00")
    b = _features("Shoigu visits Tehran", "Shoigu held talks in Tehran.", [SHOIGU],
                  "2024-08-05T20:00:00+00:00")
    far = _features("Shoigu in Pyongyang", "Shoigu met Kim.", [SHOIGU], "2024-09-13T12:00:00+00:00")
    near = score(a, b)
    assert near.total > 0.5 and near.days == pytest.approx(1 / 3)  # a probability
    assert score(a, far).total == 0.0  # 39 days apart: not even a candidate
    assert set(near.parts) == set(default_model().weights)  # every part the model weighs
    text = reasons(near)
    assert text.startswith("Shoigu, Tehran") and "8 h apart" in text


def test_reasons_format() -> None:
    s = Score(0.5, {}, 2.2, 0.41, 0.1, ("a:sergei-shoigu", "p:tehran"))
    assert reasons(s) == "Shoigu, Tehran; 2 days apart; text 0.41"
    dup = Score(0.9, {}, 0.01, 0.8, 0.9, ())
    assert reasons(dup) == "same hour; same copy 0.90"


# ---------------------------------------------------------------- the store


def _db(tmp_path: Path) -> sqlite3.Connection:
    conn = connect(tmp_path / "c.sqlite3")
    conn.execute("INSERT INTO feeds(id, url, name) VALUES(1, 'u1', 'One'), (2, 'u2', 'Two')")
    return conn


def _add(conn: sqlite3.Connection, key: str, feed: int, title: str, body: str, when: str,
         mentions: list[tuple[str, int, str]] = ()) -> int:  # type: ignore[assignment]
    aid = int(conn.execute("INSERT INTO articles(key, title, body, published, first_seen) "
                           "VALUES(?, ?, ?, ?, ?)", (key, title, body, when, when)).lastrowid or 0)
    conn.execute("INSERT INTO article_feeds(article_id, feed_id) VALUES(?, ?)", (aid, feed))
    conn.executemany("INSERT INTO actor_mentions VALUES(?, ?, ?, ?)",
                     [(aid, a, c, s) for a, c, s in mentions])
    return aid


VISIT = "Shoigu arrived in Tehran for talks with Pezeshkian on security cooperation and Israel."


def _visit_pair(conn: sqlite3.Connection) -> tuple[int, int]:
    """Two outlets' reports of Shoigu's arrival in Tehran, hours apart."""
    return (_add(conn, "a", 1, "Shoigu lands in Tehran", VISIT, "2024-08-05T10:00:00Z",
                 [SHOIGU, PEZ]),
            _add(conn, "b", 2, "Shoigu holds Tehran talks", VISIT + " Moscow sent him.",
                 "2024-08-05T18:00:00Z", [SHOIGU, PEZ]))


def test_index_links_both_ways_and_forms_a_story(tmp_path: Path) -> None:
    conn = _db(tmp_path)
    with transaction(conn):
        a, b = _visit_pair(conn)
        c = _add(conn, "c", 2, "Central bank cuts rates", "Turkey's central bank cut rates.",
                 "2024-08-05T12:00:00Z")
        index.index_articles(conn, [a, b, c])
    got = coverage.related(conn, a)
    assert [r.id for r in got] == [b]
    assert got[0].feed == "Two" and "Shoigu" in got[0].reasons
    assert [r.id for r in coverage.related(conn, b)] == [a]
    assert coverage.related(conn, c) == []
    story = coverage.story_of(conn, a)
    assert story is not None and set(story.article_ids) == {a, b}
    assert story.outlets == ("One", "Two") and "Tehran" in story.label
    assert coverage.story_of(conn, c) is None
    assert [s.id for s in coverage.stories(conn)] == [story.id]


def test_the_store_makes_stories_with_the_model_s_join_min(tmp_path: Path) -> None:
    """join_min is fitted with the story threshold (weights.json), so the store takes it from
    the model: a core's own members rejoin it only from that average link too."""
    from dataclasses import replace

    conn = _db(tmp_path)
    with transaction(conn):
        a, b = _visit_pair(conn)
        index.index_articles(conn, [a, b])
    assert coverage.story_of(conn, a) is not None
    with transaction(conn):
        index.restory(conn, replace(default_model(), join_min=1.0))
    assert coverage.story_of(conn, a) is None
    with transaction(conn):
        index.restory(conn, default_model())
    story = coverage.story_of(conn, a)
    assert story is not None and set(story.article_ids) == {a, b}


def test_related_lists_the_article_s_story_first(tmp_path: Path) -> None:
    """A story member comes before a likelier link outside the story (the next day's strike
    on the same people), and the probabilities shown stay the links' own."""
    conn = _db(tmp_path)
    with transaction(conn):
        a = _add(conn, "a", 1, "Drone hits Tel Aviv", "", "2024-07-19T08:00:00Z")
        b = _add(conn, "b", 2, "Tel Aviv drone: what we know", "", "2024-07-19T20:00:00Z")
        c = _add(conn, "c", 2, "Israel strikes Hodeidah", "", "2024-07-20T18:00:00Z")
        d = _add(conn, "d", 1, "Markets calm", "", "2024-07-19T09:00:00Z")
        links.store_links(conn, [(a, b, 0.6, "", True), (a, c, 0.9, "", True),
                                 (a, d, 0.2, "", True), (c, a, 0.9, "", True),
                                 (c, d, 0.3, "", True)])
        links.rewrite_stories(conn, [a, b], {links.new_story(conn): [a, b]})
    got = coverage.related(conn, a)
    assert [r.id for r in got] == [b, c, d]
    assert [r.score for r in got] == [0.6, 0.9, 0.2]
    assert [r.id for r in coverage.related(conn, c)] == [a, d]  # in no story: by probability


def test_reindex_and_prune_keep_counts_right(tmp_path: Path) -> None:
    conn = _db(tmp_path)
    with transaction(conn):
        a = _add(conn, "a", 1, "Shoigu lands in Tehran", VISIT, "2024-08-05T10:00:00Z", [SHOIGU])
        b = _add(conn, "b", 2, "Shoigu in Tehran", VISIT, "2024-08-05T11:00:00Z", [SHOIGU])
        index.index_articles(conn, [a, b])
    docs = conn.execute("SELECT df FROM link_df WHERE key = ''").fetchone()[0]
    shoigu = conn.execute("SELECT df FROM link_df WHERE key = 'a:sergei-shoigu'").fetchone()[0]
    assert (docs, shoigu) == (2, 2)
    with transaction(conn):  # a changed body is indexed again, not twice
        index.index_articles(conn, [a])
    assert conn.execute("SELECT df FROM link_df WHERE key = ''").fetchone()[0] == 2
    assert len(coverage.related(conn, a)) == 1 and coverage.story_of(conn, a) is not None
    with transaction(conn):  # prune: cascades uncount the article and dissolve the story
        conn.execute("DELETE FROM articles WHERE id = ?", (b,))
    assert conn.execute("SELECT df FROM link_df WHERE key = ''").fetchone()[0] == 1
    assert conn.execute("SELECT df FROM link_df WHERE key = 'a:sergei-shoigu'").fetchone()[0] == 1
    assert coverage.related(conn, a) == [] and coverage.story_of(conn, a) is None
    assert coverage.stories(conn) == []
    left = conn.execute("SELECT count(*) FROM link_keys WHERE article_id = ?", (b,)).fetchone()
    assert left[0] == 0


def test_candidates_come_from_the_window_only(tmp_path: Path) -> None:
    conn = _db(tmp_path)
    with transaction(conn):
        old = [_add(conn, f"o{i}", 1, "Shoigu lands in Tehran", VISIT,
                    f"2024-06-{i + 1:02d}T10:00:00Z", [SHOIGU]) for i in range(10)]
        index.index_articles(conn, old)
        new = _add(conn, "n", 2, "Shoigu lands in Tehran", VISIT, "2024-08-05T10:00:00Z", [SHOIGU])
        feats = index.features(conn, [new])
        index.index_articles(conn, [new])
    assert coverage.related(conn, new) == []
    assert feats == {}  # not indexed before index_articles
    assert index.candidates(conn, new, index.features(conn, [new])[new]) == []


# ---------------------------------------------------------------- arrival order


def _fortnight() -> list:  # type: ignore[type-arg]
    """Twenty-odd dev-set articles of one crowded fortnight: Haniyeh's killing, Pezeshkian's
    inauguration, the Beirut strike, Shoigu in Tehran, in four languages."""
    from datetime import UTC

    from bench.related_data import load_devset

    lo, hi = datetime(2024, 7, 24, tzinfo=UTC), datetime(2024, 8, 7, tzinfo=UTC)
    return sorted((a for a in load_devset() if lo <= a.published <= hi),
                  key=lambda a: a.published)


def _stories_after(tmp_path: Path, order: list, refreshes: int) -> tuple:  # type: ignore[type-arg]
    from bench.related_data import add_articles, build_cache

    size = -(-len(order) // refreshes)
    cache = build_cache(tmp_path, order[:size])
    try:
        for k in range(1, refreshes):
            add_articles(cache, order[k * size:(k + 1) * size])
        slug = {aid: a.slug for aid, a in cache.gold.items()}
        stories = sorted(sorted(slug[a] for a in s.article_ids)
                         for s in coverage.stories(cache.conn, 1000))
        related = {slug[a]: [slug[r.id] for r in coverage.related(cache.conn, a)] for a in slug}
    finally:
        cache.close()
    return stories, related


def test_the_same_articles_in_any_order_give_the_same_stories(tmp_path: Path) -> None:
    """Arrival order: oldest first, newest first or shuffled, in one refresh or several. Links
    are scored from both sides, rarity is weighed again once the cache grew by a tenth, and
    stories are clustered from the links as a whole: nothing depends on who came first."""
    import random

    articles = _fortnight()
    assert len(articles) >= 20
    shuffled = list(articles)
    random.Random(3).shuffle(shuffled)
    want = _stories_after(tmp_path / "one", articles, 1)
    assert len(want[0]) >= 4  # there are stories to get wrong
    for name, order, refreshes in (("newest first", articles[::-1], 1),
                                   ("oldest first, 3 refreshes", articles, 3),
                                   ("newest first, 3 refreshes", articles[::-1], 3),
                                   ("shuffled, 4 refreshes", shuffled, 4)):
        assert _stories_after(tmp_path / name, order, refreshes) == want, name


def test_migration_from_the_first_linker_relinks_everything(tmp_path: Path) -> None:
    """0008 drops the first linker's features, links and stories (they do not mix with these)
    and leaves every article pending, so the next refresh links the cache afresh."""
    path = tmp_path / "c.sqlite3"
    conn = connect(path, migrate_to=7)
    with transaction(conn):
        conn.execute("INSERT INTO feeds(id, url, name) VALUES(1, 'u1', 'One'), (2, 'u2', 'Two')")
        a = _add(conn, "a", 1, "Shoigu lands in Tehran", VISIT, "2024-08-05T10:00:00Z", [SHOIGU])
        b = _add(conn, "b", 2, "Shoigu in Tehran", VISIT, "2024-08-05T11:00:00Z", [SHOIGU])
        conn.execute("UPDATE articles SET analysed = 1")
        conn.execute("INSERT INTO link_features(article_id, published, features, df_keys) "
                     "VALUES(?, 0, '{\"old\": 1}', '[\"a:sergei-shoigu\"]')", (a,))
        conn.execute("INSERT INTO link_df VALUES('', 1), ('a:sergei-shoigu', 1)")
        conn.execute("INSERT INTO links VALUES(?, ?, 0.3, 'Shoigu'), (?, ?, 0.3, 'Shoigu')",
                     (a, b, b, a))
        conn.execute("INSERT INTO stories(id, label, first, last) VALUES(1, 'x', 'f', 'l')")
        conn.execute("INSERT INTO story_articles VALUES(1, ?), (1, ?)", (a, b))
    conn.close()
    conn = connect(path)
    for table in ("link_features", "link_df", "link_keys", "links", "stories",
                  "story_articles"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    assert conn.execute("SELECT count(*) FROM articles WHERE analysed = 0").fetchone()[0] == 2
    with transaction(conn):
        index.index_articles(conn, [a, b])
    assert [r.id for r in coverage.related(conn, a)] == [b]
    raw, docs = conn.execute("SELECT raw, docs FROM link_features JOIN link_weighed "
                             "USING (article_id) WHERE article_id = ?", (a,)).fetchone()
    assert raw.startswith("{") and docs == 2


def test_related_items_say_which_are_in_the_story(demo_desk) -> None:
    """The story's members lead the list whatever their pair's score, and say so (a 0.05 above
    a 0.40 reads as a bug otherwise): in the item, the CLI line and its JSON."""
    from tui.cli import output

    desk, _config = demo_desk
    lists = [desk.related(aid) for aid in desk.ids("")]
    mixed = [items for items in lists if any(r.in_story for r in items)
             and not all(r.in_story for r in items)]
    assert mixed
    for items in mixed:
        flags = [r.in_story for r in items]
        assert flags == sorted(flags, reverse=True)  # every story member before the rest
    assert output.related_json(mixed[0][0])["in_story"] is True
