"""A job's candidate pairs scored at once in numpy: `score.link` on every pair, to the bit.

A round scores ~120k pairs on a cold 10k run, and `score._pair` was a Python call per pair
(~20 us, a third of the pool's scoring). Here each part is a column over all of a job's
pairs. Equal to the bit, because every float is made by the same operations in the same
order as `_pair` makes it:

- a sum over shared keys (Ruzicka's minima, the text cosine, the event-type agreement) adds
  the shared keys' terms in sorted key order, as `_pair` does, with `np.bincount` (which adds
  each bin's weights one by one, in input order) from 0.0;
- the model's dot product adds the parts one column at a time in PARTS order (no BLAS, whose
  order differs);
- elementwise +, -, *, / are IEEE's, the same in numpy as in Python; the logarithms are
  Python's own (`math.log1p`), since numpy's may differ in the last place, and so are the
  logistic and the rounding wherever numpy's could tip a probability's sixth place
  (`kept.probabilities`).

Only the pairs whose link is kept (most of them at link_min 0.02) get their reasons
(kept.py). numpy is loaded only here and in the pool's other jobs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import chain
from typing import Any

from tui.core.linking.features import Features
from tui.core.linking.kept import LinkRow, Met, kept_rows
from tui.core.linking.minhash import NUM_HASHES, jaccard
from tui.core.linking.score import DAY, LATE_DAYS, REPEAT_DAYS, TAIL_DAYS, WINDOW_DAYS, Model
from tui.core.linking.sparse import Coded, Sparse

__all__ = ["LinkRow", "score_many"]


def _ruzicka(field: Sparse, sums: Any, x: Any, y: Any, every: bool = False
             ) -> tuple[Any, Any, tuple[Any, ...]]:
    """`score._ruzicka`'s weighted Jaccard and shared mass, per pair, and how many keys each
    pair shares and one of them (`Sparse.meet`; `every`: and all of them, `Sparse.meet_all`)."""
    import numpy as np

    if every:
        top, count, key, each = field.meet_all(x, y)
        met: tuple[Any, ...] = (count, key, each)
    else:
        top, count, key = field.meet(x, y)
        met = (count, key)
    bottom = sums[x] + sums[y] - top
    safe = np.where(bottom != 0, bottom, 1.0)
    return np.where(bottom != 0, top / safe, 0.0), top, met


def _log1p(values: Any) -> Any:
    """`math.log1p` of each value (numpy's may differ in the last place), 0.0 for 0.0 without
    a call: most pairs share no state, say."""
    import numpy as np

    out = np.zeros(len(values), np.float64)
    some = np.flatnonzero(values)
    out[some] = np.fromiter(map(math.log1p, values[some].tolist()), np.float64, len(some))
    return out


def _rows(feats: Mapping[int, Features], pairs: Sequence[tuple[int, int]]
          ) -> tuple[Any, Any, Any]:
    """The job's article ids (sorted) and each pair's two rows among them, pairs missing a
    side's features left out."""
    import numpy as np

    flat = np.fromiter(chain.from_iterable(pairs), np.int64, 2 * len(pairs))
    ids, at = np.unique(flat, return_inverse=True)
    have = np.fromiter(map(feats.__contains__, ids.tolist()), bool, len(ids))
    if not have.all():
        both = have[at].reshape(-1, 2).all(axis=1)
        ids, at = np.unique(flat.reshape(-1, 2)[both], return_inverse=True)
    at = at.reshape(-1, 2)
    return ids, at[:, 0], at[:, 1]


def score_many(feats: Mapping[int, Features], pairs: Sequence[tuple[int, int]],
               model: Model) -> list[LinkRow]:
    """The link rows (a, b, probability, reasons) of `pairs` that reach the model's
    link_min, in the order of `pairs`: what `link` gives pair by pair. Pairs missing a side's
    features are skipped; pairs more than WINDOW_DAYS apart go through `link` itself."""
    import numpy as np

    ids, x, y = _rows(feats, pairs)
    if not len(x):
        return []
    arts = [feats[aid] for aid in ids.tolist()]
    published = np.array([f.published for f in arts], np.float64)
    sums = np.array([f.sums for f in arts], np.float64).reshape(len(arts), 4)
    days = np.abs(published[x] - published[y]) / DAY
    coded = Coded(arts, (f.lead for f in arts))  # leads: looked up among the headlines' names
    ea, mass_a, actors = _ruzicka(coded.field("actors"), sums[:, 0], x, y, every=True)
    _es, mass_s, _states = _ruzicka(coded.field("states"), sums[:, 1], x, y)
    ep, mass_p, places = _ruzicka(coded.field("places"), sums[:, 2], x, y, every=True)
    ef, _mass_f, _focus = _ruzicka(coded.field("focus"), sums[:, 3], x, y)
    scripts = {s: n for n, s in enumerate(sorted({f.script for f in arts}))}
    script = np.array([scripts[f.script] for f in arts], np.int64)
    cross = (script[x] != script[y]).astype(np.float64)
    text = np.where(cross == 0, coded.field("terms").shared(x, y, product=True), 0.0)
    mass = _log1p(mass_a + mass_p)
    types = coded.field("what")
    what, differ = _what(arts, types, x, y)
    lead, clash = _leads(arts, coded, x, y)
    day = np.array([f.day for f in arts], np.int64)
    repeat = np.array([f.repeat for f in arts], bool)
    apart, acts_alike = _acts(coded, x, y)
    undated = np.array([f.undated for f in arts], bool)
    later = np.where(published[x] > published[y], x, y)
    columns = (ea, _log1p(mass_s), ep, ef, mass, lead, clash, text,
               np.minimum(days, WINDOW_DAYS) / 7, _log1p(days),
               np.minimum(np.abs(day[x] - day[y]), 7) / 7, cross, cross * (ea + ep) / 2,
               cross * mass, what, differ,
               (repeat[later] & (days >= REPEAT_DAYS)).astype(np.float64), apart,
               _kinds(arts, x, y),
               np.maximum(np.minimum(days, WINDOW_DAYS) - LATE_DAYS, 0.0) / 7,
               np.where(undated[later], np.minimum(days, WINDOW_DAYS) / 7, 0.0),
               _headline(coded, x, y, cross, np.array([f.summary for f in arts], bool)),
               np.maximum(np.minimum(days, WINDOW_DAYS) - TAIL_DAYS, 0.0) / 7, acts_alike)
    dot = np.zeros(len(x), np.float64)
    for weight, column in zip(model.vector, columns, strict=True):
        dot += weight * column
    return kept_rows(arts, ids, x, y, model, dot, days, text,
                     _dups(arts, coded, x, y, cross), Met(actors, places, types, coded))


def _what(arts: Sequence[Features], field: Sparse, x: Any, y: Any) -> tuple[Any, Any]:
    """The event-type agreement, and whether the main types differ, per pair (both 0 unless
    both articles name a main type). The agreement sums in x's key order, which is sorted
    (`what.unit` sorts its keys)."""
    import numpy as np

    mains = [f.main for f in arts]
    both = np.fromiter(map(bool, mains), bool, len(mains))
    both = both[x] & both[y]
    main = field.ranks_of(mains)
    named = (field.find(y, main[x]) >= 0) | (field.find(x, main[y]) >= 0)
    what = np.where(both, field.shared(x, y, product=True), 0.0)
    return what, (both & ~named).astype(np.float64)


def _headline(coded: Coded, x: Any, y: Any, cross: Any, summary: Any) -> Any:
    """`score._headline` per pair: the shared headline terms over their union (an int over an
    int, one rounding, as in Python), 0 across scripts, for an empty headline or beside a
    summary-only item."""
    import numpy as np

    field = coded.field("head_terms")
    met = field.meet(x, y)[1]
    nx, ny = field.count[x], field.count[y]
    some = (cross == 0) & (nx > 0) & (ny > 0) & ~summary[x] & ~summary[y]
    union = np.where(some, nx + ny - met, 1)
    return np.where(some, met / union, 0.0)


def _acts(coded: Coded, x: Any, y: Any) -> tuple[Any, Any]:
    """`score._acts_apart` and `score._acts_alike` per pair: both say what happened to whom,
    and share no pair; the shared pairs over their union (an int over an int, one rounding,
    as in Python), 0 unless both have some."""
    import numpy as np

    field = coded.field("acts")
    met = field.meet(x, y)[1]
    nx, ny = field.count[x], field.count[y]
    both = (nx > 0) & (ny > 0)
    union = np.where(both, nx + ny - met, 1)
    return (both & (met == 0)).astype(float), np.where(both, met / union, 0.0)


def _kinds(arts: Sequence[Features], x: Any, y: Any) -> Any:
    """`what.kind_apart` per pair: both headlines name a kind of event, none the same."""
    import numpy as np

    kinds = np.array([f.kinds for f in arts], np.int64)
    kx, ky = kinds[x], kinds[y]
    return ((kx != 0) & (ky != 0) & ((kx & ky) == 0)).astype(np.float64)


def _leads(arts: Sequence[Features], coded: Coded, x: Any, y: Any) -> tuple[Any, Any]:
    """Same protagonist (1.0), and `score._clash`: different protagonists, neither in the
    other's headline."""
    import numpy as np

    heads = coded.field("heads")
    leads = [f.lead for f in arts]
    named = np.fromiter(map(bool, leads), bool, len(leads))
    lead = np.where(named, heads.ranks_of(leads), -1)
    has = named & (heads.count > 0)
    same = (lead[x] >= 0) & (lead[x] == lead[y])
    met = has[x] & has[y] & ~same
    clash = met & (heads.find(y, lead[x]) < 0) & (heads.find(x, lead[y]) < 0)
    return same.astype(np.float64), clash.astype(np.float64)


def _dups(arts: Sequence[Features], coded: Coded, x: Any, y: Any, cross: Any) -> Any:
    """`text.jaccard` of the two MinHash signatures per pair (0.0 across scripts), from the
    signatures as `Codes` holds them; a pair with one not of the usual width takes `jaccard`
    itself."""
    import numpy as np

    sig, usual = coded.signatures()
    dup = np.where(cross == 0, (sig[x] == sig[y]).sum(axis=1) / NUM_HASHES, 0.0)
    for n in np.flatnonzero(~(usual[x] & usual[y]) & (cross == 0)).tolist():
        dup[n] = jaccard(arts[x[n]].sig, arts[y[n]].sig)
    return dup
