"""The links the stories are made from, as one row of probabilities per article, in numpy.

`stories.cores` reads a region's links (170k rows for a cold run of 10k articles) into
article -> other -> probability, works out each article's closest links (the seeding rule) and
the pairs strong enough to start a core. Done a row at a time in Python that was about a third
of clustering (bench/ab_finish.py); here the rows are grouped by sorting arrays, and only the
per-article dicts are made in Python, each with one `dict(zip(...))`.

Every value and order is the one the loop gave: a pair's value is the higher of the rows
given for it (either way round; below 0 counts as 0), and each article's row lists its others
in the order their pairs first appear among the rows (the stories' joining sums along it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple


class Arrays(NamedTuple):
    """Links as three columns (article, other, probability): a round's `index.Written`; and a
    fourth, `why` (`score.why`: 1 when the reasons say more than the time apart, 0 when they
    are the time apart alone), or none: every link gives a reason."""

    a: Sequence[int]
    b: Sequence[int]
    p: Sequence[float]
    why: Sequence[int] = ()


class Table(NamedTuple):
    """`rows`: article -> other -> probability (every article of `published`, linked or not);
    `closest`: each linked article's `k` strongest others (ties to the lowest ids);
    `strong`: (-probability, a, b) for each pair a < b at or above the threshold whose ends
    are each among the other's `k` closest (any, for `k` 0): the pairs that may seed a core;
    `flat`: the rows as numpy columns (ids: the articles sorted; article and other as places
    in it; probability), in the rows' order, for `join`. A pair no row of which gives a
    reason (`Arrays.why`) is in `flat` only: the time apart alone makes no core, and may join
    one."""

    rows: dict[int, dict[int, float]]
    closest: dict[int, frozenset[int]]
    strong: list[tuple[float, int, int]]
    flat: tuple[Any, Any, Any, Any]


def columns(links: Mapping[tuple[int, int], float] | Iterable[tuple[int, int, float]] | Arrays
            ) -> Arrays:
    """Any form of links `stories.cluster` takes, as columns."""
    if isinstance(links, Arrays):
        return links
    rows = [(a, b, p) for (a, b), p in links.items()] if isinstance(links, Mapping) \
        else list(links)
    if not rows:
        return Arrays([], [], [])
    a, b, p = zip(*rows, strict=True)
    return Arrays(a, b, p)


def at_least(links: Arrays, floor: float) -> Arrays:
    """The links of `floor` or more."""
    import numpy as np

    p = _array(links.p, np.float64)
    keep = p >= floor
    why = _array(links.why, np.int8)[keep] if len(links.why) else ()
    return Arrays(_array(links.a, np.int64)[keep], _array(links.b, np.int64)[keep], p[keep],
                  why)


def table(published: Mapping[int, float], links: Arrays, threshold: float, k: int) -> Table:
    """The rows, closest and strong pairs of `links` among `published` (see Table)."""
    import numpy as np

    ids = np.unique(np.fromiter(published, np.int64, len(published)))
    n = max(len(ids), 1)
    a, b, p = (_array(links.a, np.int64), _array(links.b, np.int64),
               _array(links.p, np.float64))
    a, b = _dense(ids, a), _dense(ids, b)  # article ids as 0..n-1, in their order; -1: not
    keep = (a != b) & (a >= 0) & (b >= 0)  # among `published`
    a, b, p = a[keep], b[keep], np.maximum(p[keep], 0.0)
    at = np.arange(len(a))
    src, dst = np.concatenate((a, b)), np.concatenate((b, a))
    when, value = np.concatenate((at, at)), np.concatenate((p, p))
    pair = src * n + dst
    order = np.argsort(pair, kind="stable")  # each pair's rows together
    pair, when, value = pair[order], when[order], value[order]
    why = None
    if len(links.why):
        w = _array(links.why, np.int8)[keep]
        why = np.concatenate((w, w))[order]
    starts = _starts(pair)
    if len(starts):  # a pair: its highest value, and when it was first given
        value = np.maximum.reduceat(value, starts)
        when = np.minimum.reduceat(when, starts)
        pair = pair[starts]
        if why is not None:  # a reason if any row gives one
            why = np.maximum.reduceat(why, starts)
    src, dst = pair // n, pair % n  # by article, then other
    full = (src, dst, value, when)
    core = None
    if why is not None and not why.all():  # the cores' rows: pairs that give a reason
        core = why != 0
        src, dst, value = src[core], dst[core], value[core]
    near: dict[int, frozenset[int]] = {}
    mutual = None
    if k > 0:  # by value, highest first, ties to the lowest id: two stable sorts
        order = np.argsort(-value, kind="stable")
        order = order[np.argsort(src[order], kind="stable")]
        top_src, top_dst = src[order], dst[order]
        firsts = _starts(top_src)
        top = np.arange(len(top_src)) - np.repeat(firsts, np.diff([*firsts.tolist(),
                                                                   len(top_src)])) < k
        top_src, top_dst = top_src[top], top_dst[top]
        mutual = np.sort(top_src * n + top_dst)  # (article, one of its k closest) as keys
        near_ids = ids[top_dst].tolist()
        firsts = _starts(top_src)
        ends = [*firsts.tolist(), len(top_src)]
        near = {aid: frozenset(near_ids[lo:hi]) for aid, lo, hi
                in zip(ids[top_src[firsts]].tolist(), ends, ends[1:], strict=False)}
    # each article's others in the order they came: every pair sorted once (its key, article
    # then first row, is its own), the cores' rows kept in that order
    src, dst, value, when = full
    order = np.argsort(src * len(at) + when)
    src, dst, value = src[order], dst[order], value[order]
    flat = (ids, src, dst, value)
    if core is not None:
        keep = core[order]
        src, dst, value = src[keep], dst[keep], value[keep]
    heads = _starts(src)
    bounds = [*heads.tolist(), len(src)]
    rows: dict[int, dict[int, float]] = {aid: {} for aid in published}
    others, values = ids[dst].tolist(), value.tolist()
    for aid, lo, hi in zip(ids[src[heads]].tolist(), bounds, bounds[1:], strict=False):
        rows[aid] = dict(zip(others[lo:hi], values[lo:hi], strict=True))
    pick = (src < dst) & (value >= threshold)
    if mutual is not None:  # seeds only: each end among the other's k closest
        pick &= _among(mutual, src * n + dst) & _among(mutual, dst * n + src)
    strong = list(zip((-value[pick]).tolist(), ids[src[pick]].tolist(),
                      ids[dst[pick]].tolist(), strict=True))
    return Table(rows, near, strong, flat)


def join(published: Mapping[int, float], flat: tuple[Any, Any, Any, Any],
         cores: Mapping[int, Sequence[int]], join_min: float, reach: float) -> list[list[int]]:
    """`stories.join` over `Table.flat`, in numpy: the same groups. Each article's sum of links
    to a core's members is added up in its row's order (a float sum's order shows in its last
    bits); the best core by average, ties to the lowest
    first member, from `join_min`, within `reach` seconds of both of the core's ends."""
    import numpy as np

    ids, src, dst, value = flat
    if not cores or not len(src):
        return []
    when = np.fromiter(map(published.__getitem__, ids.tolist()), np.float64, len(ids))
    groups = sorted(cores)  # as places: core -> its first member, size, ends
    size = np.fromiter(map(len, map(cores.__getitem__, groups)), np.int64, len(groups))
    at = np.searchsorted(ids, np.fromiter((a for g in groups for a in cores[g]), np.int64,
                                          int(size.sum())))  # each member's place
    heads = np.concatenate(([0], np.cumsum(size)[:-1]))
    first = np.minimum.reduceat(ids[at], heads)
    lo, hi = np.minimum.reduceat(when[at], heads), np.maximum.reduceat(when[at], heads)
    home = np.full(len(ids), -1, np.int64)
    home[at] = np.repeat(np.arange(len(groups)), size)
    core = home[dst]
    mine = core >= 0
    src, core, value = src[mine], core[mine], value[mine]
    pair, slot = np.unique(src * len(groups) + core, return_inverse=True)
    total = np.zeros(len(pair), np.float64)
    np.add.at(total, slot, value)  # unbuffered, in the rows' order: the loop's sums
    src, core = pair // len(groups), pair % len(groups)
    avg = total / (size[core] - (home[src] == core))
    t = when[src]
    ok = (avg >= join_min) & (hi[core] - reach <= t) & (t <= lo[core] + reach)
    src, core, avg = src[ok], core[ok], avg[ok]
    order = np.lexsort((first[core], -avg, src))
    src, core = src[order], core[order]
    best = _starts(src)
    out: dict[int, list[int]] = {}
    for aid, at in zip(ids[src[best]].tolist(), core[best].tolist(), strict=True):
        out.setdefault(at, []).append(aid)
    return sorted(sorted(m) for m in out.values() if len(m) > 1)


def _dense(ids: Any, values: Any) -> Any:
    """Each of `values` as its place in the sorted `ids`, or -1 if not there."""
    import numpy as np

    if not len(ids):
        return np.full(len(values), -1, np.int64)
    at = np.minimum(np.searchsorted(ids, values), len(ids) - 1)
    return np.where(ids[at] == values, at, -1)


def _among(keys: Any, values: Any) -> Any:
    """Whether each of `values` is in the sorted `keys`."""
    import numpy as np

    if not len(keys):
        return np.zeros(len(values), bool)
    at = np.minimum(np.searchsorted(keys, values), len(keys) - 1)
    return keys[at] == values


def _array(values: Sequence[Any], dtype: Any) -> Any:
    import numpy as np

    return np.asarray(values, dtype) if len(values) else np.zeros(0, dtype)


def _starts(*keys: Any) -> Any:
    """Where each run of equal keys begins, in arrays sorted by them."""
    import numpy as np

    if not len(keys[0]):
        return np.zeros(0, np.int64)
    new = np.zeros(len(keys[0]), bool)
    new[0] = True
    for key in keys:
        new[1:] |= key[1:] != key[:-1]
    return np.flatnonzero(new)
