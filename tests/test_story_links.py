"""The stories' links grouped in numpy (story_links) give what the row-at-a-time loop gave:
the same rows in the same order, closest links, strong pairs and joined stories, on random
links with ties, both directions, duplicates, self-links and articles outside the region."""

from __future__ import annotations

import os
import random
import sqlite3
import time
from array import array
from pathlib import Path

from tui.core.config.loader import Config, Settings
from tui.core.linking import analyzer, index, stories, story_links
from tui.core.linking.story_links import Arrays
from tui.core.refresh.analysis import Analysis
from tui.core.refresh.pool import WorkerPool
from tui.core.store.write_turns import transaction

DAY = 86400.0
VALUES = (0.05, 0.1, 0.2, 0.3, 0.55, 0.7, 0.9, -0.2)  # ties, and sums whose order shows


def _links(seed: int) -> tuple[dict[int, float], list[tuple[int, int, float]]]:
    rng = random.Random(seed)
    published = {aid: rng.choice((0.0, 3.0, 20.0)) * DAY for aid in rng.sample(range(1, 90), 60)}
    rows = [(rng.randrange(1, 95), rng.randrange(1, 95), rng.choice(VALUES) + rng.random() / 7)
            for _ in range(400)]
    rows += [(b, a, p) for a, b, p in rows[:100]]  # both ways
    rows += [(a, b, rng.choice(VALUES)) for a, b, _p in rows[100:150]]  # again, another value
    return published, rows


def _rows(published: dict[int, float], rows: list[tuple[int, int, float]]
          ) -> dict[int, dict[int, float]]:
    """The loop story_links replaced."""
    sums: dict[int, dict[int, float]] = {a: {} for a in published}
    for a, b, p in rows:
        near = sums.get(a)
        if near is None or a == b or b not in sums:
            continue
        q = near.get(b)
        if q is None or p > q:
            near[b] = sums[b][a] = max(p, 0.0)
    return sums


def test_the_table_is_the_loops_rows_in_their_order_closest_and_strong_pairs() -> None:
    for seed in range(30):
        published, rows = _links(seed)
        got = story_links.table(published, story_links.columns(rows), 0.5, 2)
        want = _rows(published, rows)
        assert [list(r.items()) for r in got.rows.values()] == \
            [list(r.items()) for r in want.values()]
        linked = [a for a, r in want.items() if r]
        assert {a: got.closest[a] for a in linked} == stories.closest(want, linked, 2)
        near = stories.closest(want, linked, 2)  # strong: the pairs that may seed a core
        assert sorted(got.strong) == sorted((-p, a, b) for a, r in want.items()
                                            for b, p in r.items() if a < b and p >= 0.5
                                            and b in near[a] and a in near[b])
        every = story_links.table(published, story_links.columns(rows), 0.5, 0).strong
        assert sorted(every) == sorted((-p, a, b) for a, r in want.items()
                                       for b, p in r.items() if a < b and p >= 0.5)


def test_columns_and_the_numpy_join_make_the_stories_the_dict_join_makes() -> None:
    for seed in range(30):
        published, rows = _links(seed)
        for threshold, join_min in ((0.5, 0.05), (0.3, 0.0), (0.6, 0.2)):
            given, made = stories.cores(published, rows, threshold)
            want = stories.join(published, given, made, join_min)
            columns = Arrays(array("q", [r[0] for r in rows]), array("q", [r[1] for r in rows]),
                             array("d", [r[2] for r in rows]))
            assert stories.cluster(published, columns, threshold, join_min=join_min) == want
            assert stories.cluster(published, rows, threshold, join_min=join_min) == want


def test_links_under_a_floor_are_left_out() -> None:
    kept = story_links.at_least(Arrays([1, 2, 3], [2, 3, 1], [0.04, 0.05, 0.5]), 0.05)
    assert (kept.a.tolist(), kept.b.tolist(), kept.p.tolist()) == ([2, 3], [3, 1], [0.05, 0.5])


def test_no_links_no_stories() -> None:
    assert stories.cluster({1: 0.0, 2: 0.0}, [], 0.5) == []
    assert stories.cluster({}, {(1, 2): 0.9}, 0.5) == []


def test_a_runs_stories_are_made_in_a_pool_worker_as_they_are_here(tmp_path: Path) -> None:
    """finish_run hands the region's links to a worker (analyzer._stories, pool.stories_job):
    numpy and the rows' dicts of a cold run (tens of MB) stay out of the writer's memory."""
    published, rows = _links(7)
    links = Arrays(array("q", [r[0] for r in rows]), array("q", [r[1] for r in rows]),
                   array("d", [r[2] for r in rows]))
    want = index.stories_from(published, links, 0.5, 0.05)
    assert want and want == stories.cluster(
        published, [r for r in rows if r[2] >= index.STORY_LINK_MIN], 0.5, join_min=0.05)
    pool = WorkerPool(1)
    analysis = Analysis(Config(path=None, settings=Settings(cache_dir=tmp_path)), pool)
    try:
        assert analyzer._stories(analysis, None, published, links, 0.5, 0.05) == want
    finally:
        pool.shutdown()


def wait_for(path: str) -> bool:
    """In a worker: True once `path` exists, False if it did not come within 20 s."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if os.path.exists(path):
            return True
        time.sleep(0.01)
    return False


def test_the_writer_does_its_own_work_while_a_worker_clusters_the_stories(
        tmp_path: Path) -> None:
    """A round's links are written (`meanwhile`) once the stories' job is submitted, not
    after its groups came back: the one worker here first waits for what `meanwhile` writes,
    so the writer waiting for the groups first would leave that worker waiting in vain."""
    published, rows = _links(8)
    links = Arrays(array("q", [r[0] for r in rows]), array("q", [r[1] for r in rows]),
                   array("d", [r[2] for r in rows]))
    flag = tmp_path / "links-written"
    calls: list[float] = []

    def meanwhile() -> None:
        calls.append(time.monotonic())
        flag.touch()

    pool = WorkerPool(1)
    analysis = Analysis(Config(path=None, settings=Settings(cache_dir=tmp_path)), pool)
    try:
        waiting = pool.get().submit(wait_for, str(flag))  # ahead of the stories' job
        groups = analyzer._stories(analysis, meanwhile, published, links, 0.5, 0.05)
        assert waiting.result(timeout=60) is True
        assert len(calls) == 1
        assert groups == index.stories_from(published, links, 0.5, 0.05)
    finally:
        pool.shutdown()


def test_recluster_makes_the_groups_with_the_clusters_it_is_given(tmp_path: Path) -> None:
    from tests.test_related import _db, _visit_pair

    conn = _db(tmp_path)
    with transaction(conn):
        a, b = _visit_pair(conn)
        index.index_articles(conn, [a, b])
    asked: list[int] = []

    def clusters(published: dict[int, float], links: Arrays, threshold: float,
                 join_min: float) -> list[list[int]]:
        asked.append(len(links.a))
        return index.stories_from(published, links, threshold, join_min)

    with transaction(conn):
        index.recluster(conn, [a, b], clusters=clusters)
    assert asked and asked[0] >= 2
    assert [sorted(m) for m in _members(conn)] == [[a, b]]


def _members(conn: sqlite3.Connection) -> list[list[int]]:
    out: dict[int, list[int]] = {}
    for sid, aid in conn.execute("SELECT story_id, article_id FROM story_articles"):
        out.setdefault(sid, []).append(aid)
    return list(out.values())
