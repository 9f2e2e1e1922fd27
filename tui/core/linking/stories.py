"""Stories: clusters of articles about one event, made from the links as a whole.

Pure (no SQL): the store hands in the link probabilities of a region of recent articles and
writes back the clusters. Two steps:

1. Cores, by average linkage: two groups merge while the *average* probability over all their
   pairs (a missing link counts as 0) is at least the threshold, best pair first. Single
   linkage would chain "Shoigu in Tehran" -> "Haniyeh's killing" -> "Pezeshkian's
   inauguration" into one blob; an average over members does not. Two lone articles start a
   core only if each is among the other's SEED_TOP closest (mutual near neighbours): one whose
   closest links go elsewhere joins a core later instead of seeding one of its own.
   Two groups of two or more (two bursts of coverage) merge only if they lie within
   APART_HOURS of each other and link to each other at least CONTRAST times as strongly as
   the looser of them links within: the strike and the next day's bombardment, two ship
   attacks a day apart, are each a tight group that links to the other less tightly.
   A link whose reasons are the time apart alone (`story_links.Arrays.why` 0: no shared name,
   event type or text; two pages of one feed an hour apart) counts in no core: a story
   needs a reason (tests/test_related_shown.py; round 54).
2. Each article then joins the one core it links best on average (itself left out; from
   join_min, fitted with the threshold: score.Model.join_min), all at once against the cores
   as made. An analysis that recounts two adjacent
   events (the strike and the counter-strike, the envoy's two visits) picks one of them
   instead of gluing both into one story, so the cores can be tight (a high threshold)
   without losing the pieces that link to their event only weakly. Out of sample (5 folds by
   event, 390 articles): B3-F1 0.895 -> 0.939, precision and recall both up.

The result depends only on the articles and their links, never on which article arrived first
(ties go to the lowest ids).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from itertools import compress, repeat
from operator import ge, itemgetter, mul, truediv
from typing import Any

from tui.core.linking import story_links
from tui.core.linking.features import Features
from tui.core.linking.names import actor_kind, display_name, place_country, place_kind
from tui.core.linking.objects import is_object
from tui.core.linking.story_links import Arrays

MAX_SPAN_DAYS = 14.0  # a story longer than this is a theme, not an event
# The least average link to a core's members that joins it, hand-set: a weights file that names
# none reads this; fit.py chooses one with the story threshold (score.Model.join_min).
JOIN_MIN = 0.05
# Two lone articles seed a core only if each is among the other's this many closest links.
# Out of sample (5 folds by event, mean of 3 background seeds): B3-F1 0.940 -> 0.945,
# intrusions 67.0 -> 63.7; 1 or 3 gain less (tests/data/related_eval.md). 0: any pair seeds.
SEED_TOP = 2
# Two groups of two or more merge only within this many hours (the gap between their spans)
# and with their average link to each other at least CONTRAST times the looser group's own
# average. Out of sample (a-h + k + l + m, 5 folds by event, seeds 7-9): B3 precision
# 0.938 -> 0.953, recall 0.964 -> 0.955, F1 0.9512 -> 0.9541, intrusions 72.3 -> 70.7, P@1
# 0.9695 -> 0.9662 (tests/data/related_eval.md, round 49). None / 0: off.
APART_HOURS: float | None = 24.0
CONTRAST = 0.65
DAY = 86400.0


Links = Mapping[tuple[int, int], float] | Iterable[tuple[int, int, float]] | Arrays


def cluster(published: Mapping[int, float], links: Links, threshold: float,
            max_span_days: float = MAX_SPAN_DAYS, join_min: float = JOIN_MIN,
            seed_top: int = SEED_TOP, apart_hours: float | None = APART_HOURS,
            contrast: float = CONTRAST) -> list[list[int]]:
    """Groups of two or more articles (each sorted): cores by average linkage over `links`
    ((a, b) -> probability, or (a, b, probability) rows; a pair in either order or both;
    pairs outside `published` are ignored), then each article in the core it links best.
    Two lone articles seed a core only as mutual near neighbours (`seed_top`, 0: any); two
    groups merge only within `apart_hours` and at `contrast` (see APART_HOURS)."""
    made, flat = _cores(published, links, threshold, max_span_days, seed_top, apart_hours,
                        contrast)
    return story_links.join(published, flat, made, join_min, max_span_days * DAY)


def cores(published: Mapping[int, float], links: Links, threshold: float,
          max_span_days: float = MAX_SPAN_DAYS, seed_top: int = SEED_TOP,
          apart_hours: float | None = APART_HOURS, contrast: float = CONTRAST
          ) -> tuple[dict[int, dict[int, float]], dict[int, list[int]]]:
    """Step 1: (article -> other -> probability, one value a pair; core -> its members)."""
    made, flat = _cores(published, links, threshold, max_span_days, seed_top, apart_hours,
                        contrast)
    ids, src, dst, value = flat
    single: dict[int, dict[int, float]] = {}
    for a, b, p in zip(ids[src].tolist(), ids[dst].tolist(), value.tolist(), strict=True):
        single.setdefault(a, {})[b] = p
    return single, made


def _cores(published: Mapping[int, float], links: Links, threshold: float,
           max_span_days: float, seed_top: int, apart_hours: float | None,
           contrast: float) -> tuple[dict[int, list[int]], Any]:
    """`cores`, with the links as `story_links.Table.flat` instead of dicts."""
    members = {a: [a] for a in published}
    inner = dict.fromkeys(published, 0.0)  # each group's sum of links among its members
    size = dict.fromkeys(published, 1)  # each group's member count (len() per entry cost)
    span = {a: (t, t) for a, t in published.items()}
    # the rows, each article's closest and the strong pairs, grouped in numpy (story_links)
    sums, seeds, heap, flat = story_links.table(published, story_links.columns(links),
                                                 threshold, seed_top)
    mutual = seeds if seed_top > 0 else None
    # `heap`: the pairs that may seed (mutual near neighbours, picked in numpy); one that may
    # not is never popped as it is: once either side grows, its merge pushes it again
    heapq.heapify(heap)  # every pair at once: the same pops (entries are distinct or equal)
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        neg, a, b = pop(heap)
        row = sums.get(a)
        if row is None or b not in members:
            continue
        total = row.get(b)
        if total is None:
            continue
        n_a, n_b = size[a], size[b]
        if -neg != total / (n_a * n_b):
            continue  # stale: one side grew since this was pushed
        if mutual is not None and n_a == n_b == 1 and not (b in mutual[a] and a in mutual[b]):
            continue  # not mutual near neighbours: no seed (either may join a core later)
        (lo_a, hi_a), (lo_b, hi_b) = span[a], span[b]
        lo, hi = min(lo_a, lo_b), max(hi_a, hi_b)
        if (hi - lo) / DAY > max_span_days:
            continue
        if n_a > 1 and n_b > 1 and not _may_merge(
                total / (n_a * n_b), inner[a] * 2 / (n_a * (n_a - 1)),
                inner[b] * 2 / (n_b * (n_b - 1)), max(lo_a, lo_b) - min(hi_a, hi_b),
                apart_hours, contrast):
            continue  # two bursts: pushed again if either grows
        inner[a] += inner.pop(b) + total
        members[a] += members.pop(b)
        span[a] = (lo, hi)
        del span[b], size[b]
        theirs = sums.pop(b)
        del theirs[a], row[b]
        get = row.get
        for other, p in theirs.items():
            near = sums[other]
            del near[b]
            row[other] = near[a] = get(other, 0.0) + p
        n = size[a] = n_a + n_b
        # every average with `a` changed: pushed again (computed in C, a merge at a time)
        others = list(row)
        avgs = list(map(truediv, row.values(), map(mul, repeat(n), map(size.__getitem__,
                                                                           others))))
        for at in compress(range(len(others)), map(ge, avgs, repeat(threshold))):
            other = others[at]
            push(heap, (-avgs[at], a, other) if a < other else (-avgs[at], other, a))
    return {g: m for g, m in members.items() if len(m) > 1}, flat


def _may_merge(between: float, within_a: float, within_b: float, gap: float,
               apart_hours: float | None, contrast: float) -> bool:
    """Whether two groups of two or more may merge: `gap` seconds between their spans at most
    `apart_hours`, and their average link `between` at least `contrast` times the looser's
    own average."""
    if apart_hours is not None and gap > apart_hours * 3600:
        return False
    return between >= contrast * min(within_a, within_b)


def closest(sums: Mapping[int, Mapping[int, float]], ids: Iterable[int],
            k: int) -> dict[int, frozenset[int]]:
    """The `k` articles each of `ids` links most strongly (ties to the lowest ids), whatever
    order the links came in: read before any merge, which sums rows by group. Among the links
    handed in: in the store, a region's (index.recluster), as for the averages."""
    by_id, value = itemgetter(0), itemgetter(1)
    return {a: frozenset(b for b, _p in sorted(sorted(sums[a].items(), key=by_id), key=value,
                                              reverse=True)[:k]) for a in ids}


