"""Where an item ranks in a related list: the pair's log-odds plus the fitted weight times its
second-order support (tests/data/related_eval.md, round 37). Plain numbers only, so the store
(`coverage.related`), `related_items` and the benches share one rule without importing each
other.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

SHARED_FROM = 0.05  # a link both make to a third article counts from here (STORY_LINK_MIN)


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
