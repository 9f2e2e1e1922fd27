"""The pure story planner: average linkage, no chaining, merging only what fits together."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.linking.stories import date_range, plan

T = 0.12


def _plan(near: dict[int, float], story_of: dict[int, int], groups: dict[int, list[int]],
          pairs: dict[frozenset[int], float] | None = None, span_ok: bool = True):  # type: ignore[no-untyped-def]
    pairs = pairs or {}

    def linkage(a: Sequence[int], b: Sequence[int]) -> float:
        return sum(pairs.get(frozenset((x, y)), 0.0) for x in a for y in b) / (len(a) * len(b))

    return plan(near, story_of, lambda sid: groups[sid], linkage, T, lambda _ids: span_ok)


def test_new_pair_starts_a_story() -> None:
    p = _plan({1: 0.4, 2: 0.05}, {}, {})
    assert p.join is None and p.new_with == [1]


def test_joins_on_average_not_on_one_link() -> None:
    groups = {7: [1, 2, 3, 4]}
    chained = _plan({1: 0.3}, {1: 7, 2: 7, 3: 7, 4: 7}, groups)  # 0.3 / 4 members < T
    assert chained.join is None and chained.new_with == []
    fits = _plan({1: 0.3, 2: 0.2, 3: 0.2}, {1: 7, 2: 7, 3: 7, 4: 7}, groups)
    assert fits.join == 7


def test_bridge_merges_only_stories_that_link_to_each_other() -> None:
    groups = {1: [10, 11], 2: [20, 21]}
    story_of = {10: 1, 11: 1, 20: 2, 21: 2}
    near = {10: 0.5, 11: 0.5, 20: 0.4, 21: 0.4}
    apart = _plan(near, story_of, groups)
    assert apart.join == 1 and apart.merge == []
    close = {frozenset((a, b)): 0.3 for a in (10, 11) for b in (20, 21)}
    together = _plan(near, story_of, groups, close)
    assert together.join == 1 and together.merge == [2]


def test_span_guard() -> None:
    assert _plan({1: 0.4}, {}, {}, span_ok=False).new_with == []


def test_date_range() -> None:
    day = 86400.0
    start = 1722816000.0  # 2024-08-05
    assert date_range(start, start + 3600) == "5 Aug 2024"
    assert date_range(start, start + day) == "5-6 Aug 2024"
    assert date_range(start, start + 30 * day) == "5 Aug-4 Sep 2024"
