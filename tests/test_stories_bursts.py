"""Two bursts of coverage stay two stories: groups of two or more merge only within a day of
each other and when they link across nearly as tightly as within (stories.APART_HOURS,
stories.CONTRAST); a lone piece is never held back by either."""

from __future__ import annotations

import itertools

from tui.core.linking.stories import cluster

T = 0.5
HOUR = 3600.0


def _two_bursts(gap_hours: float, across: float) -> tuple[dict[int, float], dict]:
    """1-2-3 (a strike) at hours 0-2 and 4-5-6 (the next blow) `gap_hours` after 3 ends,
    each tight within, every pair across at `across`."""
    published = {1: 0.0, 2: HOUR, 3: 2 * HOUR}
    start = 2 * HOUR + gap_hours * HOUR
    published.update({4: start, 5: start + HOUR, 6: start + 2 * HOUR})
    links = {(a, b): 0.95 for a, b in ((1, 2), (1, 3), (2, 3), (4, 5), (4, 6), (5, 6))}
    links.update({(a, b): across for a in (1, 2, 3) for b in (4, 5, 6)})
    return published, links


def test_two_tight_bursts_a_day_and_a_half_apart_stay_two_stories() -> None:
    published, links = _two_bursts(36, 0.7)  # across 0.7: what the pair score gives neighbours
    assert cluster(published, links, T) == [[1, 2, 3], [4, 5, 6]]
    assert cluster(published, links, T, apart_hours=None) == [[1, 2, 3, 4, 5, 6]]


def test_two_bursts_the_same_day_linking_loosely_across_stay_two_stories() -> None:
    # 0.52 across against 0.95 within: two events that share their names and their day
    published, links = _two_bursts(3, 0.52)
    assert cluster(published, links, T) == [[1, 2, 3], [4, 5, 6]]
    assert cluster(published, links, T, contrast=0.0) == [[1, 2, 3, 4, 5, 6]]


def test_one_event_in_two_bursts_hours_apart_is_one_story() -> None:
    published, links = _two_bursts(6, 0.8)
    assert cluster(published, links, T) == [[1, 2, 3, 4, 5, 6]]


def test_a_lone_analysis_days_later_still_joins_its_event() -> None:
    published, links = _two_bursts(3, 0.1)
    published[7] = published[6] + 72 * HOUR  # an analysis three days on, linking to 1-2-3
    links.update({(7, 1): 0.8, (7, 2): 0.7, (7, 3): 0.75})
    assert cluster(published, links, T) == [[1, 2, 3, 7], [4, 5, 6]]


def test_the_bursts_rule_does_not_depend_on_arrival_order() -> None:
    published, links = _two_bursts(30, 0.7)
    links.update({(7, 1): 0.6, (7, 4): 0.55, (8, 5): 0.9, (8, 7): 0.5})
    published.update({7: 20 * HOUR, 8: 40 * HOUR})
    want = cluster(published, links, T)
    for order in itertools.islice(itertools.permutations(sorted(published)), 0, None, 97):
        again = {i: published[i] for i in order}
        shuffled = dict(sorted(links.items(), key=lambda kv: order.index(kv[0][0])))
        flipped = {(b, a) if order.index(a) % 2 else (a, b): p for (a, b), p in shuffled.items()}
        assert cluster(again, flipped, T) == want
