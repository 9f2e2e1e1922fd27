"""A story's core is made of links that give a reason: a link whose reasons are the time apart
alone (`score.why` 0: no shared actor, place, event type or text to name) makes no core, and
may still join an article to a core made of reasons. With the refit's story_min 0.2 a user's
two pages of one feed an hour apart, sharing only a country, made a story of two that the
reader called "same story, via its other articles · 1 h apart" (tests/test_related_shown.py);
the rule lets the fit choose the threshold (tests/data/related_eval.md, round 54)."""

from __future__ import annotations

from array import array
from pathlib import Path

from tests.test_related import _add, _db
from tui.core.linking import index, stories
from tui.core.linking.score import default_model
from tui.core.linking.story_links import Arrays
from tui.core.store import links
from tui.core.store.write_turns import transaction

HOUR = 3600.0


def _arrays(rows: list[tuple[int, int, float, int]]) -> Arrays:
    return Arrays(
        array("q", [r[0] for r in rows]),
        array("q", [r[1] for r in rows]),
        array("d", [r[2] for r in rows]),
        array("b", [r[3] for r in rows]),
    )


def test_two_articles_linked_by_the_time_alone_make_no_story() -> None:
    published = {1: 0.0, 2: HOUR}
    assert stories.cluster(published, _arrays([(1, 2, 0.6, 1)]), 0.2) == [[1, 2]]
    assert stories.cluster(published, _arrays([(1, 2, 0.6, 0)]), 0.2) == []


def test_a_link_of_the_time_alone_may_join_a_core_made_of_reasons() -> None:
    """The Geneva talks' third Hebrew summary (real news E08): it shares only states with the
    other two, which share names, and joins their story."""
    published = {1: 0.0, 2: HOUR, 3: 2 * HOUR}
    rows = [(1, 2, 0.4, 1), (2, 3, 0.08, 0), (1, 3, 0.01, 0)]
    assert stories.cluster(published, _arrays(rows), 0.2, join_min=0.0) == [[1, 2, 3]]
    assert stories.cluster(published, _arrays(rows), 0.05, join_min=0.0) == [[1, 2, 3]]
    # the pair without a reason, strong enough to merge it: no core of three from it
    made = stories.cores(published, _arrays([(1, 2, 0.4, 1), (2, 3, 0.9, 0)]), 0.2)[1]
    assert sorted(map(sorted, made.values())) == [[1, 2]]


def test_a_pair_given_both_ways_gives_a_reason_if_either_row_does() -> None:
    published = {1: 0.0, 2: HOUR}
    assert stories.cluster(published, _arrays([(1, 2, 0.6, 0), (2, 1, 0.6, 1)]), 0.2) == [[1, 2]]
    assert stories.cluster(published, _arrays([(1, 2, 0.6, 0), (2, 1, 0.6, 0)]), 0.2) == []


def test_the_store_makes_no_story_of_a_link_whose_reasons_are_the_time(tmp_path: Path) -> None:
    """Through `index.recluster`, from the links table's says_why, and from a round's
    `Written` rows."""
    conn = _db(tmp_path)
    model = default_model()
    with transaction(conn):
        a = _add(conn, "a", 1, "Talks open in Geneva", "", "2024-07-19T08:00:00Z")
        b = _add(conn, "b", 2, "Geneva talks: day one", "", "2024-07-19T09:00:00Z")
        index.index_articles(conn, [a, b])
    for why, story in ((0, False), (1, True)):
        with transaction(conn):
            conn.execute("DELETE FROM links")
            links.store_links(conn, [(a, b, 0.9, "Geneva; 1 h apart" if why else "1 h apart", why)])
            index.restory(conn, model)
        assert bool(links.stories_of(conn, [a, b])) is story
        written = index.Written(0.0)
        written.add([(a, b, 0.9, "1 h apart", why)])
        with transaction(conn):
            conn.execute("DELETE FROM links")
            conn.execute("DELETE FROM story_articles")
            index.recluster(conn, [a], model, written=written)
        assert bool(links.stories_of(conn, [a, b])) is story
