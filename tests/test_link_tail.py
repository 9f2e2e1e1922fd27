"""The decay's third bend: a week after its report, an event's coverage (the week's analysis,
the protests after a disaster, the troops leaving) is still written, and the odds of the same
event fall slowly from LATE_DAYS to TAIL_DAYS and fast after it (the `tail` part;
tests/data/related_eval.md, round 50)."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import pytest

from tui.core.linking.features import Features, raw_features, weigh
from tui.core.linking.score import PARTS, TAIL_DAYS, WINDOW_DAYS, default_model, parts, score

START = datetime.fromisoformat("2022-01-05T09:00:00+00:00")


def _features(title: str, body: str, at: datetime) -> Features:
    return weigh(raw_features(title, body, [], at), at, {}, 100)


def _report() -> Features:
    return _features(
        "Government resigns as fuel protests spread across the steppe",
        "Protesters stormed the city hall on 5 January.",
        START,
    )


def _analysis(days: float) -> Features:
    return _features(
        "The president steps out of his mentor's shadow",
        "The protests that began on 5 January changed the country.",
        START + timedelta(days=days),
    )


@pytest.mark.parametrize(
    ("days", "tail"),
    [
        (1.0, 0.0),
        (TAIL_DAYS, 0.0),
        (9.0, 2.0 / 7),
        (WINDOW_DAYS + 6, (WINDOW_DAYS - TAIL_DAYS) / 7),
    ],
)
def test_tail_counts_the_days_past_a_week_within_the_window(days: float, tail: float) -> None:
    report, later = _report(), _analysis(days)
    assert parts(report, later)["tail"] == pytest.approx(tail)
    assert parts(later, report)["tail"] == parts(report, later)["tail"]


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def test_the_fitted_decay_keeps_the_week_after_a_report_and_falls_fast_past_it() -> None:
    assert "tail" in PARTS and default_model().weights["tail"] < 0
    report = _report()
    odds = {d: _logit(score(report, _analysis(d), default_model()).total) for d in (3, 5, 7, 9, 11)}
    # days 3 to 7 (the week's follow-ups and analysis) cost under a log-odd a day (one slope
    # from day 3 on cost 1.2 a day, and 0.5 after day 7), days 7 to 11 more than that
    week, after = (odds[3] - odds[7]) / 4, (odds[7] - odds[11]) / 4
    assert week < 1.0
    assert after > week
