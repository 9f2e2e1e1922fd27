"""Linking a big run (a cold refresh) as one round: the same links as article by article,
found with a fraction of the work.

Article by article (`index.link_scores`), each article asks SQLite for its candidates (one
compound statement over its keys' postings) and scores them from its side, so a pair found
from both sides is scored twice and a neighbour's features are decoded again and again. A
round of thousands of articles instead:

1. `round_candidates` (pool): each worker holds the postings of the run's keys within the
   run's window in memory (read once per round and worker) and ranks every article's
   candidates from them exactly as `store.candidates` does in SQL: the same keys, the same
   nearest postings each side, the same sums in the same order, the same ties.
2. `tiles` (writer): every pair once, whichever side found it (scores are symmetric), grouped
   by blocks of the run so a job decodes two blocks of features, not every neighbour.
3. `score_pairs` (pool): the fitted model on each pair; rows as `link_scores` gives them.

The writer holds each job's rows (`Best`) and writes an article's best links once the last
tile holding its block is in (`complete_after`): its best of every pair scored, which is what
writing them all and pruning after every few jobs left too.

The round holds ~70 bytes per posting in each worker (15 MB for the 10k-article bench run)
and the writer a few ints per pair; `ROUND_MIN` keeps a small refresh on the SQL path, whose
cost per article does not grow with the cache.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from heapq import nlargest
from itertools import groupby
from operator import itemgetter

from tui.core.linking.features import idf
from tui.core.linking.score import DAY, WINDOW_DAYS, Model, default_model, link
from tui.core.store import links as store

ROUND_MIN = 400  # a run this big is linked as a round; a smaller one article by article
BLOCK = 2_000  # articles per block of a round: a scoring job decodes at most two blocks
CANDIDATE_CHUNK = 500  # articles per candidates job

Pair = tuple[int, int]


class Postings:
    """Publication times and article ids of keys' postings in a window, in the candidate
    index's own order (published, then id), loaded a key at a time as articles need them."""

    def __init__(self, window: tuple[float, float]) -> None:
        self.window = window
        self.times: dict[str, list[float]] = {}
        self.ids: dict[str, list[int]] = {}

    def load(self, conn: sqlite3.Connection, keys: set[str]) -> None:
        missing = sorted(keys - self.times.keys())
        for key in missing:
            self.times[key], self.ids[key] = [], []
        rows = list(store.postings(conn, missing, *self.window))  # a key's rows in one go
        for key, group in groupby(rows, itemgetter(0)):  # (an append per row was half this)
            mine = list(group)
            self.times[key] += [p for _k, p, _a in mine]
            self.ids[key] += [a for _k, _p, a in mine]


_round: dict[str, tuple[str, Postings]] = {}  # db path -> (round token, its postings)


def _postings_for(path: str, token: str, window: tuple[float, float]) -> Postings:
    held = _round.get(path)
    if held is None or held[0] != token:
        _round.clear()  # one round at a time: the last one's postings go
        held = _round[path] = (token, Postings(window))
    return held[1]


def forget() -> None:
    """Let the last round's postings go."""
    _round.clear()


def round_candidates(conn: sqlite3.Connection, path: str, token: str, ids: Sequence[int],
                     window: tuple[float, float]) -> list[tuple[int, list[int]]]:
    """Step 1 (reads only): (article, its candidates best first) for `ids`, from postings
    held in memory for the round `token` (whose window covers every article of the run)."""
    from tui.core.linking import index

    keys = store.keys_of(conn, ids)
    postings = _postings_for(path, token, window)
    postings.load(conn, {k for ks, _p in keys.values() for k in ks})
    df = store.df(conn, {k for ks, _p in keys.values() for k in ks})
    docs = df.get("", 1)
    out = []
    for aid in sorted(keys):
        mine, published = keys[aid]
        weighted = sorted(((index.MINHASH_WEIGHT if key.startswith("m:")
                            else idf(df.get(key, 0), docs), key) for key in mine),
                          reverse=True)[:index.MAX_KEYS]
        out.append((aid, _ranked(postings, aid, published, weighted, index.CANDIDATES,
                                 index.RECENCY_DAYS * DAY)))
    return out


def _ranked(postings: Postings, aid: int, published: float,
            weighted: list[tuple[float, str]], limit: int, halving: float) -> list[int]:
    """`store.candidates` in memory: per key (heaviest first) its nearest POSTINGS // 2
    postings from `published` on, then as many before it, within the window; each adds its
    key's weight discounted by time apart; the best sums win, ties to the lower id."""
    half = store.POSTINGS // 2
    lo, hi = published - WINDOW_DAYS * DAY, published + WINDOW_DAYS * DAY
    acc: dict[int, float] = {}
    get = acc.get
    for w, key in weighted:
        times = postings.times.get(key)
        if not times:
            continue
        ids = postings.ids[key]
        i = bisect_left(times, published)
        j = bisect_right(times, hi, i, min(i + half, len(times)))
        for t, o in zip(times[i:j], ids[i:j], strict=True):  # t - published: abs() of it
            acc[o] = get(o, 0.0) + w / (1.0 + (t - published) / halving)
        k = bisect_left(times, lo, max(0, i - half), i)
        # earlier ones in any order: an article has one posting per key, so each sum still
        # adds its keys in the same order (walking them backwards cost a tenth of this)
        for t, o in zip(times[k:i], ids[k:i], strict=True):
            acc[o] = get(o, 0.0) + w / (1.0 + (published - t) / halving)
    acc.pop(aid, None)
    if len(acc) > limit:  # only those tying with the limit-th best or better are sorted
        least = nlargest(limit, acc.values())[-1]  # cheaper than sorting them all
        return sorted((o for o, v in acc.items() if v >= least),
                      key=lambda o: (-acc[o], o))[:limit]
    return sorted(acc, key=lambda o: (-acc[o], o))


