"""Issue 15 probe: a shared name weighed by its rarity among the same days' articles (a local
document frequency), a place contradiction, and `solo`, each an extra fitted part scored out
of sample in memory (bench/related_variants.py: a-h + k, 5 folds by event, seeds 7/8/9).

    python bench/burst_probe.py [--pickle /tmp/burst.pkl] [--only NAME ...] [--folds]

The local df of a name for a pair: the articles published within WINDOW days of either
article that carry it (the pair's own two included), out of all articles of those days. A
background pair's moved article stands in the days it was moved to (as it would in a live
cache), so its own name counts are added to the window's there.
"""

from __future__ import annotations

import argparse
import bisect
import math
import pickle
import random
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench import related_variants as rv

DAY = 86400.0


def _read(conn: object, gold: Mapping[int, object]) -> dict[int, object]:
    from tui.core.linking import index

    return index.features(conn, sorted(gold))  # type: ignore[arg-type]


def load(path: Path) -> tuple[rv.Bench, dict[int, object]]:
    if path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)  # type: ignore[no-any-return]
    got = rv.load_with(_read)
    with path.open("wb") as fh:
        pickle.dump(got, fh)
    return got


def shifts(bench: rv.Bench, feats: Mapping[int, object], seed: int) -> dict[int, float]:
    """The background pairs' moved publication time (ev.background's draw, replayed), by the
    id of the seed's Pair object."""
    keys = {a: set(f.index_keys()) for a, f in feats.items()}  # type: ignore[attr-defined]
    truth = bench.truth
    ids = sorted(feats)
    pool = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]
            if truth[a] != truth[b] and keys[a] & keys[b]
            and abs(feats[a].published - feats[b].published) > ev.APART_DAYS * 86400]  # type: ignore[attr-defined]
    rng = random.Random(seed)
    chosen = sorted(rng.sample(pool, min(len(pool), round(sum(1 - p.same
                                                              for p in bench.table)))))
    out = {}
    for (a, b), pair in zip(chosen, bench.extra[seed], strict=True):
        assert (pair.a, pair.b) == (a, b)
        shift = rng.uniform(0.0, 3.0)
        out[id(pair)] = feats[a].published + shift * 86400  # type: ignore[attr-defined]
    return out


class Local:
    """Names by article, and the articles sorted by time, to count a window's carriers."""

    def __init__(self, feats: Mapping[int, object], window: float) -> None:
        self.window = window * DAY
        self.names = {a: {f"a:{k}" for k in f.actors} | {f"p:{k}" for k in f.places}  # type: ignore[attr-defined]
                      for a, f in feats.items()}
        order = sorted(feats, key=lambda a: feats[a].published)  # type: ignore[attr-defined]
        self.times = [feats[a].published for a in order]  # type: ignore[attr-defined]
        self.order = order
        n = len(feats)
        self.gdf: dict[str, int] = {}
        for s in self.names.values():
            for k in s:
                self.gdf[k] = self.gdf.get(k, 0) + 1
        self.n = n

    def window_ids(self, t0: float, t1: float) -> list[int]:
        lo = bisect.bisect_left(self.times, t0 - self.window)
        hi = bisect.bisect_right(self.times, t1 + self.window)
        return self.order[lo:hi]


def build(bench: rv.Bench, feats: Mapping[int, object], window: float
          ) -> Callable[[int, int, float, float], tuple[int, dict[str, int]]]:
    loc = Local(feats, window)
    memo: dict[tuple[int, int, float], tuple[int, dict[str, int]]] = {}

    def local(a: int, b: int, ta: float, tb: float) -> tuple[int, dict[str, int]]:
        key = (a, b, tb)
        if key in memo:
            return memo[key]
        ids = set(loc.window_ids(min(ta, tb), max(ta, tb)))
        ids.add(a)
        ids.add(b)
        shared = loc.names[a] & loc.names[b]
        counts = {k: sum(1 for i in ids if k in loc.names[i]) for k in shared}
        memo[key] = (len(ids), counts)
        return memo[key]

    local.loc = loc  # type: ignore[attr-defined]
    return local


def lidf(df: int, n: int) -> float:
    return max(0.1, math.log((n + 1) / (df + 0.5)))


