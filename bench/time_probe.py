"""Issue 15, round 40 probe: the shape of time in the link score, on story_fit's in-memory folds.

    python bench/time_probe.py --only base hinge1 hinge3 dxmass [--seeds 7 8 9] [--folds 5]

Each variant adds parts computed from a pair's own parts (so the background pairs, moved in
time, get them too), fitted per fold with the rest; stories and the lists' story tier
(cut at 3-day gaps) as shipped, as near_probe's "tier3". "hinge D": days past D (a learned
bend in the decay); "dxmass"/"dxtext"/"dxact": days x shared names / text / actors (strong
evidence keeps its odds over the days of analysis and reaction); "sameday": the leads speak
of one day. Figures: tests/data/related_eval.md, round 40.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench import story_fit as sf


def _days(p: Mapping[str, float]) -> float:
    return p["days"] * 7  # score.py: min(days, WINDOW_DAYS) / 7


EXTRA: dict[str, dict[str, Callable[[Mapping[str, float]], float]]] = {
    "base": {},
    "hinge1": {"hinge1": lambda p: max(0.0, _days(p) - 1) / 7},
    "hinge2": {"hinge2": lambda p: max(0.0, _days(p) - 2) / 7},
    "hinge3": {"hinge3": lambda p: max(0.0, _days(p) - 3) / 7},
    "hinge4": {"hinge4": lambda p: max(0.0, _days(p) - 4) / 7},
    "hinge5": {"hinge5": lambda p: max(0.0, _days(p) - 5) / 7},
    "hinge25": {"hinge25": lambda p: max(0.0, _days(p) - 2.5) / 7},
    "hinge05": {"hinge05": lambda p: max(0.0, _days(p) - 0.5) / 7},
    "dxmass": {"dxmass": lambda p: p["days"] * p["mass"]},
    "dxtext": {"dxtext": lambda p: p["days"] * p["text"]},
    "dxact": {"dxact": lambda p: p["days"] * p["actors"]},
    "lxmass": {"lxmass": lambda p: p["logdays"] * p["mass"]},
    "explain": {"explain": lambda p: max(0.0, _days(p) - p["evgap"] * 7) / 7},
    "dxsame": {"dxsame": lambda p: p["days"] * (p["evgap"] == 0)},
    "lxsame": {"lxsame": lambda p: p["logdays"] * (p["evgap"] == 0)},
    "nolate": {"late": lambda p: 0.0},  # main: one slope
    **{f"late{d:g}": {"late": lambda p, d=d: max(0.0, _days(p) - d) / 7}
       for d in (1.5, 2.0, 2.5, 3.5, 4.0, 5.0)},
    "sameday": {"sameday": lambda p: 1.0 if p["evgap"] == 0 else 0.0},
}


GENRE: dict[int, str] = {}  # the gold genre: an oracle, to bound what a detector could give
PUBLISHED: dict[int, float] = {}
BACK = ("analysis", "explainer", "feature", "oped", "reaction")


def _later_back(p: ev.Pair) -> bool:
    """The later article of the pair is a piece written back over the event (gold genre);
    a background pair's b was moved after a."""
    gap = PUBLISHED[p.b] - PUBLISHED[p.a]
    moved = abs(gap) > ev.APART_DAYS * 86400 and abs(gap) > 14 * 86400
    later = p.b if moved or gap >= 0 else p.a
    return GENRE.get(later, "") in BACK


def _any_back(p: ev.Pair) -> bool:
    return GENRE.get(p.a, "") in BACK or GENRE.get(p.b, "") in BACK


PAIRWISE = {"oback": lambda p: p.parts["days"] * _any_back(p),
            "oback_l": lambda p: p.parts["logdays"] * _any_back(p),
            "olater": lambda p: p.parts["days"] * _later_back(p)}
EXTRA.update({n: {n: f} for n, f in PAIRWISE.items()})


def pairwise(extra: Mapping[str, Callable]) -> dict[str, Callable[[ev.Pair], float]]:
    """Each extra part as a function of the pair (most read only its parts)."""
    return {n: (f if n in PAIRWISE else (lambda p, f=f: f(p.parts))) for n, f in extra.items()}


def main() -> None:
    args = sf.probe_args()
    bench, genre = sf.rv.load_with(
        lambda conn, gold: {a: g.genre for a, g in gold.items()}, seeds=args.seeds)
    GENRE.update(genre)
    PUBLISHED.update(bench.published)
    for name in args.only:
        runs = [sf.with_parts(bench, s, args.folds, pairwise(EXTRA[name])) for s in args.seeds]
        sf.print_means(name, runs, args.folds)


if __name__ == "__main__":
    main()