def blocks(ids: Sequence[int], block: int | None = None) -> dict[int, int]:
    """Article -> its block: the run's ids, sorted, `block` at a time."""
    size = block or BLOCK
    return {aid: n // size for n, aid in enumerate(sorted(ids))}


def tiles(found: Sequence[tuple[int, list[int]]], ids: Sequence[int],
          block: int | None = None) -> list[tuple[tuple[int, int], list[Pair]]]:
    """Every candidate pair once, as (lower id, higher id), grouped by the blocks of `ids`
    its two articles fall in, in block order: a block's tiles come one after another, so a
    worker keeps that block's features decoded from one job to the next. Candidates outside
    the run (older news) are blocked the same way, after the run's blocks."""
    tiler = Tiler(ids, block)
    tiler.add(found)
    return tiler.tiles()


class Tiler:
    """`tiles`, fed a candidates job at a time: the writer groups each job's pairs while the
    workers rank the rest (grouping them all after the last job was ~0.2 s with one core)."""

    def __init__(self, ids: Sequence[int], block: int | None = None) -> None:
        self.size = block or BLOCK
        self.order = blocks(ids, self.size)
        self.groups: dict[tuple[int, int], set[Pair]] = {}
        self.outside: dict[int, set[Pair]] = {}  # older article -> its pairs, blocked last

    def add(self, found: Sequence[tuple[int, list[int]]]) -> None:
        order, groups, outside = self.order, self.groups, self.outside
        get, at = groups.get, order.get
        for aid, cands in found:
            mine = order[aid]
            for other in cands:
                pair = (aid, other) if aid < other else (other, aid)
                theirs = at(other)
                if theirs is None:
                    held = outside.get(other)
                    if held is None:
                        held = outside[other] = set()
                    held.add(pair)
                    continue
                key = (mine, theirs) if mine <= theirs else (theirs, mine)
                tile = get(key)
                if tile is None:
                    tile = groups[key] = set()
                tile.add(pair)

    def tiles(self) -> list[tuple[tuple[int, int], list[Pair]]]:
        groups, size = self.groups, self.size
        after = max(self.order.values(), default=-1) + 1
        for n, other in enumerate(sorted(self.outside)):
            theirs = after + n // size
            for a, b in self.outside[other]:
                mine = self.order[b if a == other else a]
                key = (mine, theirs)
                tile = groups.get(key)
                if tile is None:
                    tile = groups[key] = set()
                tile.add((a, b))
        return [(t, sorted(groups[t])) for t in sorted(groups)]


def complete_after(keys: Sequence[tuple[int, int]]) -> dict[int, list[int]]:
    """Tile position -> the blocks whose every pair is scored once that tile's rows are in:
    their articles' links can be pruned while the rest is still being scored."""
    last: dict[int, int] = {}
    for n, (i, j) in enumerate(keys):
        last[i] = last[j] = n
    out: dict[int, list[int]] = {}
    for b, n in sorted(last.items()):
        out.setdefault(n, []).append(b)
    return out


class Best:
    """Each article's best links of a round so far, held by the writer until its block is
    complete: then only the `keep` best go to SQLite, ranked as `store.prune` ranks them
    (score, then the other's id). Writing every scored pair both ways and deleting all but the
    best was most of the writer's linking work. The run's articles have no other links (their
    old ones went when they were re-analysed); an article outside the run (older news) is
    pruned again in SQL with the links it had."""

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self.rows: dict[int, list[tuple[float, int, str]]] = {}

    def add(self, rows: Sequence[tuple[int, int, float, str]]) -> None:
        """Scored pairs, each one way: they count for both articles. Past `4 * keep` held
        (checked once per call: per row it was a third of this), what cannot make an
        article's best `keep` goes."""
        held = self.rows
        get = held.get
        for a, b, score, why in rows:
            neg = -score
            mine = get(a)
            if mine is None:
                held[a] = [(neg, b, why)]
            else:
                mine.append((neg, b, why))
            theirs = get(b)
            if theirs is None:
                held[b] = [(neg, a, why)]
            else:
                theirs.append((neg, a, why))
        keep = self.keep
        cap = 4 * keep
        for mine in [m for m in held.values() if len(m) > cap]:
            mine.sort()
            del mine[keep:]

    def take(self, ids: Sequence[int]) -> list[tuple[int, int, float, str]]:
        """The best links of `ids` as link rows, by article and other; they are no longer held."""
        out: list[tuple[int, int, float, str]] = []
        pop, keep = self.rows.pop, self.keep
        for aid in sorted(ids):
            best = pop(aid, None)
            if best:
                best.sort()
                del best[keep:]
                best.sort(key=_other)
                out += [(aid, other, -neg, why) for neg, other, why in best]
        return out

    def held(self) -> list[int]:
        return sorted(self.rows)


_other = itemgetter(1)


def score_pairs(conn: sqlite3.Connection, pairs: Sequence[Pair],
                model: Model | None = None) -> list[tuple[int, int, float, str]]:
    """Step 3 (reads only): the link rows of `pairs` that reach the model's link_min."""
    from tui.core.linking.index import features

    model = model or default_model()
    feats = features(conn, sorted({a for pair in pairs for a in pair}))
    rows = []
    for a, b in pairs:
        x, y = feats.get(a), feats.get(b)
        if x is None or y is None:
            continue
        if kept := link(x, y, model):
            rows.append((a, b, *kept))
    return rows


def window_of(published: Mapping[int, float]) -> tuple[float, float]:
    """Every candidate of these articles is published in this window."""
    return (min(published.values()) - WINDOW_DAYS * DAY,
            max(published.values()) + WINDOW_DAYS * DAY)
