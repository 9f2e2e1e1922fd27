"""The decay's bend: a report's analysis and reactions come two to three days on, and the
odds of the same event fall at one rate until LATE_DAYS and at another after it (the `late`
part; tests/data/related_eval.md, round 40)."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from itertools import pairwise

import pytest

from tui.core.linking.features import Features, raw_features, weigh
from tui.core.linking.score import LATE_DAYS, PARTS, default_model, parts, score

START = datetime.fromisoformat("2025-06-02T08:00:00+00:00")


def _features(title: str, body: str, at: datetime) -> Features:
    return weigh(raw_features(title, body, [], at), at, {}, 100)


@pytest.mark.parametrize(("days", "late"), [(0.5, 0.0), (LATE_DAYS, 0.0), (5.0, 2.0 / 7),
                                             (20.0, 11.0 / 7)])
def test_late_counts_the_days_past_the_bend_within_the_window(days: float, late: float) -> None:
    report = _features("Drones hit airfields deep in Russia", "The attack came on Sunday.",
                       START)
    later = _features("What the airfield raids cost the bomber fleet", "", START
                      + timedelta(days=days))
    assert parts(report, later)["late"] == pytest.approx(late)
    assert parts(later, report)["late"] == parts(report, later)["late"]


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def test_the_fitted_decay_is_slow_while_a_report_is_analysed_and_steeper_after() -> None:
    w = default_model().weights
    assert "late" in PARTS and w["late"] < 0
    report = _features("Drones hit airfields deep in Russia", "The attack came on Sunday.",
                       START)
    odds = [_logit(score(report, _features("Airfield raid: what the bomber fleet lost",
                                           "The attack came on Sunday.",
                                           START + timedelta(days=d))).total)
            for d in (1, 2, 3, 4, 5)]
    falls = [a - b for a, b in pairwise(odds)]  # in log-odds
    # a day past the bend costs more than any day before it (the first days are near flat:
    # the dev set's analyses come two to three days after their reports)
    assert falls[3] > 0.5 and falls[3] > max(map(abs, falls[:2]))