def variants(bench: rv.Bench, feats: Mapping[int, object], moved: Mapping[int, float],
             window: float) -> dict[str, rv.Variant]:
    from tui.core.linking.features import idf

    local = build(bench, feats, window)
    loc = local.loc  # type: ignore[attr-defined]

    def when(p: ev.Pair) -> tuple[float, float]:
        ta = feats[p.a].published  # type: ignore[attr-defined]
        tb = moved.get(id(p), feats[p.b].published)  # type: ignore[attr-defined]
        return ta, tb

    def shared_w(p: ev.Pair) -> dict[str, float]:
        x, y = feats[p.a], feats[p.b]
        w = {f"a:{k}": min(x.actors[k], y.actors[k]) for k in x.actors.keys() & y.actors.keys()}  # type: ignore[attr-defined]
        w.update({f"p:{k}": min(x.places[k], y.places[k]) for k in x.places.keys() & y.places.keys()})  # type: ignore[attr-defined]
        return w

    def lmass(p: ev.Pair) -> float:
        """The shared mass with each name's idf over the cache swapped for its local idf."""
        n, counts = local(p.a, p.b, *when(p))
        tot = 0.0
        for k, v in shared_w(p).items():
            tot += v * lidf(counts.get(k, 2), n) / idf(loc.gdf.get(k, 1), loc.n)
        return math.log1p(tot)

    def common(p: ev.Pair) -> float:
        """The share of the days' articles that carry the pair's most telling shared name
        (its heaviest); 0 when they share none."""
        w = shared_w(p)
        if not w:
            return 0.0
        n, counts = local(p.a, p.b, *when(p))
        k = max(w, key=lambda k: (w[k], k))
        return counts.get(k, 2) / n

    def common_all(p: ev.Pair) -> float:
        """The least share of the days' articles carrying a shared name: 1 when every name
        the pair shares is in every article of those days."""
        w = shared_w(p)
        if not w:
            return 0.0
        n, counts = local(p.a, p.b, *when(p))
        return min(counts.get(k, 2) for k in w) / n

    def burst_rare(p: ev.Pair) -> float:
        """The shared mass of names carried by at most 3 more of the days' articles."""
        _n, counts = local(p.a, p.b, *when(p))
        w = shared_w(p)
        return math.log1p(sum(v for k, v in w.items() if counts.get(k, 2) <= 5))

    def lead_places(f: object) -> set[str]:
        return {k[2:] for k in f.focus if k[:2] == "p:" and k[2:] in f.places}  # type: ignore[attr-defined]

    def place_apart(p: ev.Pair) -> float:
        x, y = feats[p.a], feats[p.b]
        lx, ly = lead_places(x), lead_places(y)
        return 1.0 if lx and ly and lx.isdisjoint(ly) else 0.0

    def place_apart_strict(p: ev.Pair) -> float:
        x, y = feats[p.a], feats[p.b]
        lx, ly = lead_places(x), lead_places(y)
        return 1.0 if (lx and ly and lx.isdisjoint(y.places)  # type: ignore[attr-defined]
                       and ly.isdisjoint(x.places)) else 0.0  # type: ignore[attr-defined]

    def head_places(f: object) -> set[str]:
        return {k[2:] for k in f.heads if k[:2] == "p:" and k[2:] in f.places}  # type: ignore[attr-defined]

    def head_apart(p: ev.Pair) -> float:
        x, y = feats[p.a], feats[p.b]
        hx, hy = head_places(x), head_places(y)
        return 1.0 if hx and hy and hx.isdisjoint(y.places) and hy.isdisjoint(x.places) else 0.0  # type: ignore[attr-defined]

    def solo(p: ev.Pair) -> float:
        return 1.0 if len(shared_w(p)) == 1 else 0.0

    return {
        "start": rv.Variant("start"),
        "lmass": rv.Variant("lmass", {"lmass": lmass}),
        "lmass_for_mass": rv.Variant("lmass as mass", {"mass": lmass}),
        "common": rv.Variant("common", {"common": common}),
        "common_all": rv.Variant("common_all", {"common_all": common_all}),
        "burst_rare": rv.Variant("burst_rare", {"burst_rare": burst_rare}),
        "place_apart": rv.Variant("place_apart", {"place_apart": place_apart}),
        "place_apart_strict": rv.Variant("place_apart_strict",
                                         {"place_apart_strict": place_apart_strict}),
        "head_apart": rv.Variant("head_apart", {"head_apart": head_apart}),
        "solo": rv.Variant("solo", {"solo": solo}),
        "solo_common": rv.Variant("solo + common", {"solo": solo, "common": common}),
        "solo_place_apart_strict": rv.Variant("solo + place_apart_strict", {
            "solo": solo, "place_apart_strict": place_apart_strict}),
    }


def mean3(bench: rv.Bench, variant: rv.Variant, folds: int = ev.FOLDS) -> dict[str, float]:
    got = [rv.score(bench, variant, s, folds)["all"].summary() for s in rv.SEEDS]
    return {k: sum(g[k] for g in got) / len(got) for k in got[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pickle", type=Path, default=Path("/tmp/linker15_bench.pkl"))
    parser.add_argument("--only", nargs="+")
    parser.add_argument("--window", type=float, default=3.0)
    parser.add_argument("--folds", action="store_true", help="seed 7 at 3, 4, 7, 10 folds too")
    args = parser.parse_args()
    bench, feats = load(args.pickle)
    # one draw per seed: the variants' parts for background pairs need the moved time
    moved: dict[int, float] = {}
    for s in rv.SEEDS:
        moved.update(shifts(bench, feats, s))
    vs = variants(bench, feats, moved, args.window)
    for name in args.only or vs:
        m = mean3(bench, vs[name])
        line = (f"{name:<20} P@1 {m['p@1']:.4f} R@5 {m['r@5']:.4f} intr {m['intrusions']:.1f} "
                f"lonely {m['lonely_links']:.1f} B3 P {m['b3_p']:.4f} R {m['b3_r']:.4f} "
                f"F1 {m['b3_f1']:.4f}")
        if args.folds:
            for n in rv.FOLD_COUNTS:
                s = rv.score(bench, vs[name], 7, n)["all"].summary()
                line += f" | {n}f {s['intrusions']:.0f}/{s['b3_f1']:.3f}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