def join(published: Mapping[int, float], links: Mapping[int, Mapping[int, float]],
         cores: Mapping[int, Sequence[int]], join_min: float,
         max_span_days: float = MAX_SPAN_DAYS) -> list[list[int]]:
    """Every article (a core's members too) in the core whose members it links best on
    average, itself left out, if that is at least `join_min` and it lies within
    `max_span_days` of both ends of the core; else alone. `links`: article -> other ->
    probability. Made against the cores as they are (no article's move changes another's),
    so the order articles are visited in never shows; ties go to the core with the lowest
    id."""
    first = {g: min(m) for g, m in cores.items()}
    ends = {g: (min(published[a] for a in m), max(published[a] for a in m))
            for g, m in cores.items()}
    home = {a: g for g, m in cores.items() for a in m}
    reach = max_span_days * DAY
    out: dict[int, list[int]] = {g: [] for g in cores}
    for a, row in links.items():
        totals: dict[int, float] = {}  # core -> sum of a's links to its members
        for b, p in row.items():
            g = home.get(b)
            if g is not None:
                totals[g] = totals.get(g, 0.0) + p
        mine, t = home.get(a), published[a]
        best, value = -1, join_min
        for g, total in totals.items():
            avg = total / (len(cores[g]) - (g == mine))
            lo, hi = ends[g]
            if (avg > value or (avg == value and (best < 0 or first[g] < first[best]))) \
                    and hi - reach <= t <= lo + reach:
                best, value = g, avg
        if best >= 0:
            out[best].append(a)
    return sorted(sorted(m) for m in out.values() if len(m) > 1)


