"""Stories: clusters of articles about one event, grown one article at a time.

Pure (no SQL): the store hands in scores and memberships and applies the plan. An article joins
the story it links to best *on average over the story's members* (average linkage), not the
story of its single best link: single linkage chains "Shoigu in Tehran" -> "Haniyeh's killing"
-> "Pezeshkian's inauguration" into one blob, while an average over members does not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tui.core.linking.score import Features, actor_kind, display_name, place_kind

MAX_SPAN_DAYS = 10.0  # a story longer than this is a theme, not an event


@dataclass
class Plan:
    join: int | None = None  # existing story to add the article to
    new_with: list[int] = field(default_factory=list)  # or: start a story with these articles
    merge: list[int] = field(default_factory=list)  # other stories folded into `join`


def average(scores: dict[int, float], members: Sequence[int]) -> float:
    return sum(scores.get(m, 0.0) for m in members) / len(members) if members else 0.0


def plan(near: dict[int, float], story_of: dict[int, int], members: Callable[[int], list[int]],
         linkage: Callable[[Sequence[int], Sequence[int]], float], threshold: float,
         span_ok: Callable[[Sequence[int]], bool]) -> Plan:
    """Where a new article goes, given its link scores `near` (other id -> score)."""
    stories = {story_of[o] for o, s in near.items() if s >= threshold and o in story_of}
    ranked = sorted(((average(near, members(sid)), sid) for sid in stories), reverse=True)
    ranked = [(avg, sid) for avg, sid in ranked if avg >= threshold and span_ok(members(sid))]
    if ranked:
        _avg, best = ranked[0]
        group = list(members(best))
        merged = []
        for _avg2, other in ranked[1:]:
            theirs = members(other)
            if linkage(group, theirs) >= threshold and span_ok([*group, *theirs]):
                merged.append(other)
                group.extend(theirs)
        return Plan(join=best, merge=merged)
    loose = sorted(((s, o) for o, s in near.items() if s >= threshold and o not in story_of),
                   reverse=True)
    if not loose:
        return Plan()
    group = [loose[0][1]]
    for _s, other in loose[1:]:  # others only if they fit the group on average, too
        if (near[other] + linkage([other], group) * len(group)) / (len(group) + 1) >= threshold:
            group.append(other)
    return Plan(new_with=group) if span_ok(group) else Plan()


def label(features: Iterable[Features]) -> tuple[str, float, float]:
    """'Shoigu, Bagheri · Tehran · 5-6 Aug 2024': what most members name, most prominently."""
    feats = list(features)

    def top(prefix: str, skip: Callable[[str], bool], n: int) -> list[str]:
        """By members naming it, more if in their lead, most if it is their protagonist."""
        cover: dict[str, float] = {}
        for f in feats:
            for k, w in (f.actors if prefix == "a" else f.places).items():
                if not skip(k):
                    key = f"{prefix}:{k}"
                    lead = (1.0 if key in f.focus else 0.0) + (2.0 if key == f.lead else 0.0)
                    cover[k] = cover.get(k, 0.0) + 1.0 + lead + w / 1000
        return sorted(cover, key=lambda k: -cover[k])[:n]

    people = top("a", lambda a: actor_kind(a) == "state", 2)
    names = list(dict.fromkeys(display_name(f"a:{a}") for a in people))
    spots = top("p", lambda p: place_kind(p) == "country" or display_name(f"p:{p}") in names, 1)
    first = min(f.published for f in feats)
    last = max(f.published for f in feats)
    parts = [", ".join(names), *(display_name(f"p:{p}") for p in spots), date_range(first, last)]
    return " · ".join(p for p in parts if p), first, last


def date_range(first: float, last: float) -> str:
    a = datetime.fromtimestamp(first, UTC)
    b = datetime.fromtimestamp(last, UTC)
    if a.date() == b.date():
        return f"{a.day} {a:%b %Y}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}-{b.day} {b:%b %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%b}-{b.day} {b:%b %Y}"
    return f"{a.day} {a:%b %Y}-{b.day} {b:%b %Y}"
