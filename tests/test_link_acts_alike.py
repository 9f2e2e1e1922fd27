"""Another act by the same people: how much of what happened to whom two texts say alike.

A second strike on the same city, told a day later, names the same kind of thing with the
same names in its headline and lead as the first; two reports of one event name its people
but each in its own sentences (tests/data/related_eval.md, round 56).
"""

from __future__ import annotations

from datetime import datetime

from tui.core.linking.features import Features, raw_features, weigh
from tui.core.linking.score import PARTS, default_model, parts


def _features(title: str, body: str, when: str) -> Features:
    at = datetime.fromisoformat(when)
    return weigh(raw_features(title, body, [], at), at, {}, 100)


def test_the_part_is_the_jaccard_of_the_two_texts_acts() -> None:
    first = _features(
        "Air strike hits Tehran", "Two were killed in Isfahan.", "2024-07-31T06:00:00+00:00"
    )
    second = _features("Air strike hits Tehran again", "", "2024-08-01T09:00:00+00:00")
    beirut = _features("Air strike hits Beirut", "", "2024-07-31T08:00:00+00:00")
    quiet = _features("A quiet day in Tehran", "", "2024-07-31T08:00:00+00:00")
    assert first.acts == {"air_strike p:tehran", "deaths p:isfahan"}
    assert second.acts == {"air_strike p:tehran"}
    assert parts(first, second)["acts_alike"] == 0.5 == parts(second, first)["acts_alike"]
    assert parts(second, second)["acts_alike"] == 1.0
    assert parts(first, beirut)["acts_alike"] == 0.0  # acts_apart's side
    assert parts(first, beirut)["acts_apart"] == 1.0
    assert not quiet.acts and parts(first, quiet)["acts_alike"] == 0.0  # no evidence


def test_the_shipped_model_weighs_the_same_act_told_again_down() -> None:
    """Fitted on the set: beside the shared names in the leads (`focus`), the same act with
    the same names told again is another act (round 56: out of sample fewer intrusions)."""
    model = default_model()
    assert "acts_alike" in PARTS and model.weights["acts_alike"] < 0
    first = _features(
        "Air strike hits Tehran", "Two were killed in Isfahan.", "2024-07-31T06:00:00+00:00"
    )
    second = _features("Air strike hits Tehran again", "", "2024-08-01T09:00:00+00:00")
    same = parts(first, second)
    told_otherwise = {**same, "acts_alike": 0.0}
    assert model.probability(same) < model.probability(told_otherwise)
