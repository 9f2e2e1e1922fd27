"""A scoring job's kept rows and their reasons, worded per distinct reason, not per pair.

Nine pairs in ten of a cold run reach link_min, and wording each in Python (`_reasons`, a
call per pair) was two fifths of a scoring job. Most kept pairs share one name or none, their
first two event types are one of a few hundred ordered pairs, and their time apart one of a
few dozen phrases: each part is coded as an integer per pair and each distinct code worded
once (the copy or text figure too, `figures`); only the names of a pair that shares two or
more (one in twenty) are ordered in Python. The probabilities are `score.link`'s to the bit
(`probabilities`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from tui.core.linking.features import Features
from tui.core.linking.lexicon import LEXICON
from tui.core.linking.names import display_name, place_kind
from tui.core.linking.score import (
    SAME_COPY,
    TEXT_SAID,
    WINDOW_DAYS,
    Model,
    link,
    time_apart,
)
from tui.core.linking.sparse import Coded, Shared, Sparse
from tui.core.linking.what import MIN_SHOWN, shared

LinkRow = tuple[int, int, float, str, int]  # as index.LinkRow
TYPES = sorted(LEXICON)  # event types as bits of a mask, in key order
_HOURS = 20  # `time_apart` says hours below this many, days from it
_DAYS = _HOURS + 1  # apart codes: 0 same hour, 1.._HOURS hours, _DAYS + n n days
_APART = _DAYS + math.ceil(WINDOW_DAYS) + 1  # how many apart codes there are
_WHAT = 1 + len(TYPES) + len(TYPES) ** 2  # and event-type codes (`_what_codes`)


class _Names(dict[str, str]):
    """Display names looked up once per job: the same few places and people name most of a
    job's reasons."""

    def __missing__(self, key: str) -> str:
        self[key] = found = display_name(key)
        return found


class Met:
    """What each pair of a job shares: how many actors and places, one of each (a key rank
    of the job's `Coded`, which words it), and the articles' event types (`Sparse`)."""

    def __init__(self, actors: tuple[Any, ...], places: tuple[Any, ...], what: Sparse,
                 coded: Coded) -> None:
        self.actors, self.actor, *every_a = actors
        self.places, self.place, *every_p = places
        # every actor and place each pair shares (`Sparse.meet_all`), where given
        self.every: tuple[Shared, Shared] | None = (every_a[0], every_p[0]) \
            if every_a and every_p else None
        self.what, self.coded = what, coded


def probabilities(model: Model, dot: Any) -> Any:
    """`score._total` of each dot product, to the bit: the logistic in numpy (whose exp may
    differ from `math.exp` in the last place or two) and rounded to six places as `round`
    rounds, which only a value within a hair of a half millionth could tell apart: those
    take `Model._sigmoid` and `round` themselves."""
    import numpy as np

    z = model.bias + dot
    e = np.exp(-np.abs(z))
    scaled = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)) * 1e6
    totals = np.rint(scaled) / 1e6  # a correctly rounded k / 10**6, as `round` gives
    for n in np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-4).tolist():
        totals[n] = round(model._sigmoid(float(dot[n])), 6)
    return totals


def apart_codes(days: Any) -> Any:
    """`score.time_apart`'s phrase as a code per pair (`_apart_words` words it): Python's and
    numpy's rounding both take halves to even."""
    import numpy as np

    hours = days * 24
    return np.where(hours < 1, 0, np.where(hours < _HOURS, np.rint(hours),
                                           _DAYS + np.maximum(1, np.rint(days)))).astype(np.int64)


def _apart_words(code: int) -> str:
    if code == 0:
        return "same hour"
    if code < _DAYS:
        return f"{code} h apart"
    whole = code - _DAYS
    return f"{whole} day{'s' if whole > 1 else ''} apart"


def figures(values: Any) -> Any:
    """`f"{v:.2f}"` of each value, each distinct figure formatted once: the hundredths by
    numpy's rounding (halves to even, as Python's), and by Python's own where v * 100 is
    within a hair of a half (where the product's rounding could tip it)."""
    import numpy as np

    scaled = values * 100
    distinct, which = np.unique(np.rint(scaled), return_inverse=True)
    out = np.array([f"{k / 100:.2f}" for k in distinct.tolist()], object)[which]
    for n in np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6).tolist():
        out[n] = f"{values[n]:.2f}"
    return out


