"""A big run linked as one round (tui/core/linking/rounds.py) gives exactly the links and
stories of linking article by article: the same candidates, scores, reasons and prunes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.linking import rounds


def _state(conn) -> tuple:  # type: ignore[no-untyped-def]
    keys = dict(conn.execute("SELECT id, key FROM articles"))
    links = sorted((keys[a], keys[b], s, why) for a, b, s, why in conn.execute(
        "SELECT article_id, other_id, score, reasons FROM links"))
    members: dict[int, list[str]] = {}
    for sid, aid in conn.execute("SELECT story_id, article_id FROM story_articles"):
        members.setdefault(sid, []).append(keys[aid])
    labels = sorted((tuple(sorted(members[sid])), label) for sid, label in conn.execute(
        "SELECT id, label FROM stories") if sid in members)
    return links, labels


def _linked(folder: Path, halves: list[list], monkeypatch: pytest.MonkeyPatch,  # type: ignore[type-arg]
            as_round: bool) -> tuple:  # type: ignore[type-arg]
    from bench.related_data import add_articles, build_cache

    with monkeypatch.context() as m:
        # every run a round, small blocks and jobs: many tiles, postings loaded job by job
        m.setattr(rounds, "ROUND_MIN", 1 if as_round else 10**9)
        m.setattr(rounds, "BLOCK", 40)
        m.setattr(rounds, "CANDIDATE_CHUNK", 30)
        cache = build_cache(folder, halves[0])
        try:
            for more in halves[1:]:
                add_articles(cache, more)
            return _state(cache.conn)
        finally:
            cache.close()


def test_a_round_links_the_devset_as_article_by_article_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.related_data import load_devset

    articles = sorted(load_devset(), key=lambda a: a.slug)
    assert len(articles) >= 150
    # one cold run, then a warm one whose candidates are partly older articles
    for name, halves in (("cold", [articles]),
                         ("warm", [articles[::2], articles[1::2]])):
        want = _linked(tmp_path / f"{name}-each", halves, monkeypatch, as_round=False)
        got = _linked(tmp_path / f"{name}-round", halves, monkeypatch, as_round=True)
        assert len(want[0]) > 500 and len(want[1]) >= 20, name  # links and stories to get wrong
        assert got == want, name


def test_tiles_hold_every_pair_once_and_say_when_a_block_is_done() -> None:
    found = [(1, [2, 3, 9]), (2, [1, 3]), (3, [1]), (9, [100])]
    got = rounds.tiles(found, [1, 2, 3, 9], block=2)
    assert sorted(p for _key, tile in got for p in tile) == [(1, 2), (1, 3), (1, 9), (2, 3),
                                                            (9, 100)]
    assert got[0] == ((0, 0), [(1, 2)])  # block 0 with itself first
    assert [key for key, _tile in got] == [(0, 0), (0, 1), (1, 2)]  # 100: outside the run
    assert all(tile == sorted(set(tile)) for _key, tile in got)
    assert rounds.complete_after([key for key, _tile in got]) == {1: [0], 2: [1, 2]}


def test_best_keeps_what_pruning_keeps() -> None:
    """Each article's `keep` best of every row it is in, ranked as store.prune ranks them:
    score, then the other article's id (ties included), however the rows are split."""
    import random

    rng = random.Random(5)
    pairs = {(a, b) for a in range(40) for b in range(a + 1, 40) if rng.random() < 0.6}
    rows = [(a, b, rng.choice([0.1, 0.25, 0.5, rng.random()]), f"{a}-{b}") for a, b in pairs]
    rng.shuffle(rows)
    best = rounds.Best(3)
    for i in range(0, len(rows), 17):
        best.add(rows[i:i + 17])
    got = best.take(list(range(20))) + best.take(best.held())
    want = []
    for aid in range(40):
        mine = [(s, b if a == aid else a, why) for a, b, s, why in rows if aid in (a, b)]
        mine.sort(key=lambda r: (-r[0], r[1]))
        want += sorted((aid, other, s, why) for s, other, why in mine[:3])
    assert got == want
    assert best.held() == []


def test_a_rounds_links_skip_articles_pruned_meanwhile(tmp_path: Path) -> None:
    """Links are written with SQLite's foreign keys off (checking both ends of every row was
    half of writing them): an article deleted since it was scored gets no link, the rest are
    written, and the connection checks foreign keys again afterwards."""
    from bench.related_data import build_cache, load_devset
    from tui.core.linking.analyzer import _write_best

    cache = build_cache(tmp_path, sorted(load_devset(), key=lambda a: a.slug)[:6], analyse=False)
    try:
        conn = cache.conn
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
        gone = max(ids) + 1000  # never stored: as if pruned after scoring
        conn.execute("DELETE FROM links")
        _write_best(conn, [(ids[0], ids[1], 0.9, "a"), (ids[1], gone, 0.8, "b"),
                           (gone, ids[2], 0.7, "c"), (ids[2], ids[0], 0.6, "d")], chunk=3)
        assert sorted(tuple(r) for r in conn.execute("SELECT article_id, other_id, reasons "
                                                     "FROM links")) == [
            (ids[0], ids[1], "a"), (ids[2], ids[0], "d")]
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        cache.close()
