"""What a related list shows: a link whose reasons are the time apart alone (no shared actor,
place or event type, and less text in common than the reasons print) is stored but not listed,
unless the article's story holds both. A user saw two unrelated reports of one feed an hour
apart, whose pages end with the same sentence, listed as related at 2% ("1 h apart")."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from tests.httpserver import LocalServer
from tests.test_cli import newsdesk
from tests.test_related import _add, _db
from tests.test_tmux_actors import fetch_site
from tui.core.linking import index
from tui.core.linking.score import Score, default_model, reasons, says_why, shown
from tui.core.store import coverage, links
from tui.core.store.db import connect
from tui.core.store.write_turns import transaction

TITLE = "Jordan's interior ministry closes a border crossing"
TEXT = "The crossing will stay shut for a week, the interior ministry said."
OTHER = "Harvest festival opens in a quiet valley"
TAIL = "\n\nThis paragraph was written for a test of newsdesk and for nothing else."


def test_reasons_that_say_why_are_told_from_time_alone() -> None:
    assert says_why(reasons(Score(0.5, {}, 2.2, 0.41, 0.1, ("a:sergei-shoigu",))))
    assert says_why(reasons(Score(0.5, {}, 0.3, 0.0, 0.0, (), ("drone attack",))))
    assert says_why(reasons(Score(0.2, {}, 0.3, 0.21, 0.0)))  # "7 h apart; text 0.21"
    assert says_why(reasons(Score(0.9, {}, 0.01, 0.8, 0.9)))  # "same hour; same copy 0.90"
    for days in (0.01, 0.05, 1.0, 3.0):
        assert not says_why(reasons(Score(0.02, {}, days, 0.02, 0.0)))
    assert shown(True, "1 h apart") and not shown(False, "1 h apart")
    assert shown(False, "9 h apart", across=True)  # two scripts: no words to compare


def test_a_link_whose_only_reason_is_the_time_apart_is_stored_but_not_listed(
        tmp_path: Path) -> None:
    """The user's pair: the shipped weights score it about 2% (1.2% fitted on parts a-f,
    2.0% on a-h, at link_min either side): a long shot at most, never listed; a link kept from
    any probability says only "1 h apart" and is not listed."""
    conn = _db(tmp_path)
    with transaction(conn):
        a = _add(conn, "a", 1, TITLE, TEXT + TAIL, "2026-12-05T10:00:00Z")
        b = _add(conn, "b", 1, OTHER, "Farmers showed apples." + TAIL, "2026-12-05T11:00:00Z")
        index.index_articles(conn, [a, b])
    assert all(r.score < 0.03 for r in coverage.related(conn, a))  # not kept, or a long shot
    assert coverage.related(conn, a, shown=shown) == []
    with transaction(conn):
        index.index_articles(conn, [a, b], model=replace(default_model(), link_min=0.0))
    [stored] = coverage.related(conn, a)  # every stored link: the shared sentence made one
    assert stored.id == b and stored.score < 0.03 and stored.reasons == "1 h apart"
    assert coverage.related(conn, a, shown=shown) == []
    assert coverage.related(conn, b, shown=shown) == []


def test_a_story_mate_is_listed_whatever_its_reasons(tmp_path: Path) -> None:
    conn = _db(tmp_path)
    with transaction(conn):
        a = _add(conn, "a", 1, "Drone hits Tel Aviv", "", "2024-07-19T08:00:00Z")
        b = _add(conn, "b", 2, "Tel Aviv drone: what we know", "", "2024-07-19T20:00:00Z")
        c = _add(conn, "c", 2, "Markets calm", "", "2024-07-19T09:00:00Z")
        links.store_links(conn, [(a, b, 0.3, "12 h apart"), (a, c, 0.2, "1 h apart")])
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
