"""A round's scoring job sends the writer only the rows that can still be among an end's best:
`rounds.Best` keeps each article's `keep` best by (score, the other's id), so a row ranked
past `keep` for both its articles within one job is past it in the whole round too. The
writer adds every row it gets one at a time, and at the end of the scoring it was the one
working while both workers waited (bench/cold_timeline.py)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.linking.index import LinkRow


def could_be_best(rows: Sequence[LinkRow], keep: int) -> list[LinkRow]:
    """`rows` (each pair once, one way) less those ranked past `keep` at both ends, ranked
    as `Best.take` ranks them (score descending, then the other's id), in their order."""
    if len(rows) <= keep:
        return list(rows)
    import numpy as np

    n = len(rows)
    a = np.fromiter((row[0] for row in rows), np.int64, n)
    b = np.fromiter((row[1] for row in rows), np.int64, n)
    score = np.fromiter((row[2] for row in rows), np.float64, n)
    art, other = np.concatenate([a, b]), np.concatenate([b, a])  # each row from both ends
    order = np.lexsort((other, -np.concatenate([score, score]), art))
    by_art = art[order]
    starts = np.flatnonzero(np.r_[True, by_art[1:] != by_art[:-1]])
    rank = np.arange(2 * n) - np.repeat(starts, np.diff(np.r_[starts, 2 * n]))
    wanted = np.zeros(n, bool)
    wanted[order[rank < keep] % n] = True
    return list(compress(rows, wanted.tolist()))
