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
- elementwise +, -, *, / are IEEE's, the same in numpy as in Python; the logarithms, the
  logistic and the rounding are Python's own (`math.log1p`, `Model._sigmoid`, `round`),
  since numpy's may differ in the last place.

Only the pairs whose link is kept (most of them at link_min 0.02) get their reasons, in
Python as before. numpy is loaded only here and in the pool's other jobs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import chain
from typing import Any

from tui.core.linking.features import Features
from tui.core.linking.lexicon import LEXICON
from tui.core.linking.names import display_name
from tui.core.linking.score import (
    DAY,
    REPEAT_DAYS,
    SAME_COPY,
    TEXT_SAID,
    WINDOW_DAYS,
    Model,
    _apart,
    _explain_order,
    link,
)
from tui.core.linking.text import jaccard
from tui.core.linking.what import shared

LinkRow = tuple[int, int, float, str, bool]  # as index.LinkRow
SLICE = 2_048  # pairs whose shared keys are walked at once


class _Sparse:
    """One dict field of each article of a job (row = the article's place in the job): its
    keys as ids in sorted key order, and `codes` (row * width + key id), ascending, to find
    a key of a row with one bisect."""

    def __init__(self, dicts: Sequence[dict[str, float]], extra: Iterable[str] = ()) -> None:
        import numpy as np

        ids = {k: n for n, k in enumerate(sorted(set().union(*dicts, extra)))}
        self.width = len(ids) + 1
        count = np.fromiter(map(len, dicts), np.int64, len(dicts))
        total = int(count.sum())
        keys = np.fromiter(map(ids.__getitem__, chain.from_iterable(dicts)), np.int64, total)
        values = np.fromiter(chain.from_iterable(map(dict.values, dicts)), np.float64, total)
        rows = np.repeat(np.arange(len(dicts), dtype=np.int64), count)
        codes = rows * self.width + keys
        if total > 1 and not (codes[1:] > codes[:-1]).all():  # each row's keys in key order
            order = np.argsort(codes)  # distinct codes: any sort gives the same order
            codes, keys, values = codes[order], keys[order], values[order]
        self.ids, self.count = ids, count
        self.start = np.cumsum(count) - count
        self.keys, self.values, self.codes = keys, values, codes

    def find(self, rows: Any, keys: Any) -> Any:
        """Where each (row, key id) is among the entries, -1 where it is not."""
        import numpy as np

        if not len(self.codes):
            return np.full(len(rows), -1, np.int64)
        want = rows * self.width + keys
        at = np.minimum(np.searchsorted(self.codes, want), len(self.codes) - 1)
        return np.where(self.codes[at] == want, at, -1)

    def shared(self, x: Any, y: Any, product: bool) -> Any:
        """Per pair (rows x[i], y[i]): the sum over their shared keys, in sorted key order, of
        the two values' minimum (`product`: their product). Each pair's shorter side is walked
        (min and * are symmetric, and the shared keys are the same either way). A slice of
        pairs at a time: a job's terms walked at once were ~30 MB of temporaries."""
        import numpy as np

        if len(x) <= SLICE:
            return self._shared(x, y, product)
        return np.concatenate([self._shared(x[i:i + SLICE], y[i:i + SLICE], product)
                               for i in range(0, len(x), SLICE)])

    def _shared(self, x: Any, y: Any, product: bool) -> Any:
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
        return np.bincount(pair[hit], terms, len(a))


def _ruzicka(field: _Sparse, sums: Any, x: Any, y: Any) -> tuple[Any, Any]:
    """`score._ruzicka`'s weighted Jaccard and shared mass, per pair."""
    import numpy as np

    top = field.shared(x, y, product=False)
    bottom = sums[x] + sums[y] - top
    safe = np.where(bottom != 0, bottom, 1.0)
    return np.where(bottom != 0, top / safe, 0.0), top


def _log1p(values: Any) -> Any:
    import numpy as np

    return np.array(list(map(math.log1p, values.tolist())), np.float64)


