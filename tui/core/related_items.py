"""Which related items a list shows and the words it gives them: one rule for the side panel,
`newsdesk related` (text and JSON) and the benches that score lists as shown.

What is shown: `shown`. How strongly an item is linked, in one word: `strength`. Two
signals, each meaning one thing. The *score* is the probability that this pair alone reports
the same event (a model fitted on a labelled set). The *story* is the cluster the tree lists:
it weighs every pair among its articles, so it tells an event's coverage apart better than
one pair does (tests/data/related_eval.md), and it may hold an article whose own pair is weak
(a short wire that names no one, linked through the story's other reports) or a neighbouring
event it could not part (an inauguration and a guest's killing that night). The story goes
first; the score grades the rest.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.store.coverage import RelatedItem

SAME_STORY = "same story"
LIKELY = "likely"
MAYBE = "maybe"
LIKELY_FROM = 0.5  # the pair alone more likely than not the same event
SHARED_FROM = 0.05  # a link both make to a third article counts from here (STORY_LINK_MIN)


def listed_apart(says_why: bool, across: bool) -> bool:
    """Whether a link is listed outside the article's story: its reasons say why (a name, an
    event type or text both share: `Score.says_why`, stored with the link), or it joins two
    scripts. Within one script a link whose reasons are the time apart alone shares no name
    and no words (two unrelated reports of one feed an hour apart, 2%): it stays stored
    (stories weigh it) but is not listed. Out of sample (parts a-f, 3 seeds) such items were
    the same event 2 times in 36, all below 0.1; across scripts, where words cannot be
    compared and the link rests on the ids both name (states are not named in reasons), 12
    times in 27 (tests/data/related_eval.md)."""
    return says_why or across


def shown(item: RelatedItem) -> bool:
    """What a related list shows: any link inside the article's story, and `listed_apart`
    ones outside it."""
    return item.in_story or listed_apart(item.says_why, item.across)


def legend(story: str = "") -> str:
    """What the words and the score mean (`newsdesk related --help`, the README say it too);
    `story`: the article's story as the tree labels it, named where the words say "story"."""
    where = f" ({story})" if story else ""
    return ("score: the chance that the pair alone reports the same event; same story: in "
            f"the article's story{where}, grouped by every pair among its articles, so a "
            "weak pair can belong (and a neighbouring event too); likely: outside it, scored "
            f"{LIKELY_FROM:.1f} or more; maybe: outside it, less (another event, most often)")


def strength(item: RelatedItem) -> str:
    """'same story' (in the article's story), else 'likely' or 'maybe' by the pair's score."""
    if item.in_story:
        return SAME_STORY
    return LIKELY if item.score >= LIKELY_FROM else MAYBE


def is_weak(item: RelatedItem) -> bool:
    """Shown apart, after the others and dimmed: outside the story and less likely than not."""
    return strength(item) == MAYBE


def strength_said(item: RelatedItem) -> str:
    """`strength`, and for a story member whose own pair is weak, why it is one (`newsdesk
    related` prints this)."""
    word = strength(item)
    word = f"{word}, via its other articles" if word == SAME_STORY and item.score < \
        LIKELY_FROM else word
    return f"{word}, also linked to {item.shared} of its other reports" if item.shared >= 2 \
        else word


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
