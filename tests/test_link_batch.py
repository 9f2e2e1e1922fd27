"""Pairs scored at once in numpy (tui/core/linking/batch.py) give `score.link`'s rows to the
bit: the same probabilities and reasons, on every pair of the devset's articles (people,
places, states, scripts, event types, repeats, pairs further apart than the window)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tui.core.linking.batch import score_many
from tui.core.linking.features import Features
from tui.core.linking.score import Model, default_model, link


def _devset_features(folder: Path) -> dict[int, Features]:
    from bench.related_data import build_cache, load_devset
    from tui.core.linking.index import features

    cache = build_cache(folder, load_devset())
    try:
        conn = cache.conn
        ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]
        return features(conn, ids, keep=False)
    finally:
        cache.close()


def _one_by_one(feats: dict[int, Features], pairs: list[tuple[int, int]],
                model: Model) -> list[tuple[int, int, float, str, int]]:
    return [(a, b, *kept) for a, b in pairs if a in feats and b in feats
            and (kept := link(feats[a], feats[b], model))]


def test_every_devset_pair_scores_as_link_scores_it(tmp_path: Path) -> None:
    feats = _devset_features(tmp_path)
    ids = sorted(feats)
    pairs = [(a, b) for n, a in enumerate(ids) for b in ids[n + 1:]]
    pairs += [(b, a) for a, b in pairs[::7]]  # either way round
    model = default_model()
    want = _one_by_one(feats, pairs, model)
    far = [p for p in pairs if abs(feats[p[0]].published - feats[p[1]].published) > 14 * 86400]
    assert len(want) > 1000 and far  # links to get wrong, and pairs beyond the window
    whys = [why for *_x, why, _says in want]  # reasons with names and event types
    assert any("both: " in w for w in whys) and any("apart" not in w.split("; ")[0] for w in whys)
    assert {says for *_x, says in want} == {1, 0}
    got = score_many(feats, pairs, model)
    assert got == want
    _says_are_ints(got + want)
    # a model that keeps every pair (links beyond the window too) and one that keeps few
    for floor in (0.0, 0.5):
        strict = replace(model, link_min=floor)
        got = score_many(feats, pairs[:3000], strict)
        assert got == _one_by_one(feats, pairs[:3000], strict)
        _says_are_ints(got + _one_by_one(feats, pairs[:3000], strict))


def _says_are_ints(rows: list[tuple[int, int, float, str, int]]) -> None:
    """The flag is 1 or 0, never a bool: the writer binds every link row, and sqlite3 binds
    a bool through its adapter lookup (~1 us a row of a cold run's 190k links)."""
    assert {type(row[4]) for row in rows} == {int}


def test_odd_signatures_and_missing_features_score_as_link_scores_them(
        tmp_path: Path) -> None:
    feats = _devset_features(tmp_path)
    ids = sorted(feats)[:40]
    odd = dict(feats)
    odd[ids[0]] = replace(feats[ids[0]], sig=feats[ids[0]].sig[:5])  # an older version's
    pairs = [(a, b) for n, a in enumerate(ids) for b in ids[n + 1:]] + [(ids[1], -1)]
    model = default_model()
    assert score_many(odd, pairs, model) == _one_by_one(odd, pairs, model)
    assert score_many(odd, [], model) == []


def test_reasons_of_tied_and_many_event_types_and_names_read_as_link_words_them(
        tmp_path: Path) -> None:
    """kept.py words the first two shared event types itself: the greater minimum weight
    first, a tie going to the key order, as `what.shared` orders them, of two, three or
    four."""
    feats = _devset_features(tmp_path)
    ids = sorted(feats)[:30]
    profiles = [{"deaths": 0.6, "drone": 0.6}, {"drone": 0.6, "deaths": 0.6},
                {"missile": 0.7, "air_strike": 0.5}, {"air_strike": 0.5, "missile": 0.7},
                {"assassination": 0.5, "deaths": 0.5, "ground": 0.5},
                {"missile": 0.45, "drone": 0.6, "deaths": 0.5, "air_strike": 0.7}]
    odd = dict(feats)
    for n, aid in enumerate(ids):
        odd[aid] = replace(feats[aid], what=profiles[n % len(profiles)])
    pairs = [(a, b) for n, a in enumerate(ids) for b in ids[n + 1:]]
    model = replace(default_model(), link_min=0.0)
    want = _one_by_one(odd, pairs, model)
    whys = [why for *_x, why, _says in want]
    assert any("both: deaths, drone attack" in w for w in whys)  # tied: by key
    assert any("both: missile attack, air strike" in w for w in whys)  # the greater first
    assert any("both: air strike, drone attack" in w for w in whys)  # two of four
    got = score_many(odd, pairs, model)
    assert got == want
    _says_are_ints(got + want)


def test_a_worker_codes_each_article_once_whichever_jobs_it_is_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A round's jobs pair every block with every other: an article's keys are coded once
    per process (sparse.Codes), not once per job, and keys new to a later job (which sort
    among those ranked before) or a vocabulary started again leave the rows `link` gives."""
    from tui.core.linking import sparse

    feats = _devset_features(tmp_path)
    ids = sorted(feats)
    half = len(ids) // 2
    first, second = ids[:half], ids[half:]
    jobs = [[(a, b) for n, a in enumerate(block) for b in block[n + 1:]]
            for block in (first, second)]
    jobs.insert(1, [(a, b) for a in first for b in second])  # the blocks' tile between
    model = default_model()
    codes = sparse.Codes()
    monkeypatch.setattr(sparse, "CODES", codes)
    keys = []
    for pairs in jobs:
        assert score_many(feats, pairs, model) == _one_by_one(feats, pairs, model)
        keys.append(list(codes.order))
    assert codes.slots == len(ids)  # each coded once
    new = sorted(set(keys[2]) - set(keys[0]))  # the second block's own keys, ranked among
    assert new and any(keys[0][0] < k < keys[0][-1] for k in new)  # the first's
    monkeypatch.setattr(sparse, "SLOTS_MAX", half + 5)  # past it: all coded again, afresh
    was, feats = codes.generation, {aid: replace(f) for aid, f in feats.items()}  # uncoded
    for pairs in jobs:
        assert score_many(feats, pairs, model) == _one_by_one(feats, pairs, model)
    assert codes.generation != was and codes.slots == len(ids)


def test_a_headline_name_held_twice_is_coded_once(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """`heads` is a tuple (the other key-only fields are sets): a name in it twice (never
    made so, but a stored row could hold it) is one key of the article, as `link` reads it."""
    from tui.core.linking import sparse

    feats = _devset_features(tmp_path)
    ids = sorted(feats)[:40]
    odd = {aid: replace(f, heads=f.heads + f.heads[:1]) for aid, f in feats.items()}
    assert any(len(set(odd[aid].heads)) < len(odd[aid].heads) for aid in ids)
    codes = sparse.Codes()
    monkeypatch.setattr(sparse, "CODES", codes)
    pairs = [(a, b) for n, a in enumerate(ids) for b in ids[n + 1:]]
    model = default_model()
    assert score_many(odd, pairs, model) == _one_by_one(odd, pairs, model)
    heads = sparse.FIELDS.index("heads")
    slots = [odd[aid].coded[1] for aid in ids]  # type: ignore[index]
    assert codes.count[heads].data[slots].tolist() == [len(set(odd[aid].heads)) for aid in ids]
