"""Second-order evidence in a related list (related_rank.support, round 37 of
tests/data/related_eval.md): an item linked to the article's other links ranks above a likelier
pair that links to another event's reports instead, within the same tier, at read time."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.core.related_items import shown, strength_said
from tui.core.store import coverage, links
from tui.core.store.db import connect
from tui.core.store.write_turns import transaction

# key, title, published: the article, an intruder from the next day's strike with two reports
# of its own, and three reports of the article's event that link to each other
ARTICLES = [("a", "Drone hits Tel Aviv", "2024-07-19T08:00:00Z"),
            ("b", "Israel strikes Hodeidah", "2024-07-20T18:00:00Z"),
            ("c", "Tel Aviv drone: the Houthis claim it", "2024-07-19T12:00:00Z"),
            ("d", "Tel Aviv drone: what we know", "2024-07-19T20:00:00Z"),
            ("e", "Tel Aviv counts the damage", "2024-07-19T22:00:00Z"),
            ("x", "Hodeidah port burns", "2024-07-20T20:00:00Z"),
            ("y", "Hodeidah strike: the aftermath", "2024-07-21T08:00:00Z")]
LINKS = [("a", "b", 0.7), ("a", "c", 0.6), ("a", "d", 0.5), ("a", "e", 0.5),
         ("b", "x", 0.9), ("b", "y", 0.9), ("c", "d", 0.5), ("c", "e", 0.5)]


def _cache(tmp_path: Path, order: list[tuple[str, str, str]]) -> tuple[sqlite3.Connection,
                                                                       dict[str, int]]:
    conn = connect(tmp_path / "c.sqlite3")
    with transaction(conn):
        conn.execute("INSERT INTO feeds(id, url, name) VALUES(1, 'u1', 'One')")
        ids = {}
        for key, title, when in order:
            ids[key] = aid = int(conn.execute(
                "INSERT INTO articles(key, title, body, published, first_seen) "
                "VALUES(?, ?, '', ?, ?)", (key, title, when, when)).lastrowid or 0)
            conn.execute("INSERT INTO article_feeds(article_id, feed_id) VALUES(?, 1)", (aid,))
        links.store_links(conn, [row for k, o, p in LINKS for row in (
            (ids[k], ids[o], p, "Tel Aviv", True), (ids[o], ids[k], p, "Tel Aviv", True))])
    return conn, ids


def test_an_item_linked_to_the_article_s_other_reports_ranks_above_a_lone_likelier_one(
        tmp_path: Path) -> None:
    conn, ids = _cache(tmp_path, ARTICLES)
    name = {v: k for k, v in ids.items()}
    plain = coverage.related(conn, ids["a"], shown=shown, support=0.0)
    assert [name[r.id] for r in plain] == ["b", "c", "e", "d"]  # by the pair alone (then newer)
    got = coverage.related(conn, ids["a"], shown=shown, support=8.0)
    assert [name[r.id] for r in got] == ["c", "e", "d", "b"]
    assert [r.score for r in got] == [0.6, 0.5, 0.5, 0.7]  # the pairs' own probabilities
    said = {name[r.id]: strength_said(r) for r in got}
    assert said["c"] == "likely, also linked to 2 of its other reports"
    assert said["b"] == said["d"] == "likely"  # d shares c alone: not said


def test_a_caller_that_names_no_weight_gets_the_fitted_one(tmp_path: Path) -> None:
    """The store's default is the shipped model's weight, not 0: a caller that forgets it
    must not silently list by the pair alone."""
    from tui.core.linking.score import default_model

    conn, ids = _cache(tmp_path, ARTICLES)
    name = {v: k for k, v in ids.items()}
    fitted = coverage.related(conn, ids["a"], shown=shown, support=default_model().support)
    assert [name[r.id] for r in coverage.related(conn, ids["a"], shown=shown)] == \
        [name[r.id] for r in fitted] == ["c", "e", "d", "b"]


def test_the_re_rank_does_not_depend_on_arrival_order(tmp_path: Path) -> None:
    """Ids follow arrival; the order (ties too: d and e support a alike) must not."""
    first, ids = _cache(tmp_path / "1", ARTICLES)
    second, back = _cache(tmp_path / "2", ARTICLES[::-1])
    for key in ids:
        mine = [r.title for r in coverage.related(first, ids[key], support=8.0)]
        assert mine == [r.title for r in coverage.related(second, back[key], support=8.0)], key


def test_a_weights_file_without_support_keeps_the_pair_s_order() -> None:
    from tui.core.linking.score import default_model, from_json

    model = {"bias": -3.0, "weights": {"text": 5.0}, "link_min": 0.02, "story_min": 0.4}
    assert from_json("hybrid", model).support == 0.0
    assert from_json("hybrid", {**model, "support": 4.0}).support == 4.0
    assert default_model().support > 0  # the shipped fit chose a weight (weights.json)


def test_a_story_member_days_after_the_article_s_part_of_the_story_ranks_by_its_pair(
        tmp_path: Path) -> None:
    """A story whose members fall into two runs with more than STORY_GAP_DAYS between them
    holds two events' coverage (adjacent events in one dense group): the other run is not
    lifted into the story's tier (round 39 of tests/data/related_eval.md)."""
    conn = connect(tmp_path / "c.sqlite3")
    rows = [("a", "Drone hits Tel Aviv", "2024-07-19T08:00:00Z"),
            ("c", "Tel Aviv drone: the Houthis claim it", "2024-07-19T12:00:00Z"),
            ("b", "Israel strikes Hodeidah", "2024-07-20T18:00:00Z"),
            ("z", "Tel Aviv: a second drone", "2024-07-24T10:00:00Z")]
    with transaction(conn):
        conn.execute("INSERT INTO feeds(id, url, name) VALUES(1, 'u1', 'One')")
        ids = {}
        for key, title, when in rows:
            ids[key] = aid = int(conn.execute(
                "INSERT INTO articles(key, title, body, published, first_seen) "
                "VALUES(?, ?, '', ?, ?)", (key, title, when, when)).lastrowid or 0)
            conn.execute("INSERT INTO article_feeds(article_id, feed_id) VALUES(?, 1)", (aid,))
        links.store_links(conn, [row for k, o, p in [("a", "c", 0.4), ("a", "z", 0.9),
                                                     ("a", "b", 0.6), ("c", "z", 0.5)]
                                 for row in ((ids[k], ids[o], p, "Tel Aviv", True),
                                             (ids[o], ids[k], p, "Tel Aviv", True))])
        conn.execute("INSERT INTO stories(id, label, first, last) VALUES(1, 'x', 'f', 'l')")
        conn.executemany("INSERT INTO story_articles VALUES(1, ?)",
                         [(ids[k],) for k in "acz"])
    name = {v: k for k, v in ids.items()}
    got = coverage.related(conn, ids["a"], support=0.0)
    assert [name[r.id] for r in got] == ["c", "z", "b"]
    assert [r.in_story for r in got] == [True, True, False]  # still the story's (shown, said)
    from_z = coverage.related(conn, ids["z"], support=0.0)
    assert [name[r.id] for r in from_z] == ["a", "c"]  # its run is itself: by the pair
