"""Where an item ranks in a related list: the pair's log-odds plus the fitted weight times its
second-order support (tests/data/related_eval.md, round 37). Plain numbers only, so the store
(`coverage.related`), `related_items` and the benches share one rule without importing each
other.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

SHARED_FROM = 0.05  # a link both make to a third article counts from here (STORY_LINK_MIN)
# A story's members more than this far apart in time (none between) are two runs: only the
# article's own run is listed in the story's tier. Out of sample (a-h+k, 5 folds, 3 seeds):
# intrusions 93.0 -> 90.0, P@1 0.950 -> 0.955; 2 days: 99.0 and R@5 lost, 4: no change
# (tests/data/related_eval.md, round 39). Cutting the stories themselves loses B3-F1.
STORY_GAP_DAYS = 3.0


def support(p: float, total: float, shared: float) -> float:
    """Second-order evidence that an item reports my event: the share of its link mass
    (`total`, over its stored links) that goes to me (`p`) or to articles I link too
    (`shared`: each such third article at the weaker of its two links). An event's coverage
    links as a dense group; another event's article linked to me alone spends its links on
    its own event's reports (tests/data/related_eval.md, round 37). 0-1, rounded to 9
    places so the order the links were summed in cannot move a tie."""
    return round((p + shared) / total, 9) if total else 0.0


def mass(me: int, mine: Mapping[int, float], theirs: Mapping[int, float]
         ) -> tuple[float, float, int]:
    """(total, shared, how many shared at SHARED_FROM or more both ways) of an item's links
    `theirs` against mine, as the store sums them (coverage.related); for the benches."""
    total = sum(theirs.values())
    both = [(q, mine[c]) for c, q in theirs.items() if c in mine and c != me]
    return (total, sum(min(q, r) for q, r in both),
            sum(1 for q, r in both if q >= SHARED_FROM and r >= SHARED_FROM))


def rank_value(p: float, support_: float, weight: float) -> float:
    """Where an item ranks within its tier (the story's, then the rest): the pair's log-odds
    plus `weight` (the model's `support`, fitted: fit.py) times its `support`. With weight 0
    it is the pair's order."""
    q = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(q / (1 - q)) + weight * support_


def run_of(me: int, published: Mapping[int, float]) -> set[int]:
    """The members of my story (`published`: id -> seconds, mine too) in my run: those
    reached from me in time order without a gap of more than STORY_GAP_DAYS. By time alone,
    so arrival order never shows."""
    times = sorted(set(published.values()))
    gap = STORY_GAP_DAYS * 86400.0
    at = times.index(published[me])
    lo = hi = at
    while lo > 0 and times[lo] - times[lo - 1] <= gap:
        lo -= 1
    while hi < len(times) - 1 and times[hi + 1] - times[hi] <= gap:
        hi += 1
    return {a for a, t in published.items() if times[lo] <= t <= times[hi]}