def assign_ids(groups: Sequence[Sequence[int]], old: Mapping[int, int],
               new_id: Callable[[], int]) -> dict[int, list[int]]:
    """Story id -> members: each group keeps the old story id most of its members had (so a
    `story:ID` a reader noted keeps working), biggest groups choosing first."""
    out: dict[int, list[int]] = {}
    order = sorted(range(len(groups)), key=lambda g: (-len(groups[g]), groups[g][0]))
    for g in order:
        votes: dict[int, int] = {}
        for a in groups[g]:
            if a in old:
                votes[old[a]] = votes.get(old[a], 0) + 1
        free = sorted((-n, sid) for sid, n in votes.items() if sid not in out)
        sid = free[0][1] if free else new_id()
        out[sid] = list(groups[g])
    return out


def label(features: Iterable[Features]) -> tuple[str, float, float]:
    """'Shoigu, Bagheri · Tehran · 5-6 Aug 2024': what most members name, most prominently.

    The place is one most members name (a passing mention in a few, Jericho in reports of
    missiles over Israel, never wins it); with none, the label has no place. A named object
    (an operation, a ship) is no place: the tree cuts a label's place last, and "Operation T…"
    would say nothing. A state or
    country takes a person's place when most members' headlines name it, by name or by one of
    its cities ("Tehran"), unless the place is its own: Iran's strike on Israel reads
    "Iran, Israel", not the IRGC, Nasrallah and a bystander's West Bank."""
    feats = list(features)

    def top(prefix: str, skip: Callable[[str], bool], n: int) -> list[str]:
        """By how many members name it; among as many, more if in their lead, most if it is
        their protagonist. In a story of three or more, one named by a single member is a
        marginal figure (Erdogan offering help in one of three ceasefire pieces): no label."""
        cover: dict[str, int] = {}
        weight: dict[str, float] = {}
        for f in feats:
            for k, w in (f.actors if prefix == "a" else f.places).items():
                if not skip(k):
                    key = f"{prefix}:{k}"
                    lead = (1.0 if key in f.focus else 0.0) + (2.0 if key == f.lead else 0.0)
                    cover[k] = cover.get(k, 0) + 1
                    weight[k] = weight.get(k, 0.0) + lead + w / 1000
        floor = 2 if len(feats) > 2 else 1
        return sorted((k for k in cover if cover[k] >= floor),
                      key=lambda k: (-cover[k], -weight[k], k))[:n]

    def most(count: int) -> bool:
        return 2 * count > len(feats)

    people = top("a", lambda a: actor_kind(a) == "state", 2)
    names = list(dict.fromkeys(display_name(f"a:{a}") for a in people))
    spots = top("p", lambda p: (place_kind(p) == "country" or is_object(p)
                                or display_name(f"p:{p}") in names
                                or not most(sum(p in f.places for f in feats))), 1)
    home = set(place_country(spots[0])) if spots else set()
    named: dict[str, int] = {}
    for f in feats:
        for state in {s for head in f.heads for s in _states_named(head)} - home:
            named[state] = named.get(state, 0) + 1
    states = [display_name(f"a:{s}") for s in sorted(named, key=lambda s: (-named[s], s))
              if most(named[s])]
    states = [s for s in states if not any(s in name for name in names)][:2]  # "… of Ukraine"
    names = list(dict.fromkeys([*states, *names]))[:2]  # as short as ever: states first
    first = min(f.published for f in feats)
    last = max(f.published for f in feats)
    parts = [", ".join(names), *(display_name(f"p:{p}") for p in spots), date_range(first, last)]
    return " · ".join(p for p in parts if p), first, last


def _states_named(head: str) -> tuple[str, ...]:
    """The states a headline's name stands for: a state itself, or a place's country."""
    kind, _, ident = head.partition(":")
    if kind == "a":
        return (ident,) if actor_kind(ident) == "state" else ()
    return place_country(ident)


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


def changed(plan: dict[int, list[int]], old: dict[int, int]) -> list[int]:
    """The stories of `plan` (story -> members) whose members differ from `old`'s (article ->
    story), by id: only those need a new label."""
    was: dict[int, list[int]] = {}
    for a, s in old.items():
        was.setdefault(s, []).append(a)
    return sorted(sid for sid, members in plan.items()
                  if sorted(members) != sorted(was.get(sid, [])))
