"""Figures of a linked cache against gold events: related lists and stories.

- **P@1**: share of articles (with at least one same-event article in the cache) whose first
  related item is from the same event.
- **R@5**: share of an article's same-event articles found in its first five related items,
  out of at most five (an event of ten articles can still score 1).
- **intrusions**: another event's article ranked where a same-event one belongs, i.e. within
  the first min(5, same-event count) items.
- **lonely links**: related items shown for a standalone article (it has no same-event one).
- **B3** precision / recall / F1 of stories (a standalone article, or one in no story, is its
  own cluster), averaged over the articles scored.

Only articles in `scored` count (a fold's test events), but every article of the cache may
appear in their lists and stories: a wrong item from a training event is still wrong.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

RelatedOf = Callable[[int], list[int]]  # article id -> related ids, best first


@dataclass
class Figures:
    p1: list[float] = field(default_factory=list)
    r5: list[float] = field(default_factory=list)
    intrusions: int = 0
    lonely_links: int = 0
    b3p: list[float] = field(default_factory=list)
    b3r: list[float] = field(default_factory=list)

    def add(self, other: Figures) -> None:
        self.p1 += other.p1
        self.r5 += other.r5
        self.intrusions += other.intrusions
        self.lonely_links += other.lonely_links
        self.b3p += other.b3p
        self.b3r += other.b3r

    def summary(self) -> dict[str, float]:
        def mean(xs: list[float]) -> float:
            return sum(xs) / len(xs) if xs else 0.0

        bp, br = mean(self.b3p), mean(self.b3r)
        return {"p@1": mean(self.p1), "r@5": mean(self.r5), "intrusions": self.intrusions,
                "lonely_links": self.lonely_links, "b3_p": bp, "b3_r": br,
                "b3_f1": 2 * bp * br / (bp + br) if bp + br else 0.0, "articles": len(self.b3p)}


def related_ids(conn: sqlite3.Connection, support: float = 0.0) -> RelatedOf:
    """As the store lists them, shown items only; `support`: the model's second-order weight."""
    from tui.core.related_items import shown
    from tui.core.store import coverage

    return lambda aid: [r.id for r in coverage.related(conn, aid, 10, shown, support)]


def story_ids(conn: sqlite3.Connection) -> dict[int, int]:
    """article id -> story id, for articles in a story of two or more."""
    return dict(conn.execute(
        "SELECT article_id, story_id FROM story_articles WHERE story_id IN "
        "(SELECT story_id FROM story_articles GROUP BY story_id HAVING count(*) >= 2)"))


def evaluate(truth: Mapping[int, str], related: RelatedOf, stories: Mapping[int, int],
             scored: Iterable[int] | None = None) -> Figures:
    """`truth`: article id -> its gold cluster (event, or a name of its own if standalone)."""
    figures = Figures()
    members: dict[str, set[int]] = {}
    for aid, event in truth.items():
        members.setdefault(event, set()).add(aid)
    found: dict[int, set[int]] = {}
    for aid, sid in stories.items():
        found.setdefault(sid, set()).add(aid)
    for aid in sorted(truth if scored is None else scored):
        same = members[truth[aid]] - {aid}
        got = related(aid)
        if same:
            figures.p1.append(1.0 if got and got[0] in same else 0.0)
            want = min(5, len(same))
            figures.r5.append(len(same & set(got[:5])) / want)
            figures.intrusions += sum(1 for o in got[:want] if o not in same)
        else:
            figures.lonely_links += len(got)
        mine = found[stories[aid]] if aid in stories else {aid}
        true = members[truth[aid]]
        figures.b3p.append(len(mine & true) / len(mine))
        figures.b3r.append(len(mine & true) / len(true))
    return figures


def fmt(figures: Mapping[str, float]) -> str:
    return (f"P@1 {figures['p@1']:.3f}  R@5 {figures['r@5']:.3f}  "
            f"intrusions {figures['intrusions']:.0f}  lonely {figures['lonely_links']:.0f}  "
            f"B3 P {figures['b3_p']:.3f} R {figures['b3_r']:.3f} F1 {figures['b3_f1']:.3f}  "
            f"(n={figures['articles']:.0f})")