def score_many(feats: Mapping[int, Features], pairs: Sequence[tuple[int, int]],
               model: Model) -> list[LinkRow]:
    """The link rows (a, b, probability, reasons) of `pairs` that reach the model's
    link_min, in the order of `pairs`: what `link` gives pair by pair. Pairs missing a side's
    features are skipped; pairs more than WINDOW_DAYS apart go through `link` itself."""
    import numpy as np

    pairs = [(a, b) for a, b in pairs if a in feats and b in feats]
    if not pairs:
        return []
    ids = sorted({a for pair in pairs for a in pair})
    row = {aid: n for n, aid in enumerate(ids)}
    arts = [feats[aid] for aid in ids]
    x = np.fromiter((row[a] for a, _b in pairs), np.int64, len(pairs))
    y = np.fromiter((row[b] for _a, b in pairs), np.int64, len(pairs))
    published = np.array([f.published for f in arts], np.float64)
    sums = np.array([f.sums for f in arts], np.float64).reshape(len(arts), 4)
    days = np.abs(published[x] - published[y]) / DAY
    ea, mass_a = _ruzicka(_Sparse([f.actors for f in arts]), sums[:, 0], x, y)
    _es, mass_s = _ruzicka(_Sparse([f.states for f in arts]), sums[:, 1], x, y)
    ep, mass_p = _ruzicka(_Sparse([f.places for f in arts]), sums[:, 2], x, y)
    ef, _mass_f = _ruzicka(_Sparse([f.focus for f in arts]), sums[:, 3], x, y)
    scripts = {s: n for n, s in enumerate(sorted({f.script for f in arts}))}
    script = np.array([scripts[f.script] for f in arts], np.int64)
    cross = (script[x] != script[y]).astype(np.float64)
    text = np.where(cross == 0, _Sparse([f.terms for f in arts]).shared(x, y, product=True), 0.0)
    mass = _log1p(mass_a + mass_p)
    what, differ = _what(arts, x, y)
    lead, clash = _leads(arts, x, y)
    day = np.array([f.day for f in arts], np.int64)
    repeat = np.array([f.repeat for f in arts], bool)
    later = np.where(published[x] > published[y], x, y)
    columns = (ea, _log1p(mass_s), ep, ef, mass, lead, clash, text,
               np.minimum(days, WINDOW_DAYS) / 7, _log1p(days),
               np.minimum(np.abs(day[x] - day[y]), 7) / 7, cross, cross * (ea + ep) / 2,
               cross * mass, what, differ,
               (repeat[later] & (days >= REPEAT_DAYS)).astype(np.float64), _acts(arts, x, y),
               _kinds(arts, x, y))
    dot = np.zeros(len(pairs), np.float64)
    for weight, column in zip(model.vector, columns, strict=True):
        dot += weight * column
    return _kept(feats, pairs, model, dot.tolist(), days.tolist(), text.tolist(),
                 _dups(arts, x, y, cross))


def _what(arts: Sequence[Features], x: Any, y: Any) -> tuple[Any, Any]:
    """The event-type agreement, and whether the main types differ, per pair (both 0 unless
    both articles name a main type). The agreement sums in x's key order, which is sorted
    (`what.unit` sorts its keys)."""
    import numpy as np

    field = _Sparse([f.what for f in arts])
    both = np.array([bool(f.main) for f in arts], bool)
    both = both[x] & both[y]
    main = np.array([field.ids.get(f.main, -1) for f in arts], np.int64)
    named = (field.find(y, main[x]) >= 0) | (field.find(x, main[y]) >= 0)
    what = np.where(both, field.shared(x, y, product=True), 0.0)
    return what, (both & ~named).astype(np.float64)


def _acts(arts: Sequence[Features], x: Any, y: Any) -> Any:
    """`score._acts_apart` per pair: a set test, in Python (most articles hold a few keys)."""
    import numpy as np

    acts = [f.acts for f in arts]
    return np.fromiter((1.0 if acts[a] and acts[b] and acts[a].isdisjoint(acts[b]) else 0.0
                        for a, b in zip(x.tolist(), y.tolist(), strict=True)), np.float64, len(x))


def _kinds(arts: Sequence[Features], x: Any, y: Any) -> Any:
    """`what.kind_apart` per pair: both headlines name a kind of event, none the same."""
    import numpy as np

    kinds = np.array([f.kinds for f in arts], np.int64)
    kx, ky = kinds[x], kinds[y]
    return ((kx != 0) & (ky != 0) & ((kx & ky) == 0)).astype(np.float64)


def _leads(arts: Sequence[Features], x: Any, y: Any) -> tuple[Any, Any]:
    """Same protagonist (1.0), and `score._clash`: different protagonists, neither in the
    other's headline."""
    import numpy as np

    heads = _Sparse([dict.fromkeys(f.heads, 0.0) for f in arts], (f.lead for f in arts))
    lead = np.array([heads.ids[f.lead] if f.lead else -1 for f in arts], np.int64)
    has = np.array([bool(f.lead) and bool(f.heads) for f in arts], bool)
    same = (lead[x] >= 0) & (lead[x] == lead[y])
    met = has[x] & has[y] & ~same
    clash = met & (heads.find(y, lead[x]) < 0) & (heads.find(x, lead[y]) < 0)
    return same.astype(np.float64), clash.astype(np.float64)


