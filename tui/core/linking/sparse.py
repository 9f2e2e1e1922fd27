"""A scoring job's articles' dict fields as sparse rows in numpy, each article's keys coded
once per process instead of once per job.

A round's scoring jobs pair every block of the run with every other, so a worker meets each
article in three jobs or so; making each job's vocabulary (the union of its articles' keys,
~170k term keys mapped to ids one dict lookup each, the entries sorted) was a seventh of
scoring. Here one process-wide `Codes` gives every key it meets an id for good and ranks the
ids in sorted key order (one merge when new keys come); an article's fields are coded once,
a batch of articles at a time, into columns that only grow: their keys' ids, each row in
sorted key order, and their values. A job gathers its rows from there with a few numpy
operations. Each row's entries stay in sorted key order (a new key's rank changes no other
two keys' order), which is the order `score._pair` sums shared keys in, so the sums stay
equal to the bit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain, count, repeat
from typing import Any, NamedTuple

from tui.core.linking.features import Features
from tui.core.linking.minhash import NUM_HASHES

FIELDS = ("actors", "states", "places", "focus", "terms", "what", "heads", "acts", "head_terms")
SETS = ("heads", "acts", "head_terms")  # fields that are sets: their keys are coded with 0.0 each
TUPLES = ("heads",)  # of those, the one held as a tuple (the others are frozensets)
SLOTS_MAX = 20_000  # articles coded before the columns start again (each is coded anew):
# a worker holds 10,000 decoded (index._DECODED_MAX); ~0.9 KB of columns each
_generations = count()  # one number per `Codes` and generation: codes never mix them


class _Ids(dict[str, int]):
    """Key -> id, a new key given the next id as it is looked up."""

    def __init__(self) -> None:
        super().__init__()
        self.fresh: list[str] = []  # keys given an id since the ranks were made

    def __missing__(self, key: str) -> int:
        self[key] = n = len(self)
        self.fresh.append(key)
        return n


class _Column:
    """A numpy array that grows (doubling) as coded rows are added."""

    def __init__(self, dtype: Any) -> None:
        import numpy as np

        self.data, self.size = np.zeros(1_024, dtype), 0

    def add(self, values: Any) -> None:
        import numpy as np

        end = self.size + len(values)
        if end > len(self.data):
            grown = np.zeros(max(end, 2 * len(self.data)), self.data.dtype)
            grown[:self.size] = self.data[:self.size]
            self.data = grown
        self.data[self.size:end] = values
        self.size = end


class Codes:
    """Every key this process's jobs met (an id each, and each id's rank in sorted key
    order) and every article's FIELDS coded (`Features.coded`: this generation and the
    article's slot). Past SLOTS_MAX articles a new generation starts: the old articles are
    coded again when met."""

    def __init__(self) -> None:
        self._start()

    def _start(self) -> None:
        import numpy as np

        self.generation = next(_generations)
        self.ids = _Ids()
        self.order: list[str] = []  # every key, sorted
        self._rank: Any = None
        self.slots = 0
        self.start = [_Column(np.int64) for _ in FIELDS]  # per slot: its first entry
        self.count = [_Column(np.int64) for _ in FIELDS]  # and how many it has
        self.keys = [_Column(np.int32) for _ in FIELDS]  # per entry: its key's id
        self.values = [_Column(np.float64) for _ in FIELDS]
        self.sigs = _Column(np.uint64)  # per slot: NUM_HASHES values (0s: not the usual width)
        self.usual = _Column(np.bool_)  # per slot: its signature is of the usual width

    def ranks(self) -> Any:
        """Id -> rank in sorted key order: a new array once new keys came, so one taken
        before stays true for the keys it knew."""
        import numpy as np

        fresh = self.ids.fresh
        if fresh or self._rank is None:
            self.order += fresh
            self.order.sort()  # the sorted run and the new keys: a merge
            fresh.clear()
            at = np.fromiter(map(self.ids.__getitem__, self.order), np.int64, len(self.order))
            rank = np.empty(len(at), np.int64)
            rank[at] = np.arange(len(at))
            self._rank = rank
        return self._rank

    def slots_of(self, arts: Sequence[Features]) -> Any:
        """Each article's slot, coding those not coded in this generation."""
        import numpy as np

        held = [f.coded for f in arts]
        new = [n for n, c in enumerate(held) if c is None or c[0] != self.generation]
        if new and self.slots + len(new) > SLOTS_MAX:
            self._start()
            new = list(range(len(arts)))
        if new:
            self._code([arts[n] for n in new])
            for n in new:
                held[n] = arts[n].coded
        return np.fromiter((c[1] for c in held), np.int64, len(held))  # type: ignore[index]

    def _code(self, arts: list[Features]) -> None:
        import numpy as np

        first = self.slots
        rows, coded = np.arange(len(arts), dtype=np.int64), []
        for name in FIELDS:
            held = [getattr(f, name) for f in arts]
            if name in TUPLES:  # distinct as made; a repeat (never made) kept out all the same
                held = [dict.fromkeys(keys) for keys in held]
            many = np.fromiter(map(len, held), np.int64, len(held))
            total = int(many.sum())
            ids = np.fromiter(map(self.ids.__getitem__, chain.from_iterable(held)), np.int32,
                              total)
            values = (np.zeros(total, np.float64) if name in SETS else  # keys alone: 0.0
                      np.fromiter(chain.from_iterable(map(dict.values, held)), np.float64,
                                  total))
            coded.append((many, ids, values))
        rank = self.ranks()
        for n, (many, ids, values) in enumerate(coded):
            order = np.argsort(np.repeat(rows, many) * (len(rank) + 1) + rank[ids])
            self.start[n].add(self.keys[n].size + np.cumsum(many) - many)
            self.count[n].add(many)
            self.keys[n].add(ids[order])
            self.values[n].add(values[order])
        usual = [len(f.sig) == NUM_HASHES for f in arts]
        self.usual.add(np.array(usual, np.bool_))
        self.sigs.add(np.fromiter(chain.from_iterable(  # flat: no shape for numpy to find
            [f.sig if ok else _ZEROS for f, ok in zip(arts, usual, strict=True)]), np.uint64,
            len(arts) * NUM_HASHES))
        for n, f in enumerate(arts):
            object.__setattr__(f, "coded", (self.generation, first + n))
        self.slots += len(arts)


