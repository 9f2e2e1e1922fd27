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


def _made_index(path: Path) -> list[int]:
    """A candidate index written by hand to be hard on the ranking: articles in clone triples
    (the same keys and time, so equal sums to the bit: ties), a few times shared by many (ties
    in time where the nearest postings are cut), times on the window's edges, a key every
    article has (more postings each side than are read), MinHash keys and an article with more
    keys, of equal rarity, than are asked. Returns the ids."""
    import random

    from tui.core.linking.score import DAY, WINDOW_DAYS
    from tui.core.store.db import connect

    rng = random.Random(19)
    conn = connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")  # postings only: no articles behind them
    postings: list[tuple[str, float, int]] = []
    df: dict[str, int] = {}
    ids = list(range(1, 301))
    for first in ids[::3]:
        at = rng.choice([0.0, 0.5, 1.0, 13.5, 14.0, 14.5, 20.0, 28.0, 28.5]) * DAY
        at += rng.choice([0.0, WINDOW_DAYS * DAY, 0.25 * DAY])
        keys = {"common", *(f"w{rng.randrange(40)}" for _ in range(rng.randrange(1, 9))),
                *(f"m:{rng.randrange(12)}" for _ in range(rng.randrange(3)))}
        if first == 151:
            keys |= {f"many{n:03d}" for n in range(230)}
        for aid in range(first, first + 3):
            postings += [(key, 1.7e9 + at, aid) for key in keys]
    for aid in range(301, 310):  # alone, 100 days on: its triples only meet on the edges
        at = 1.7e9 + (100 + WINDOW_DAYS * ((aid - 301) // 3 - 1)) * DAY
        postings += [("edge", at, aid), *([("m:99", at, aid)] if aid < 304 else [])]
    ids += range(301, 310)
    for key, _at, _aid in postings:
        df[key] = df.get(key, 0) + 1
    df = {key: n if key.startswith("many") else n // 3 for key, n in df.items()}  # rare ones
    conn.executemany("INSERT INTO link_keys(key, published, article_id) VALUES(?, ?, ?)",
                     postings)
    conn.executemany("INSERT INTO link_df(key, df) VALUES(?, ?)", [*df.items(), ("", 309)])
    conn.close()
    return ids


@pytest.mark.parametrize("whole", [False, True])
@pytest.mark.parametrize(("postings", "limit", "max_keys"),
                         [(100, 20, 200), (10, 5, 8), (7, 7, 3)])
def test_round_candidates_are_the_sql_ones_ties_and_edges_included(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, postings: int, limit: int,
        max_keys: int, whole: bool) -> None:
    """Key by key as the run's articles ask, or every key of the window read at once (a
    round about as big as the cache): the candidates SQL gives, ties and edges included."""
    from tui.core.linking import index
    from tui.core.linking.features import idf
    from tui.core.linking.score import DAY, WINDOW_DAYS
    from tui.core.store import links as store
    from tui.core.store.db import connect_readonly

    monkeypatch.setattr(store, "POSTINGS", postings)
    monkeypatch.setattr(index, "CANDIDATES", limit)
    monkeypatch.setattr(index, "MAX_KEYS", max_keys)
    monkeypatch.setattr(rounds, "RANK_CHUNK", 7)  # a job's articles ranked 7 at a time
    ids = _made_index(tmp_path / "c.db")
    conn = connect_readonly(tmp_path / "c.db")
    run = ids[90:]  # the first 90 are older news: candidates, not asked
    keys = store.keys_of(conn, run)
    window = rounds.window_of({aid: keys[aid][1] for aid in run})
    got = []
    for i in range(0, len(run), 40):  # postings loaded job by job
        got += rounds.round_candidates(conn, str(tmp_path / "c.db"), "t", run[i:i + 40], window,
                                       whole)
    df = store.df(conn, {k for ks, _p in keys.values() for k in ks})
    want = []
    for aid in run:
        mine, published = keys[aid]
        weighted = sorted(((index.MINHASH_WEIGHT if k.startswith("m:") else idf(df[k], 309), k)
                           for k in mine), reverse=True)[:max_keys]
        want.append((aid, store.candidates(
            conn, aid, published, weighted, (published - WINDOW_DAYS * DAY,
                                             published + WINDOW_DAYS * DAY),
            limit, index.RECENCY_DAYS * DAY)))
    rounds.forget()
    conn.close()
    assert got == want
    if postings == 100:  # 14 days either side is in the window
        assert dict(got)[304] == [305, 306, 301, 302, 303, 307, 308, 309]
    assert sum(len(cands) == limit for _aid, cands in got) > len(got) // 2

    def tie_cut(aid: int, cands: list[int]) -> bool:  # the last one's triple only partly in
        triple = (cands[-1] - 1) // 3
        return sum((c - 1) // 3 == triple for c in cands) < 3 - ((aid - 1) // 3 == triple)

    assert any(tie_cut(aid, cands) for aid, cands in got if cands)


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
    rows = [(a, b, rng.choice([0.1, 0.25, 0.5, rng.random()]), f"{a}-{b}", (a + b) % 2 == 0)
            for a, b in pairs]
    rng.shuffle(rows)
    best = rounds.Best(3)
    for i in range(0, len(rows), 17):
        best.add(rows[i:i + 17])
    got = best.take(list(range(20))) + best.take(best.held())
    want = []
    for aid in range(40):
        mine = [(s, b if a == aid else a, why, says) for a, b, s, why, says in rows
                if aid in (a, b)]
        mine.sort(key=lambda r: (-r[0], r[1]))
        want += sorted((aid, other, s, why, says) for s, other, why, says in mine[:3])
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
        rows = [(ids[0], ids[1], 0.9, "a"), (ids[1], gone, 0.8, "b"), (gone, ids[2], 0.7, "c"),
                (ids[2], ids[0], 0.6, "d")]
        _write_best(conn, [(a, b, p, text, True) for a, b, p, text in rows], chunk=3)
        assert sorted(tuple(r) for r in conn.execute("SELECT article_id, other_id, reasons "
                                                     "FROM links")) == [
            (ids[0], ids[1], "a"), (ids[2], ids[0], "d")]
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        cache.close()


def _tiles_by_sets(found: list[tuple[int, list[int]]], ids: list[int],
                   size: int) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """The tiles as the writer grouped them before numpy: a set per tile, a pair at a time."""
    order = {aid: n // size for n, aid in enumerate(sorted(ids))}
    groups: dict[tuple[int, int], set[tuple[int, int]]] = {}
    outside: dict[int, set[tuple[int, int]]] = {}
    for aid, cands in found:
        for other in cands:
            pair = (min(aid, other), max(aid, other))
            if other not in order:
                outside.setdefault(other, set()).add(pair)
                continue
            mine, theirs = order[aid], order[other]
            groups.setdefault((min(mine, theirs), max(mine, theirs)), set()).add(pair)
    after = max(order.values(), default=-1) + 1
    for n, other in enumerate(sorted(outside)):
        for a, b in outside[other]:
            key = (order[b if a == other else a], after + n // size)
            groups.setdefault(key, set()).add((a, b))
    return [(t, sorted(groups[t])) for t in sorted(groups)]


@pytest.mark.parametrize("seed", range(6))
def test_tiles_in_numpy_are_the_tiles_by_sets(seed: int) -> None:
    """Random runs with older articles among the candidates, pairs found from both sides,
    several jobs: the same tiles, in the same order, as grouping pair by pair."""
    import random

    rng = random.Random(seed)
    ids = rng.sample(range(1, 400), rng.randint(1, 120))
    older = rng.sample(range(400, 700), 40) + rng.sample(range(-50, 0), 5)
    found = [(aid, rng.sample([x for x in ids + older if x != aid], rng.randint(0, 12)))
             for aid in ids]
    size = rng.choice([1, 3, 7, 50, 2_000])
    tiler = rounds.Tiler(ids, size)
    for i in range(0, len(found), 13):
        tiler.add(found[i:i + 13])
    assert tiler.tiles() == _tiles_by_sets(found, ids, size)
    assert rounds.Tiler(ids, size).tiles() == []


def test_ranking_allocates_nothing_the_size_of_the_round(tmp_path: Path) -> None:
    """Ranking a job's articles costs what their own postings cost, not what the round holds:
    a sum per article over every article loaded (a cold run's whole fortnight) made a run's
    ranking grow with its square. Measured as the peak numpy allocates ranking 40 articles
    whose postings are already held beside 200k others'."""
    import tracemalloc

    from tui.core.store.db import connect, connect_readonly

    many, run = 200_000, list(range(1, 81))
    conn = connect(tmp_path / "c.db")
    conn.execute("PRAGMA foreign_keys = OFF")  # postings only: no articles behind them
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO link_keys(key, published, article_id) VALUES(?, ?, ?)",
                     [("common", 1.7e9 + aid, aid) for aid in range(1, many + 1)]
                     + [(f"w{aid % 7}", 1.7e9 + aid, aid) for aid in run])
    conn.executemany("INSERT INTO link_df(key, df) VALUES(?, ?)",
                     [("common", many), *((f"w{n}", 12) for n in range(7)), ("", many)])
    conn.commit()
    conn.close()
    conn = connect_readonly(tmp_path / "c.db")
    window = (1.7e9 - 1.0, 1.7e9 + many + 1.0)
    try:
        first = rounds.round_candidates(conn, "c.db", "t", run[:40], window)  # loads the keys
        tracemalloc.start()
        got = rounds.round_candidates(conn, "c.db", "t", run[40:], window)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    finally:
        rounds.forget()
        conn.close()
    assert len(first) == len(got) == 40 and all(len(cands) == 20 for _aid, cands in got)
    assert dict(got)[41][:6] == [34, 48, 27, 55, 20, 62]  # w6 as it has, nearest first
    assert peak < many * 8 // 2  # its own ~4,500 postings' arrays; before: 4.9 MB


def test_a_worker_holds_a_bench_runs_features_decoded() -> None:
    """A round's scoring jobs pair every block with every other and the pool hands them out
    in turn, so a worker holding two blocks and a bit (4,500) decoded a cold 10k run's
    articles 3.2 times over: it holds the run's five blocks."""
    from tui.core.linking import index

    assert index._DECODED_MAX >= 5 * rounds.BLOCK


def test_a_tiles_scoring_job_gets_its_pairs_packed() -> None:
    """A tile crosses the pipe as one int64 array (pickled as bytes), not a tuple per pair:
    the same pairs in the same order, an older article's lower or negative id included."""
    import pickle
    from array import array

    from tui.core.linking import tiling

    found = [(1, [2, 3, 9, -4]), (2, [1, 3, 700]), (3, [1]), (9, [100, 2])]
    tiler = rounds.Tiler([1, 2, 3, 9], 2)
    tiler.add(found)
    packed = tiler.packed()
    assert [(key, tiling.unpack(codes)) for key, codes in packed] == _tiles_by_sets(
        found, [1, 2, 3, 9], 2)
    assert all(isinstance(codes, array) and codes.typecode == "q" for _k, codes in packed)
    big = rounds.Tiler(range(5_000), 5_000)
    big.add([(aid, list(range(aid + 1, aid + 21))) for aid in range(4_000)])
    [(_key, codes)] = big.packed()
    assert len(pickle.dumps(codes, pickle.HIGHEST_PROTOCOL)) < 8 * len(codes) + 200
    with pytest.raises(ValueError):
        rounds.Tiler([1], 2).add([(1, [tiling.LIMIT])])


def test_a_rounds_worker_reads_each_keys_rarity_once(tmp_path: Path) -> None:
    """The writer counts no keys while a round ranks, so a worker reads each key's document
    count (and the documents') once a round, not once a job: a later job of the round asks
    only keys not met yet; the next round reads them all again."""
    from tui.core.store import links as store
    from tui.core.store.db import connect, connect_readonly

    path = tmp_path / "c.db"
    ids = _made_index(path)
    conn = connect_readonly(path)
    run = ids[90:]
    keys = store.keys_of(conn, run)
    window = rounds.window_of({aid: keys[aid][1] for aid in run})
    try:
        rounds.round_candidates(conn, str(path), "t", run[:40], window)
        held = rounds._round[str(path)][1].df
        asked = {k for aid in run[:40] for k in keys[aid][0] if k[:2] != "m:"}
        assert asked <= held.keys() and held[""] > 0 and not any(k[:2] == "m:" for k in held)
        first = dict(held)
        writer = connect(path)
        writer.execute("UPDATE link_df SET df = df + 50")  # never while a round ranks
        writer.commit()
        writer.close()
        rounds.round_candidates(conn, str(path), "t", run[40:], window)
        assert all(held[k] == first[k] for k in first)  # read once this round
        rounds.round_candidates(conn, str(path), "t2", run[:40], window)
        again = rounds._round[str(path)][1].df
        assert again[""] == first[""] + 50 and all(again[k] == first[k] + 50 for k in asked
                                                   if first[k])
    finally:
        rounds.forget()
        conn.close()