def kept_rows(arts: Sequence[Features], ids: Any, x: Any, y: Any, model: Model, dot: Any,
              days: Any, text: Any, dup: Any, met: Met) -> list[LinkRow]:
    """The rows (ids[x], ids[y], probability, reasons, says) of the pairs at or above
    link_min, in pair order: what `link` gives pair by pair. Pairs more than WINDOW_DAYS
    apart go through `link` itself."""
    import numpy as np

    totals = probabilities(model, dot)
    near = days <= WINDOW_DAYS
    kept = np.flatnonzero(near & (totals >= model.link_min))
    kx, ky, kdays, ktext, kdup = x[kept], y[kept], days[kept], text[kept], dup[kept]
    names = met.actors[kept] + met.places[kept]
    mask, weight, odd = _types(met.what, met.coded, len(arts))
    both = mask[kx] & mask[ky]
    general = odd[kx] | odd[ky]  # the general way: `_reasons`
    name = _Names().__getitem__
    first = _one_name(met, kept, (names == 1) & ~general, name)
    many = np.flatnonzero((names > 1) & ~general)  # two names or more
    if met.every is None:
        first[many] = [_many_names(arts[a], arts[b], name) + "; "
                       for a, b in zip(kx[many].tolist(), ky[many].tolist(), strict=True)]
    else:
        first[many] = _ranked_names(arts, met, kept[many], kx[many], ky[many], name)
    rest = _what_codes(both, weight[kx], weight[ky]) * _APART + apart_codes(kdays)
    distinct, which = np.unique(rest, return_inverse=True)
    copy = kdup >= SAME_COPY
    said = ~copy & (ktext >= TEXT_SAID)
    tails = np.full(len(kept), "", object)
    tails[copy] = "; same copy " + figures(kdup[copy])
    tails[said] = "; text " + figures(ktext[said])
    rest_words = np.array([_words(c) for c in distinct.tolist()], object)
    whys = (first + rest_words[which] + tails).tolist()
    says = ((names > 0) | (both != 0) | copy | said).astype(np.int64).tolist()  # 1/0: `why`
    for n in np.flatnonzero(general).tolist():
        whys[n], says[n] = _reasons(arts[kx[n]], arts[ky[n]], float(kdup[n]), float(kdays[n]),
                                    float(ktext[n]), name)
    out = list(zip(ids[kx].tolist(), ids[ky].tolist(), totals[kept].tolist(), whys, says,
                   strict=True))
    far = np.flatnonzero(~near).tolist()
    if not far:
        return out
    placed = list(zip(kept.tolist(), out, strict=True))
    for n in far:
        if found := link(arts[x[n]], arts[y[n]], model):
            placed.append((n, (int(ids[x[n]]), int(ids[y[n]]), *found)))
    placed.sort(key=lambda item: item[0])
    return [row for _n, row in placed]


def _types(what: Sparse, coded: Coded, count: int) -> tuple[Any, Any, Any]:
    """Each article's shown event types (`what.shown`: weighed MIN_SHOWN or more) as a bit
    mask, their weights (a column per type), and whether it shows a type this lexicon does
    not know (its pairs go the general way)."""
    import numpy as np

    index = np.full(what.width, -1, np.int64)  # key rank -> type
    for n, k in enumerate(TYPES):
        if (rank := coded.key(k)) >= 0:
            index[rank] = n
    kind, rows = index[what.keys], what.rows
    shown = what.values >= MIN_SHOWN
    ok = shown & (kind >= 0)
    odd = np.zeros(count, bool)
    odd[rows[shown & (kind < 0)]] = True
    mask = np.bincount(rows[ok], (1 << kind[ok]).astype(np.float64), count).astype(np.int64)
    weight = np.zeros((count, len(TYPES)), np.float64)
    weight[rows[ok], kind[ok]] = what.values[ok]
    return mask, weight, odd


def _one_name(met: Met, kept: Any, one: Any, name: Callable[[str], str]) -> Any:
    """Per kept pair, the one name it shares and "; " ("" where it shares none or more),
    each display name looked up once."""
    import numpy as np

    at = kept[one]
    width = len(met.coded.rank) + 1  # places' ranks after actors'
    key = np.where(met.actors[at] == 1, met.actor[at], width + met.place[at])
    distinct, which = np.unique(key, return_inverse=True)
    word = met.coded.word
    words = np.array(["", *(name(f"a:{word(k)}" if k < width else f"p:{word(k - width)}")
                            + "; " for k in distinct.tolist())], object)
    named = np.zeros(len(kept), np.int64)
    named[one] = which + 1
    return words[named]


def _what_codes(both: Any, wx: Any, wy: Any) -> Any:
    """Per pair, the (first two) event types both show as a code: 0 none, 1 + t one, and
    1 + T + first * T + second for more, the greater minimum weight first, ties by key
    (`what.shared`'s order)."""
    import numpy as np

    count = len(TYPES)
    types = np.bitwise_count(both)
    first = np.frexp((both & -both).astype(np.float64))[1] - 1  # the lowest bit's place
    codes = np.where(types == 1, 1 + first, 0)
    many = np.flatnonzero(types > 1)
    if len(many):
        bits = (both[many, None] >> np.arange(count)) & 1 == 1
        least = np.where(bits, np.minimum(wx[many], wy[many]), -np.inf)
        top = np.argsort(-least, axis=1, kind="stable")[:, :2]  # ties: by key, as sorted
        codes[many] = 1 + count + top[:, 0] * count + top[:, 1]
    return codes


def _words(code: int) -> str:
    """A code's event types and time apart, worded."""
    count = len(TYPES)
    what, apart = divmod(code, _APART)
    out = []
    if what > count:
        lead, then = divmod(what - 1 - count, count)
        out.append(f"both: {LEXICON[TYPES[lead]][0]}, {LEXICON[TYPES[then]][0]}")
    elif what:
        out.append("both: " + LEXICON[TYPES[what - 1]][0])
    out.append(_apart_words(apart))
    return "; ".join(out)