def _dups(arts: Sequence[Features], x: Any, y: Any, cross: Any) -> list[float] | None:
    """`text.jaccard` of the two MinHash signatures per pair (0.0 across scripts); None when
    a signature is not of the usual length (then each kept pair computes its own)."""
    import numpy as np

    width = len(arts[0].sig)
    if not width or any(len(f.sig) != width for f in arts):
        return None
    sig = np.array([f.sig for f in arts], np.uint64).reshape(len(arts), width)
    same = (sig[x] == sig[y]).sum(axis=1)
    return np.where(cross == 0, same / width, 0.0).tolist()  # type: ignore[no-any-return]


class _Names(dict[str, str]):
    """Display names looked up once per job: the same few places and people name most of a
    job's reasons."""

    def __missing__(self, key: str) -> str:
        self[key] = found = display_name(key)
        return found


def _kept(feats: Mapping[int, Features], pairs: Sequence[tuple[int, int]], model: Model,
          dots: list[float], days: list[float], text: list[float],
          dups: list[float] | None) -> list[LinkRow]:
    """The rows of the pairs at or above link_min, with their reasons (as `link` gives them).
    Most kept pairs of a cold run share one name or none and one event type or none: those
    take a short way to the same words (`_reasons`); a third of a scoring job was here."""
    rows: list[LinkRow] = []
    sigmoid, floor, name = model._sigmoid, model.link_min, _Names().__getitem__
    for n, (a, b) in enumerate(pairs):
        if days[n] > WINDOW_DAYS:
            if kept := link(feats[a], feats[b], model):
                rows.append((a, b, *kept))
            continue
        total = round(sigmoid(dots[n]), 6)
        if total < floor:
            continue
        fx, fy = feats[a], feats[b]
        dup = jaccard(fx.sig, fy.sig) if dups is None and fx.script == fy.script else (
            0.0 if dups is None else dups[n])
        rows.append((a, b, total, *_reasons(fx, fy, dup, days[n], text[n], name)))
    return rows


def _reasons(x: Features, y: Features, dup: float, days: float, text: float,
             name: Callable[[str], str]) -> tuple[str, bool]:
    """`score.why(*score._shared(...))` of a kept pair, the same words built straight: one
    shared name or none (19 pairs in 20 of a cold run) is its own order, two event types are
    ordered by one comparison; only more take `_explain_order` and `what.shared`."""
    xa, ya, xp, yp = x.actors, y.actors, x.places, y.places
    shared_a = xa.keys() & ya.keys() if xa and ya else ()
    shared_p = xp.keys() & yp.keys() if xp and yp else ()
    count = len(shared_a) + len(shared_p)
    out = []
    if count > 1:
        names: dict[str, None] = {}  # the first four distinct names, as `_why` takes them
        for key in _explain_order(
                {**{f"a:{k}": min(xa[k], ya[k]) for k in sorted(shared_a)},
                 **{f"p:{k}": min(xp[k], yp[k]) for k in sorted(shared_p)}}, {x.lead, y.lead}):
            names[name(key)] = None
            if len(names) == 4:
                break
        out.append(", ".join(names))
    elif count:
        out.append(name(f"a:{next(iter(shared_a))}" if shared_a else f"p:{next(iter(shared_p))}"))
    named = x.shown & y.shown
    if len(named) == 1:
        out.append("both: " + LEXICON[next(iter(named))][0])
    elif len(named) == 2:  # `what.shared`'s order: the greater minimum first, ties by key
        (k1, k2), xw, yw = named, x.what, y.what
        if (-min(xw[k2], yw[k2]), k2) < (-min(xw[k1], yw[k1]), k1):
            k1, k2 = k2, k1
        out.append(f"both: {LEXICON[k1][0]}, {LEXICON[k2][0]}")
    elif named:
        out.append("both: " + ", ".join(shared(x.what, y.what, named)))
    out.append(_apart(days))
    if dup >= SAME_COPY:
        out.append(f"same copy {dup:.2f}")
    elif text >= TEXT_SAID:
        out.append(f"text {text:.2f}")
    return "; ".join(out), bool(count or named) or dup >= SAME_COPY or text >= TEXT_SAID
