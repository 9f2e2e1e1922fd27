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

The round holds 16 bytes per posting in each worker (~4 MB for the 10k-article bench run,
and ~10 MB at the peak of a job's arrays) and the writer a few ints per pair; `ROUND_MIN`
keeps a small refresh on the SQL path, whose cost per article does not grow with the cache.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from tui.core.linking import tiling
from tui.core.linking.features import idf
from tui.core.linking.score import DAY, WINDOW_DAYS, Model, default_model
from tui.core.linking.tiling import Pair as Pair
from tui.core.linking.tiling import complete_after as complete_after
from tui.core.store import links as store

if TYPE_CHECKING:
    from tui.core.linking.index import LinkRow

ROUND_MIN = 400  # a run this big is linked as a round; a smaller one article by article
BLOCK = 2_000  # articles per block of a round: a scoring job decodes at most two blocks
CANDIDATE_CHUNK = 500  # articles per candidates job
RANK_CHUNK = 100  # articles whose postings a candidates job holds at once
# a round of at least this share of the indexed articles has its workers read every key of
# the window at once: one walk of the index costs what the cache holds, asking key by key
# what the run needs (~5 times as much per key asked as per posting walked)
WHOLE_SHARE = 0.25


class Postings:
    """The postings of keys in a window (a key with one there is held empty: its article's
    own ranks nothing), loaded as articles need them, as numpy arrays: each key's postings one
    block of `times` (and `dense`, their articles' places in `known`), by time, then id."""

    def __init__(self, window: tuple[float, float], whole: bool = False) -> None:
        import numpy as np

        self.window = window
        self.whole = whole  # the first load reads every key of the window (`_load_window`)
        self.complete = False  # it did: every key with two postings or more there is held
        self.block: dict[str, int] = {}  # key -> its block: times[start[b]:start[b + 1]]
        self.empty = 0  # the empty block: a key not held once the whole window is
        self.start, self.times = np.zeros(2, np.int64), np.zeros(0, np.float64)
        self.dense, self.known = np.zeros((2, 0), np.int64)  # known: ids, as first loaded
        self.at: dict[int, float] = {}  # article -> the time its postings carry
        self.df: dict[str, int] = {}  # the round's document counts read so far (0: none)
        self._sorted, self._perm = self.known, self.known  # known sorted, and where each is
        # per loaded article, the ranking's scratch: its last place among an article's
        # postings, then its slot in its sums (never cleared: written before it is read)
        self.seen, self.slot = np.zeros(1, np.int64), np.zeros(1, np.int64)

    def load(self, conn: sqlite3.Connection, keys: set[str]) -> None:
        if self.whole:
            self.whole = False
            self.complete = self._load_window(conn)
        if self.complete:
            return
        missing = sorted(keys - self.block.keys())
        if missing:
            self._add(missing, self._listed(conn, missing) or _rows(conn, missing, self.window))

    def _load_window(self, conn: sqlite3.Connection) -> bool:
        """Every key with two postings or more in the window from one walk of the index (a
        cold fill's round asks for most keys: 83k by name, 500 a statement, cost each worker
        ~4 times the CPU); False, nothing held, when the rows are not as `_listed` expects."""
        lists = store.window_lists(conn, *self.window)
        keys = list(lists)
        found = self._listed(conn, keys, lists, lambda _ids: store.window_times(
            conn, *self.window))
        if found is None:
            return False
        self._add(keys, found)
        return True

    def _add(self, keys: list[str], found: tuple[Any, Any, Any]) -> None:
        """Blocks for `keys`, in order: their postings' (count per key, articles, times)."""
        import numpy as np

        sizes, loaded, times = found
        self.block.update({key: len(self.block) + 1 + n for n, key in enumerate(keys)})
        self.start = np.concatenate([self.start, self.start[-1] + np.cumsum(sizes)])
        self.times = np.concatenate([self.times, times])
        new = np.unique(loaded)
        self.known = np.concatenate([self.known, new[self.where(new) < 0]])
        self._perm = np.argsort(self.known, kind="stable")
        self._sorted = self.known[self._perm]
        self.dense = np.concatenate([self.dense, self.where(loaded)])
        self.seen, self.slot = np.zeros((2, len(self.known) + 1), np.int64)

    def _listed(self, conn: sqlite3.Connection, keys: list[str],
                lists: Mapping[str, str] | None = None,
                spans_of: Callable[[list[int]], Mapping[int, tuple[float, float]]] | None = None
                ) -> tuple[Any, Any, Any] | None:
        """(per key its postings' count, their articles, their times) from a row per key with
        two or more and one per article not met yet (a row per posting was most); None if an
        article's postings carry two times, it went meanwhile, or a key's come out of order.
        `lists`: the keys' rows when read already; `spans_of`: `store.posted_at` of ids."""
        import numpy as np

        if lists is None:
            lists = store.posting_lists(conn, keys, *self.window)
        joined = [lists.get(key, "") for key in keys]
        sizes = np.array([ids.count(",") + 1 if ids else 0 for ids in joined], np.int64)
        loaded = np.fromstring(",".join(filter(None, joined)), np.int64, sep=",")
        if len(loaded) != sizes.sum():
            return None
        articles, each = np.unique(loaded, return_inverse=True)
        found, at = articles.tolist(), self.at
        missing = [aid for aid in found if aid not in at]
        spans = (spans_of or partial(store.posted_at, conn))(missing)
        at.update((aid, first) for aid, (first, last) in spans.items() if first == last)
        try:
            times = np.array([at[aid] for aid in found], np.float64)[each]
        except KeyError:
            return None
        key, later = np.repeat(np.arange(len(keys)), sizes), times[1:] > times[:-1]
        tied = (times[1:] == times[:-1]) & (loaded[1:] > loaded[:-1])
        return (sizes, loaded, times) if ((key[1:] != key[:-1]) | later | tied).all() else None

    def where(self, ids: Any) -> Any:
        """Each id's position in `known` (-1 for one not loaded)."""
        import numpy as np

        if not len(self._sorted):
            return np.full(len(ids), -1, np.int64)
        at = np.searchsorted(self._sorted, ids)
        hit = at < len(self._sorted)
        hit[hit] = self._sorted[at[hit]] == ids[hit]
        return np.where(hit, self._perm[np.minimum(at, len(self._perm) - 1)], -1)


def _rows(conn: sqlite3.Connection, keys: list[str], window: tuple[float, float]
          ) -> tuple[Any, Any, Any]:
    """`Postings._listed` from a row per posting (keys with two or more), the index's order."""
    import numpy as np

    counts = Counter(map(_key, rows := list(store.postings(conn, keys, *window))))  # by key
    rows = [row for row in rows if counts[row[0]] > 1]
    return (np.array([n if (n := counts[key]) > 1 else 0 for key in keys], np.int64),
            np.fromiter(map(_article, rows), np.int64, len(rows)),
            np.fromiter(map(_time, rows), np.float64, len(rows)))


_key, _time, _article = itemgetter(0), itemgetter(1), itemgetter(2)
_round: dict[str, tuple[str, Postings]] = {}  # db path -> (round token, its postings)


def _postings_for(path: str, token: str, window: tuple[float, float], whole: bool
                  ) -> Postings:
    held = _round.get(path)
    if held is None or held[0] != token:
        _round.clear()  # one round at a time: the last one's postings go
        held = _round[path] = (token, Postings(window, whole))
    return held[1]


def reads_whole(conn: sqlite3.Connection, run: Sequence[int]) -> bool:
    """Whether a round's workers read the window's postings whole (`Postings._load_window`)."""
    return len(run) >= WHOLE_SHARE * store.df(conn, []).get("", 0)


def forget() -> None:
    """Let the last round's postings go."""
    _round.clear()


def round_candidates(conn: sqlite3.Connection, path: str, token: str, ids: Sequence[int],
                     window: tuple[float, float], whole: bool = False
                     ) -> list[tuple[int, list[int]]]:
    """Step 1 (reads only): (article, its candidates best first) for `ids`, from postings
    held in memory for the round `token` (whose window covers every article of the run):
    `store.candidates` in numpy, the job's articles at once (a Python loop over every
    posting was ~14M dict updates a cold 10k run). Per article: its MAX_KEYS heaviest keys
    (ties to the greater key), per key its nearest POSTINGS // 2 postings from `published` on
    and as many before it, within the window; each adds its key's weight discounted by time
    apart, summed in the order SQL sums them (by key, heaviest first; an article has one
    posting per key), so the sums are equal to the bit; the best win, ties to the lower id."""
    import numpy as np

    from tui.core.linking import index

    keys = store.keys_of(conn, ids)
    if not keys:
        return []
    wanted = {k for ks, _p in keys.values() for k in ks}
    held = _postings_for(path, token, window, whole)
    held.load(conn, wanted)
    df = held.df  # the writer counts no keys while a round ranks: each read once a worker
    if missing := [k for k in [*wanted, ""] if k[:2] != "m:" and k not in df]:  # a band's:
        found = store.df(conn, missing)  # fixed; "" (the documents) comes with every read
        df.update((k, found.get(k, 0)) for k in missing)
    docs = df.get("", 1)
    names = sorted(wanted)
    rank = {key: n for n, key in enumerate(names)}
    weight = np.array([index.MINHASH_WEIGHT if key.startswith("m:") else idf(df.get(key, 0), docs)
                       for key in names])
    get, empty = held.block.get, held.empty
    block = np.array([get(key, empty) for key in names], np.int64)
    aids = sorted(keys)
    count = np.array([len(keys[aid][0]) for aid in aids], np.int64)
    art = np.repeat(np.arange(len(aids)), count)
    kr = np.array([rank[key] for aid in aids for key in keys[aid][0]], np.int64)
    w = weight[kr]
    order = np.lexsort((-kr, -w, art))  # an article's keys heaviest first, as SQL asks them
    art, kr, w = art[order], kr[order], w[order]
    keep = np.arange(len(art)) - (np.cumsum(count) - count)[art] < index.MAX_KEYS
    art, w, b = art[keep], w[keep], block[kr[keep]]
    published = np.array([keys[aid][1] for aid in aids], np.float64)[art]
    span, half = WINDOW_DAYS * DAY, store.POSTINGS // 2
    start, end = held.start[b], held.start[b + 1]  # each key's block
    i = _bisect(held.times, start, end, published, right=False)
    j = _bisect(held.times, i, np.minimum(i + half, end), published + span, right=True)
    k = _bisect(held.times, np.maximum(start, i - half), i, published - span, right=False)
    size = j - k  # [k, i) before `published`, [i, j) from it on: one range per key
    entries = np.cumsum(np.bincount(art, minlength=len(aids))).tolist()
    selves = held.where(np.array(aids, np.int64)).tolist()
    known, limit, out = held.known, index.CANDIDATES, []
    seen, slot = held.seen, held.slot  # an article's sums are its own others' (a sum per
    # article over every article loaded made ranking grow with the square of the run)
    for a in range(0, len(aids), RANK_CHUNK):  # a chunk's postings at once: ~40 B each
        e0, e1 = entries[a - 1] if a else 0, entries[min(a + RANK_CHUNK, len(aids)) - 1]
        rows, values = _contributions(held, k[e0:e1], size[e0:e1], w[e0:e1],
                                      published[e0:e1], index.RECENCY_DAYS * DAY)
        ends = np.cumsum(np.bincount(art[e0:e1] - a, size[e0:e1], RANK_CHUNK)).astype(np.int64)
        place, s = np.arange(len(rows)), 0
        for aid, e, me in zip(aids[a:a + RANK_CHUNK], ends.tolist(), selves[a:], strict=False):
            mine = rows[s:e]
            seen[mine] = place[s:e]
            hit = mine[seen[mine] == place[s:e]]  # each article once (itself included)
            slot[hit] = np.arange(len(hit))
            sums = np.bincount(slot[mine], values[s:e], len(hit))  # adds in input order
            s = e
            if me >= 0:  # not the article itself (-1: not loaded, so not among them)
                other = hit != me
                hit, sums = hit[other], sums[other]
            if len(sums) > limit:  # only those tying with the limit-th best or better are sorted
                keep = sums >= np.partition(sums, len(sums) - limit)[len(sums) - limit]
                hit, sums = hit[keep], sums[keep]
            other = known[hit]
            out.append((aid, other[np.lexsort((other, -sums))[:limit]].tolist()))
    return out


def _contributions(held: Postings, k: Any, size: Any, w: Any, published: Any,
                   halving: float) -> tuple[Any, Any]:
    """(article, weight discounted by time apart) of each of the `size` postings from `k` on,
    key by key: w / (1 + |t - published| / halving), SQL's expression in the same order."""
    import numpy as np

    at = np.repeat(k - (np.cumsum(size) - size), size) + np.arange(size.sum())
    rows = held.dense[at]
    apart = held.times[at]
    del at
    apart -= np.repeat(published, size)
    np.abs(apart, out=apart)
    apart /= halving
    apart += 1.0
    return rows, np.divide(np.repeat(w, size), apart, out=apart)


def _bisect(times: Any, lo: Any, hi: Any, x: Any, right: bool) -> Any:
    """bisect_left (bisect_right if `right`) of each x in its times[lo:hi], all at once."""
    import numpy as np

    lo, hi = lo.copy(), hi.copy()
    top = len(times) - 1
    while (live := lo < hi).any():
        mid = (lo + hi) // 2
        t = times[np.minimum(mid, top)]
        go = live & ((t <= x) if right else (t < x))
        lo = np.where(go, mid + 1, lo)
        hi = np.where(live & ~go, mid, hi)
    return lo


def blocks(ids: Sequence[int], block: int | None = None) -> dict[int, int]:
    """Article -> its block: the run's ids, sorted, `block` at a time."""
    return tiling.blocks(ids, block or BLOCK)


def tiles(found: Sequence[tuple[int, list[int]]], ids: Sequence[int],
          block: int | None = None) -> list[tuple[tuple[int, int], list[Pair]]]:
    """Every candidate pair once, as (lower id, higher id), grouped by the blocks of `ids`
    its two articles fall in, in block order (tiling.Tiler)."""
    tiler = Tiler(ids, block)
    tiler.add(found)
    return tiler.tiles()


class Tiler(tiling.Tiler):
    """`tiles`, a candidates job at a time (tiling.py), blocks of `BLOCK` unless told."""

    def __init__(self, ids: Sequence[int], block: int | None = None) -> None:
        super().__init__(ids, block or BLOCK)


class Best:
    """Each article's best links of a round so far, held by the writer until its block is
    complete: then only the `keep` best go to SQLite, ranked as `store.prune` ranks them
    (score, then the other's id). Writing every scored pair both ways and deleting all but the
    best was most of the writer's linking work. The run's articles have no other links (their
    old ones went when they were re-analysed); an article outside the run (older news) is
    pruned again in SQL with the links it had."""

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self.rows: dict[int, list[tuple[float, int, str, int]]] = {}

    def add(self, rows: Sequence[LinkRow]) -> None:
        """Scored pairs, each one way: they count for both articles. Past `4 * keep` held
        (checked once per call: per row it was a third of this), what cannot make an
        article's best `keep` goes."""
        held = self.rows
        get = held.get
        for a, b, score, why, says in rows:
            neg = -score
            mine = get(a)
            if mine is None:
                held[a] = [(neg, b, why, says)]
            else:
                mine.append((neg, b, why, says))
            theirs = get(b)
            if theirs is None:
                held[b] = [(neg, a, why, says)]
            else:
                theirs.append((neg, a, why, says))
        keep = self.keep
        cap = 4 * keep
        for mine in [m for m in held.values() if len(m) > cap]:
            mine.sort()
            del mine[keep:]

    def take(self, ids: Sequence[int]) -> list[LinkRow]:
        """The best links of `ids` as link rows, by article and other; they are no longer held."""
        out: list[LinkRow] = []
        pop, keep = self.rows.pop, self.keep
        for aid in sorted(ids):
            best = pop(aid, None)
            if best:
                best.sort()
                del best[keep:]
                best.sort(key=_other)
                out += [(aid, other, -neg, why, says) for neg, other, why, says in best]
        return out

    def held(self) -> list[int]:
        return sorted(self.rows)


_other = itemgetter(1)


def score_pairs(conn: sqlite3.Connection, pairs: Sequence[Pair] | tiling.array[int],
                model: Model | None = None, run: str = "") -> list[LinkRow]:
    """Step 3 (reads only): the link rows of `pairs` (packed, as a tile's job gets them, or
    as tuples) that reach the model's link_min; `run`: the finish_run's (`index.features`)."""
    from tui.core.linking.batch import score_many
    from tui.core.linking.index import features

    model = model or default_model()
    if isinstance(pairs, tiling.array):
        import numpy as np

        packed = np.frombuffer(pairs, np.int64)
        ids = np.unique(np.concatenate([packed >> tiling.SHIFT, packed & tiling.LOW])).tolist()
        pairs = tiling.unpack(pairs)
    else:
        ids = sorted({a for pair in pairs for a in pair})
    return score_many(features(conn, ids, run=run), pairs, model)


def window_of(published: Mapping[int, float]) -> tuple[float, float]:
    """Every candidate of these articles is published in this window."""
    return (min(published.values()) - WINDOW_DAYS * DAY,
            max(published.values()) + WINDOW_DAYS * DAY)