_ZEROS = (0,) * NUM_HASHES
CODES = Codes()


class Coded:
    """A job's articles (rows, in order) coded, and one ranking of their keys and of
    `extra` keys (to be looked up with `key`)."""

    def __init__(self, arts: Sequence[Features], extra: Iterable[str] = ()) -> None:
        codes = CODES
        self.codes, self.slots = codes, codes.slots_of(arts)
        for word in extra:
            codes.ids[word]  # given an id, so it is ranked
        self.rank = codes.ranks()
        self.ids = codes.ids

    def key(self, word: str) -> int:
        """A key's rank (-1: one no article of the job holds and not among `extra`)."""
        n = self.ids.get(word)
        return -1 if n is None or n >= len(self.rank) else int(self.rank[n])

    def ranks_of(self, words: Iterable[str]) -> Any:
        """`key` of each word, at once."""
        import numpy as np

        rank = self.rank
        ids = np.fromiter(map(self.ids.get, words, repeat(-1)), np.int64)
        known = (ids >= 0) & (ids < len(rank))
        if not known.any():
            return np.full(len(ids), -1, np.int64)
        return np.where(known, rank[np.where(known, ids, 0)], -1)

    def word(self, rank: int) -> str:
        """The key of a rank (from this job's ranking: look it up before the next job)."""
        return self.codes.order[rank]

    def field(self, name: str) -> Sparse:
        return Sparse(self, FIELDS.index(name))

    def signatures(self) -> tuple[Any, Any]:
        """The articles' MinHash signatures (a row each, as unsigned 64-bit ints), and which
        are of the usual width (the others' rows are 0s): converted once per article, when
        it is coded, not in every job it is in."""
        codes = self.codes
        rows = codes.sigs.data[:codes.slots * NUM_HASHES].reshape(codes.slots, NUM_HASHES)
        return rows[self.slots], codes.usual.data[self.slots]


class Shared(NamedTuple):
    """Every key the pairs share: per shared key, its pair's place, its rank and the lesser
    of the pair's two values, by pair."""

    pair: Any
    rank: Any
    least: Any


