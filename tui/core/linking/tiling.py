"""A round's candidate pairs grouped into tiles (rounds.py step 2, the writer), each pair one
int: `lo << 32 | hi`. The writer groups ~200k pairs of a cold 10k run while the workers rank
the rest; as ints they hash and sort without a tuple each, and a tile goes to its scoring job
as one packed array (pickled as bytes) where a list of tuples was pickled pair by pair.
Codes sort as their pairs do (ids are below 2**31, SQLite's rowids of a cache: `LIMIT`).
"""

from __future__ import annotations

from array import array as array
from collections.abc import Sequence
from typing import Any

Pair = tuple[int, int]
SHIFT = 32
LOW = (1 << SHIFT) - 1
LIMIT = 1 << 31  # an id at or past this would not fit a signed 64-bit code


def unpack(codes: Any) -> list[Pair]:
    """The pairs of packed `codes` (an array('q'), or any buffer of int64), in their order."""
    import numpy as np

    packed = np.frombuffer(codes, np.int64)
    return list(zip((packed >> SHIFT).tolist(), (packed & LOW).tolist(), strict=True))


def blocks(ids: Sequence[int], block: int) -> dict[int, int]:
    """Article -> its block: the run's ids, sorted, `block` at a time."""
    return {aid: n // block for n, aid in enumerate(sorted(ids))}


class Tiler:
    """`rounds.tiles`, fed a candidates job at a time: the writer groups each job's pairs
    while the workers rank the rest (grouping them all after the last job was ~0.2 s with one
    core). Candidates outside the run (older news) are blocked the same way, after the run's
    blocks."""

    def __init__(self, ids: Sequence[int], block: int) -> None:
        self.size = block
        self.order = blocks(ids, block)
        self.groups: dict[int, set[int]] = {}  # tile (mine << 32 | theirs) -> its pairs
        self.outside: dict[int, set[int]] = {}  # older article -> its pairs, blocked last

    def add(self, found: Sequence[tuple[int, list[int]]]) -> None:
        order, groups, outside = self.order, self.groups, self.outside
        get, at = groups.get, order.get
        for aid, cands in found:
            if cands and (aid >= LIMIT or max(cands) >= LIMIT):
                raise ValueError(f"article ids must be below {LIMIT}")
            mine = order[aid]
            for other in cands:
                pair = aid << SHIFT | other if aid < other else other << SHIFT | aid
                theirs = at(other)
                if theirs is None:
                    held = outside.get(other)
                    if held is None:
                        held = outside[other] = set()
                    held.add(pair)
                    continue
                key = mine << SHIFT | theirs if mine <= theirs else theirs << SHIFT | mine
                tile = get(key)
                if tile is None:
                    tile = groups[key] = set()
                tile.add(pair)

    def packed(self) -> list[tuple[tuple[int, int], array[int]]]:
        """Every tile as (its two blocks, its pairs packed and sorted), in tile order: a
        block's tiles come one after another, so a worker keeps that block's features
        decoded from one job to the next."""
        groups, size, order = self.groups, self.size, self.order
        after = max(order.values(), default=-1) + 1
        for n, other in enumerate(sorted(self.outside)):
            theirs = after + n // size
            for pair in self.outside[other]:
                a, b = pair >> SHIFT, pair & LOW
                key = order[b if a == other else a] << SHIFT | theirs
                tile = groups.get(key)
                if tile is None:
                    tile = groups[key] = set()
                tile.add(pair)
        return [((t >> SHIFT, t & LOW), array("q", sorted(groups[t]))) for t in sorted(groups)]

    def tiles(self) -> list[tuple[tuple[int, int], list[Pair]]]:
        """`packed`, each tile's pairs as tuples."""
        return [(key, unpack(codes)) for key, codes in self.packed()]


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


def pieces(tiled: Sequence[tuple[tuple[int, int], Any]], size: int, last: int
           ) -> tuple[list[Any], dict[int, list[int]], list[int]]:
    """The tiles' pairs as scoring jobs, in tile order, the `last` tiles' in jobs of at most
    `size` pairs: (each job's pairs, job position -> the blocks complete once its rows are in,
    the position of each tile's first job). A whole tile a job left one worker on the last
    one while the other sat idle (bench/cold_timeline.py); every tile in pieces cost the
    workers more CPU than that (a job's fixed costs), so only the last ones are cut."""
    jobs: list[Any] = []
    first: list[int] = []
    ends: list[int] = []
    cut_from = len(tiled) - last
    for n, (_key, pairs) in enumerate(tiled):
        first.append(len(jobs))
        step = size if n >= cut_from else max(len(pairs), 1)
        jobs += [pairs[i:i + step] for i in range(0, max(len(pairs), 1), step)]
        ends.append(len(jobs) - 1)
    complete = complete_after([key for key, _pairs in tiled])
    return jobs, {ends[n]: done for n, done in complete.items()}, first
