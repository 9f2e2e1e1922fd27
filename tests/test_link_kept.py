"""A job's kept rows are worded per distinct reason (tui/core/linking/kept.py): the codes and
figures it words them from give `score`'s own words and numbers, on the boundaries too
(halves of an hour or a day, figures that end in a half, probabilities far either way)."""

from __future__ import annotations

import math
import random

import numpy as np

from tui.core.linking.kept import _apart_words, apart_codes, figures, probabilities
from tui.core.linking.score import WINDOW_DAYS, default_model, time_apart
from tui.core.linking.text import place_matcher


def test_time_apart_codes_word_every_boundary_as_apart_does() -> None:
    rng = random.Random(7)
    days = [k / 48 for k in range(0, 48 * 3)]  # every half hour: ties round to even
    days += [k / 2 for k in range(int(WINDOW_DAYS) * 2 + 1)]  # every half day
    days += [(20 - 1e-12) / 24, 20 / 24, 1 / 24 - 1e-15, 1 / 24, WINDOW_DAYS]
    days += [rng.uniform(0, WINDOW_DAYS) for _ in range(2_000)]
    codes = apart_codes(np.array(days, np.float64)).tolist()
    assert [_apart_words(c) for c in codes] == [time_apart(d) for d in days]


def test_figures_read_as_python_formats_them() -> None:
    rng = random.Random(11)
    values = [k / 32 for k in range(33)]  # copy similarity: 0.125, 0.625 end in a half
    values += [k / 1000 for k in range(1_001)] + [k / 200 for k in range(201)]
    values += [1.0000000000000002, 0.9999999999999999, 0.004999999999999999, 0.145, 0.155]
    values += [rng.random() for _ in range(5_000)]
    assert figures(np.array(values, np.float64)).tolist() == [f"{v:.2f}" for v in values]


def test_probabilities_are_totals_to_the_bit() -> None:
    """numpy's logistic, rounded as `round` rounds, except within a hair of a half
    millionth (dot products aimed at those here): Python's own there."""
    model = default_model()
    rng = random.Random(3)
    dots = [rng.uniform(-30, 30) for _ in range(3_000)] + [-model.bias, 0.0, 700.0, -700.0]
    for _ in range(500):  # probabilities at (k + 1/2) / 10**6, give or take the last bits
        p = (rng.randrange(1, 999_999) + 0.5) / 1e6
        dots.append(math.log(p / (1 - p)) - model.bias)
    got = probabilities(model, np.array(dots, np.float64)).tolist()
    assert got == [round(model._sigmoid(d), 6) for d in dots]


def test_many_names_are_the_reasons_names_in_explain_order() -> None:
    """`_many_names` orders a pair's shared names itself (tuples sorted in C): the same first
    four distinct names as `score.explain_order` gives, with leads, ties, country places and
    two ids that show one name."""
    from tui.core.linking.features import Features
    from tui.core.linking.kept import _many_names
    from tui.core.linking.names import display_name, place_kind
    from tui.core.linking.score import explain_order

    places = sorted(place_matcher().places)
    countries = [p for p in places if place_kind(p) == "country"][:4]
    cities = [p for p in places if place_kind(p) != "country"][:6]
    actors = ["vladimir-putin", "sergei-shoigu", "hamas", "al-assad", "al assad", "x-ray", "irgc"]
    rng = random.Random(5)

    def feats() -> Features:
        mine = {a: rng.choice([0.5, 1.0, 1.5, rng.random()]) for a in rng.sample(actors, 5)}
        where = {p: rng.choice([0.5, 1.0, rng.random()])
                 for p in rng.sample(countries + cities, 5)}
        lead = rng.choice([*(f"a:{a}" for a in mine), *(f"p:{p}" for p in where), ""])
        return Features(0.0, "latin", mine, {}, where, {}, {}, (), lead)

    for _ in range(2_000):
        x, y = feats(), feats()
        weights = {f"a:{k}": min(x.actors[k], y.actors[k]) for k in x.actors.keys() & y.actors.keys()}
        weights.update({f"p:{k}": min(x.places[k], y.places[k])
                        for k in x.places.keys() & y.places.keys()})
        if len(weights) < 2:
            continue
        want: dict[str, None] = {}
        for key in explain_order(weights, {x.lead, y.lead}):
            want[display_name(key)] = None
            if len(want) == 4:
                break
        assert _many_names(x, y, display_name) == ", ".join(want)


def test_names_ranked_in_numpy_are_the_ones_link_gives() -> None:
    """A scoring job ranks the names of pairs that share two or more from every key they share
    (`Sparse.meet_all`, `_ranked_names`): the reasons `score.link` gives pair by pair, with
    protagonists on either side, tied weights, country places and two ids of one name."""
    from dataclasses import replace

    from tui.core.linking import kept
    from tui.core.linking.batch import score_many
    from tui.core.linking.features import Features
    from tui.core.linking.names import place_kind
    from tui.core.linking.score import link

    places = sorted(place_matcher().places)
    where_all = [p for p in places if place_kind(p) == "country"][:4]
    where_all += [p for p in places if place_kind(p) != "country"][:6]
    actors = ["vladimir-putin", "sergei-shoigu", "hamas", "al-assad", "al assad", "x-ray", "irgc"]
    rng = random.Random(9)

    def feats(n: int) -> Features:
        mine = {a: rng.choice([0.5, 1.0, 1.5, rng.random()]) for a in rng.sample(actors, 5)}
        where = {p: rng.choice([0.5, 1.0, rng.random()]) for p in rng.sample(where_all, 5)}
        lead = rng.choice([*(f"a:{a}" for a in mine), *(f"p:{p}" for p in where), ""])
        return Features(n * 600.0, "latin", mine, {}, where, {}, {}, (), lead)

    model = replace(default_model(), link_min=0.0)
    arts = {n: feats(n) for n in range(1, 121)}
    pairs = [(a, b) for a in arts for b in arts if a < b and rng.random() < 0.3]
    ranked = []
    real = kept._ranked_names

    def spy(*args: object, **kwargs: object) -> list[str]:
        out = real(*args, **kwargs)  # type: ignore[arg-type]
        ranked.extend(out)
        return out

    kept._ranked_names = spy  # type: ignore[assignment]
    try:
        rows = score_many(arts, pairs, model)
    finally:
        kept._ranked_names = real  # type: ignore[assignment]
    assert len(ranked) > 500  # most pairs share two names or more: ranked in numpy
    assert rows == [(a, b, *found) for a, b in pairs if (found := link(arts[a], arts[b], model))]