class Sparse:
    """One dict field of each article of a job (row = the article's place in the job): its
    keys as ranks in sorted key order, and `codes` (row * width + rank), ascending, to find
    a key of a row with one bisect."""

    def __init__(self, coded: Coded, at: int) -> None:
        import numpy as np

        codes, slots = coded.codes, coded.slots
        count = codes.count[at].data[slots]
        start = codes.start[at].data[slots]
        self.rows = rows = np.repeat(np.arange(len(slots), dtype=np.int64), count)
        entries = np.repeat(start - (np.cumsum(count) - count), count) + np.arange(len(rows))
        self.keys = coded.rank[codes.keys[at].data[entries]]
        self.values = codes.values[at].data[entries]
        self.width = len(coded.rank) + 1
        self.count, self.start = count, np.cumsum(count) - count
        self.codes = rows * self.width + self.keys  # each row's keys ascending
        self.key, self.ranks_of = coded.key, coded.ranks_of

    def find(self, rows: Any, keys: Any) -> Any:
        """Where each (row, key rank) is among the entries, -1 where it is not."""
        import numpy as np

        if not len(self.codes):
            return np.full(len(rows), -1, np.int64)
        want = rows * self.width + keys
        at = np.minimum(np.searchsorted(self.codes, want), len(self.codes) - 1)
        return np.where(self.codes[at] == want, at, -1)

    def shared(self, x: Any, y: Any, product: bool, slice_: int = 2_048) -> Any:
        """Per pair (rows x[i], y[i]): the sum over their shared keys, in sorted key order, of
        the two values' minimum (`product`: their product). Each pair's shorter side is walked
        (min and * are symmetric, and the shared keys are the same either way). A slice of
        pairs at a time: a job's terms walked at once were ~30 MB of temporaries."""
        return self._sliced(x, y, product, slice_)[0]

    def meet(self, x: Any, y: Any) -> tuple[Any, Any, Any]:
        """`shared`'s sums of minima, how many keys each pair shares, and one of them (its
        rank; -1 for none): what a reason naming the one shared key needs."""
        return self._sliced(x, y, False, 2_048, hits=True)

    def meet_all(self, x: Any, y: Any) -> tuple[Any, Any, Any, Shared]:
        """`meet`, and every key each pair shares (`Shared`): what a reason naming two or
        more needs."""
        sums, count, key, pair, rank, least = self._sliced(x, y, False, 2_048, hits=True,
                                                           every=True)
        return sums, count, key, Shared(pair, rank, least)

    def _sliced(self, x: Any, y: Any, product: bool, slice_: int,
                hits: bool = False, every: bool = False) -> tuple[Any, ...]:
        import numpy as np

        if len(x) <= slice_:
            return self._shared(x, y, product, hits, every)
        parts = [self._shared(x[i:i + slice_], y[i:i + slice_], product, hits, every)
                 for i in range(0, len(x), slice_)]
        if every:  # each slice's pairs counted from 0: placed among all
            for i, part in zip(range(0, len(x), slice_), parts, strict=True):
                part[3][:] += i
        return tuple(np.concatenate(column) for column in zip(*parts, strict=True))

    def _shared(self, x: Any, y: Any, product: bool, hits: bool,
                every: bool = False) -> tuple[Any, ...]:
        import numpy as np

        short = self.count[x] <= self.count[y]
        a, b = np.where(short, x, y), np.where(short, y, x)
        n = self.count[a]
        pair = np.repeat(np.arange(len(a), dtype=np.int64), n)
        at = np.repeat(self.start[a] - (np.cumsum(n) - n), n) + np.arange(int(n.sum()))
        found = self.find(b[pair], self.keys[at])
        hit = found >= 0
        mine, theirs = self.values[at[hit]], self.values[found[hit]]
        terms = mine * theirs if product else np.minimum(mine, theirs)
        sums = np.bincount(pair[hit], terms, len(a))
        if not hits:
            return (sums,)
        met = pair[hit]
        key = np.full(len(a), -1, np.int64)
        ranks = self.keys[at[hit]]
        key[met] = ranks
        if every:
            return sums, np.bincount(met, minlength=len(a)), key, met, ranks, terms
        return sums, np.bincount(met, minlength=len(a)), key
