"""What a related list shows: a link whose reasons are the time apart alone (no shared actor,
place or event type, and less text in common than the reasons print) is stored but not listed,
unless the article's story holds both. A user saw two unrelated reports of one feed an hour
apart, whose pages end with the same sentence, listed as related at 2% ("1 h apart")."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from tests.httpserver import LocalServer
from tests.test_cli import newsdesk
from tests.test_related import _add, _db
from tests.test_tmux_actors import fetch_site
from tui.core.linking import index
from tui.core.linking.score import Score, default_model, reasons
from tui.core.related_items import shown
from tui.core.store import coverage, links
from tui.core.store.db import connect
from tui.core.store.write_turns import transaction

TITLE = "Jordan's interior ministry closes a border crossing"
TEXT = "The crossing will stay shut for a week, the interior ministry said."
OTHER = "Harvest festival opens in a quiet valley"
TAIL = "\n\nThis paragraph was written for a test of newsdesk and for nothing else."


def test_reasons_that_say_why_are_told_from_time_alone_by_the_parts_that_scored() -> None:
    says = [Score(0.5, {}, 2.2, 0.41, 0.1, ("a:sergei-shoigu",)),
            Score(0.5, {}, 0.3, 0.0, 0.0, (), ("drone attack",)),
            Score(0.2, {}, 0.3, 0.21, 0.0),  # "7 h apart; text 0.21"
            Score(0.9, {}, 0.01, 0.8, 0.9)]  # "same hour; same copy 0.90"
    time_alone = [Score(0.02, {}, days, 0.02, 0.0) for days in (0.01, 0.05, 1.0, 3.0)]
    for s in says:
        assert s.says_why and ";" in reasons(s), reasons(s)
    for s in time_alone:
        assert not s.says_why and reasons(s).endswith(("apart", "same hour")), reasons(s)


def _item(in_story: bool, says_why: bool, across: bool = False) -> coverage.RelatedItem:
    when = datetime(2024, 7, 19, tzinfo=UTC)
    return coverage.RelatedItem(1, "t", "f", when, 0.02, "1 h apart", in_story, says_why, across)


def test_a_list_shows_story_mates_links_that_say_why_and_links_across_scripts() -> None:
    assert shown(_item(True, False)) and not shown(_item(False, False))
    assert shown(_item(False, True))
    assert shown(_item(False, False, across=True))  # two scripts: no words to compare


def test_the_migration_flags_an_older_cache_s_links_from_their_reasons(tmp_path: Path) -> None:
    """A cache from before the flag: the links whose reasons are the time apart alone are the
    ones not listed outside their story, as when the list read the reasons."""
    path = tmp_path / "old.sqlite3"
    conn = connect(path, migrate_to=17)
    reasons_of = {2: "Shoigu, Tehran; 1 h apart", 3: "same hour", 4: "3 h apart",
                  5: "2 days apart", 6: "1 day apart; text 0.08", 7: "both: talks; same hour"}
    with transaction(conn):
        conn.execute("INSERT INTO feeds(id, url, name) VALUES(1, 'u1', 'One')")
        for n in range(1, 8):
            _add(conn, f"k{n}", 1, f"Title {n}", "", "2024-07-19T08:00:00Z")
        conn.executemany("INSERT INTO links VALUES(1, ?, 0.3, ?)", reasons_of.items())
    conn.close()
    conn = connect(path)
    flags = dict(conn.execute("SELECT other_id, says_why FROM links"))
    assert flags == {2: 1, 3: 0, 4: 0, 5: 0, 6: 1, 7: 1}
    assert [r.id for r in coverage.related(conn, 1, shown=shown)] == [2, 6, 7]


def test_a_link_whose_only_reason_is_the_time_apart_is_stored_but_not_listed(
        tmp_path: Path) -> None:
    """The user's pair: the shipped weights score it a few per cent (1.2% fitted on parts a-f,
    2.0% on a-h, 3.4% on a-h+k relabelled in round 42): a long shot at most (below
    index.STORY_LINK_MIN, where links start to make stories), never listed; a link kept from
    any probability says only "1 h apart" and is not listed."""
    conn = _db(tmp_path)
    with transaction(conn):
        a = _add(conn, "a", 1, TITLE, TEXT + TAIL, "2026-12-05T10:00:00Z")
        b = _add(conn, "b", 1, OTHER, "Farmers showed apples." + TAIL, "2026-12-05T11:00:00Z")
        index.index_articles(conn, [a, b])
    assert all(r.score < index.STORY_LINK_MIN for r in coverage.related(conn, a))  # a long shot
    assert coverage.related(conn, a, shown=shown) == []
    with transaction(conn):
        index.index_articles(conn, [a, b], model=replace(default_model(), link_min=0.0))
    [stored] = coverage.related(conn, a)  # every stored link: the shared sentence made one
    assert stored.id == b and stored.score < index.STORY_LINK_MIN and stored.reasons == "1 h apart"
    assert coverage.related(conn, a, shown=shown) == []
    assert coverage.related(conn, b, shown=shown) == []


def test_a_story_mate_is_listed_whatever_its_reasons(tmp_path: Path) -> None:
    conn = _db(tmp_path)
    with transaction(conn):
        a = _add(conn, "a", 1, "Drone hits Tel Aviv", "", "2024-07-19T08:00:00Z")
        b = _add(conn, "b", 2, "Tel Aviv drone: what we know", "", "2024-07-19T20:00:00Z")
        c = _add(conn, "c", 2, "Markets calm", "", "2024-07-19T09:00:00Z")
        links.store_links(conn, [(a, b, 0.3, "12 h apart", False),
                                 (a, c, 0.2, "1 h apart", False)])
        links.rewrite_stories(conn, [a, b], {links.new_story(conn): [a, b]})
    assert [r.id for r in coverage.related(conn, a, shown=shown)] == [b]


def test_related_cli_hides_a_link_whose_only_reason_is_the_time(tmp_path: Path) -> None:
    """The user's case through `newsdesk related`, the festival now in Jordan too: two pages of
    one feed an hour apart that share a country (not named in reasons) and their last
    paragraph. The shipped weights put the pair about link_min (3% fitted on parts a-d, about
    2% on a-h), so the cache is relinked keeping every link: the link is stored ("1 h apart")
    and neither list shows it."""
    festival = OTHER + " of Jordan"
    with LocalServer() as server:
        config = fetch_site(server, tmp_path / "site",
                            [(TITLE, TEXT), (festival, "Farmers in Jordan showed apples.")])
    conn = connect(tmp_path / "site" / "cache" / "newsdesk.sqlite3")
    ids = dict(conn.execute("SELECT title, id FROM articles"))
    with transaction(conn):
        index.index_articles(conn, list(ids.values()),
                             model=replace(default_model(), link_min=0.0))
    kept = conn.execute("SELECT score, reasons FROM links").fetchall()
    conn.close()
    assert kept and all(why == "1 h apart" for _p, why in kept), kept
    first = str(ids[TITLE])
    text = newsdesk("--config", str(config), "related", first)
    assert text.returncode == 0 and text.stdout == "", text
    assert text.stderr == f"newsdesk: no other coverage of article {first}'s event was found\n"
    as_json = newsdesk("--config", str(config), "related", first, "--json")
    assert as_json.returncode == 0 and json.loads(as_json.stdout) == [], as_json
    other = newsdesk("--config", str(config), "related", str(ids[festival]), "--json")
    assert json.loads(other.stdout) == []