def _reasons(x: Features, y: Features, dup: float, days: float, text: float,
             name: Callable[[str], str]) -> tuple[str, int]:
    """`score.why(*score._shared(...))` of a kept pair, for those that show an event type
    the lexicon does not know."""
    xa, ya, xp, yp = x.actors, y.actors, x.places, y.places
    shared_a = xa.keys() & ya.keys() if xa and ya else ()
    shared_p = xp.keys() & yp.keys() if xp and yp else ()
    count = len(shared_a) + len(shared_p)
    out = []
    if count > 1:
        out.append(_many_names(x, y, name))
    elif count:
        out.append(name(f"a:{next(iter(shared_a))}" if shared_a else f"p:{next(iter(shared_p))}"))
    named = x.shown & y.shown
    if named:
        out.append("both: " + ", ".join(shared(x.what, y.what, named)))
    out.append(time_apart(days))
    if dup >= SAME_COPY:
        out.append(f"same copy {dup:.2f}")
    elif text >= TEXT_SAID:
        out.append(f"text {text:.2f}")
    return "; ".join(out), int(bool(count or named) or dup >= SAME_COPY or text >= TEXT_SAID)


def _ranked_names(arts: Sequence[Features], met: Met, pairs: Any, px: Any, py: Any,
                  name: Callable[[str], str]) -> list[str]:
    """`_many_names` + "; " of each of `pairs` (and their articles' rows), from every key
    they share (`Met.every`) ranked in numpy by `score.explain_order`'s sort key (a pair's
    protagonists first, then the greater least weight, then the key: actors' "a:" before
    places' "p:", each in key order, which is rank order); each distinct ranking worded
    once. Ranking each pair's names in Python was a sixth of a scoring job."""
    import numpy as np

    assert met.every is not None
    coded = met.coded
    width = len(coded.rank) + 1  # a place's code: width + its rank
    local = np.full(len(met.actors), -1, np.int64)
    local[pairs] = np.arange(len(pairs))
    leads = [f.lead for f in arts]
    columns = []
    for kind, each in enumerate(met.every):  # actors (0), then places (1)
        mark = "ap"[kind] + ":"
        lead = np.where([lead[:2] == mark for lead in leads],  # its protagonist's rank, or -1
                        coded.ranks_of(lead[2:] for lead in leads), -1)
        at = local[each.pair]
        keep = at >= 0
        at, rank = at[keep], each.rank[keep]
        mine = (lead[px[at]] == rank) | (lead[py[at]] == rank)
        columns.append((at, ~mine, -each.least[keep], np.full(len(at), kind), rank))
    at, notlead, weight, prefix, rank = (np.concatenate(c) for c in zip(*columns, strict=True))
    order = np.lexsort((rank, prefix, weight, notlead, at))
    codes = (rank + prefix * width)[order].tolist()
    ends = np.cumsum(np.bincount(at, minlength=len(pairs))).tolist()
    word, done = coded.word, dict[tuple[int, ...], str]()
    out, lo = [], 0
    for hi in ends:
        ranked = tuple(codes[lo:hi])
        lo = hi
        said = done.get(ranked)
        if said is None:
            said = done[ranked] = _ordered_names(
                ["a:" + word(c) if c < width else "p:" + word(c - width) for c in ranked],
                name) + "; "
        out.append(said)
    return out


def _many_names(x: Features, y: Features, name: Callable[[str], str]) -> str:
    """The names of a pair that shares two or more: `score.explain_order`'s first four
    distinct, as `_why` takes them. Its order made here from plain tuples sorted in C, and
    only as far as four names go (one pair in two of a cold run comes here; building the
    weights' dict and sorting it with a key function was a fifth of a scoring job)."""
    xa, ya, xp, yp = x.actors, y.actors, x.places, y.places
    leads = (x.lead, y.lead)
    ranked: list[tuple[bool, float, str]] = []  # explain_order's sort key, whole
    for prefix, mine, theirs in (("a:", xa, ya), ("p:", xp, yp)):
        if mine and theirs:
            for k in mine.keys() & theirs.keys():
                key, a, b = prefix + k, mine[k], theirs[k]
                ranked.append((key not in leads, -min(a, b), key))
    ranked.sort()
    return _ordered_names([key for _l, _w, key in ranked], name)


def _ordered_names(ranked: list[str], name: Callable[[str], str]) -> str:
    """The first four distinct names of shared keys ranked by `explain_order`'s sort key:
    its head (three actors, the first place not a country), then the rest."""
    head = [key for key in ranked if key[0] == "a"][:3]
    for key in ranked:
        if key[0] == "p" and place_kind(key[2:]) != "country":
            head.append(key)
            break
    names: dict[str, None] = {}
    for key in (*head, *(key for key in ranked if key not in head)):
        names[name(key)] = None
        if len(names) == 4:
            break
    return ", ".join(names)
