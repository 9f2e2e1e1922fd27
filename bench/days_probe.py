"""Round 50 probe: how coverage over days is weighed, on story_fit's in-memory folds.

    python bench/days_probe.py --only base lxmass lxev [--seeds 7 8 9] [--folds 5] [--part p]

As `time_probe.py` (extra parts computed from a pair's own parts, fitted per fold with the
rest; stories and the lists' tier as shipped), with one more row per variant: the figures of
one part's articles alone (`--part`, default p: long-running stories, day-1 reports beside
day-3 follow-ups and day-7 analysis). "lxmass": days past LATE_DAYS times the shared names'
mass (strong evidence keeps its odds over a week, weak evidence decays); "lxev": the same
times the actors' and places' weighted Jaccard; "gxmass": the leads' day gap times the mass;
"late7": a third bend, days past 7. Figures: tests/data/related_eval.md, round 50.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench import story_fit as sf
from bench import story_order as so
from bench.related_metrics import Figures, evaluate

Part = Callable[[Mapping[str, float]], float]


def _days(p: Mapping[str, float]) -> float:
    return p["days"] * 7  # score.py: min(days, WINDOW_DAYS) / 7


EXTRA: dict[str, dict[str, Part]] = {
    "base": {},
    "lxmass": {"lxmass": lambda p: p["late"] * p["mass"]},
    "lxmass3": {"lxmass3": lambda p: p["late"] * min(p["mass"], 3.0) / 3},
    "lxev": {"lxev": lambda p: p["late"] * (p["actors"] + p["places"])},
    "gxmass": {"gxmass": lambda p: p["evgap"] * p["mass"]},
    "lgxmass": {
        "lxmass": lambda p: p["late"] * p["mass"],
        "gxmass": lambda p: p["evgap"] * p["mass"],
    },
    "late7": {"late7": lambda p: max(0.0, _days(p) - 7) / 7},
    "late7lx": {
        "late7": lambda p: max(0.0, _days(p) - 7) / 7,
        "lxmass": lambda p: p["late"] * p["mass"],
    },
    "lxtext": {"lxtext": lambda p: p["late"] * p["text"]},
    "lxwhat": {"lxwhat": lambda p: p["late"] * p["what"]},
}


def folds_of(
    bench: object,
    seed: int,
    folds: int,
    extra: Mapping[str, Part],
    part: str,
    link_min: float | None = None,
) -> tuple[Figures, Figures]:
    """`story_fit.shipped_folds` with `extra` parts, pooled over every article and over
    `part`'s alone."""
    from tui.core.linking.fit import fit_model
    from tui.core.linking.score import PARTS

    names = (*PARTS, *(n for n in extra if n not in PARTS))
    rows: dict[int, dict[str, float]] = {}

    def row(p: ev.Pair) -> dict[str, float]:
        got = rows.get(id(p))
        if got is None:
            got = rows[id(p)] = {**p.parts, **{n: f(p.parts) for n, f in extra.items()}}
        return got

    b = bench  # an rv.Bench
    which = ev.deal(b.truth.values(), folds)  # type: ignore[attr-defined]
    truth = b.truth  # type: ignore[attr-defined]
    points = sf.settings(sf.VARIANTS["join_min lower"])
    pooled, mine = Figures(), Figures()
    for k in range(folds):
        train = ev.training([*b.table, *b.extra[seed]], which, truth, k)  # type: ignore[attr-defined]
        model = fit_model(
            [row(p) for p in train],
            [p.same for p in train],
            name="hybrid",
            parts=names,
            **({} if link_min is None else {"link_min": link_min}),
        )
        links, strong = sf.rv.kept_links(b, model, row)  # type: ignore[arg-type]
        trained = [a for a in truth if which[truth[a]] != k]
        maps = sf._SHIPPED_STORIES(b.published, strong, points)  # type: ignore[attr-defined]
        story = maps[sf.best_story(maps, truth, trained)]
        tier = so.story_runs(b.published, story)  # type: ignore[attr-defined]
        scored = [a for a in truth if which[truth[a]] == k]
        listed = sf.rv.as_listed(links, story, b.named)  # type: ignore[attr-defined]
        w = so.choose_support(links, listed, b.meta, tier, truth, trained)  # type: ignore[attr-defined]
        related = so.ordered(listed, b.meta, tier, so.supported(links, w))  # type: ignore[attr-defined]
        pooled.add(evaluate(truth, related, story, scored))
        mine.add(evaluate(truth, related, story, [a for a in scored if b.part[a] == part]))  # type: ignore[attr-defined]
    return pooled, mine


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="+", default=["base"], choices=sorted(EXTRA))
    parser.add_argument("--seeds", nargs="+", type=int, default=[7, 8, 9])
    parser.add_argument("--folds", type=int, default=ev.FOLDS)
    parser.add_argument("--part", default="p")
    parser.add_argument(
        "--link-min",
        nargs="+",
        type=float,
        default=[None],
        help="links kept from (default: fit.LINK_MIN)",
    )
    args = parser.parse_args()
    bench = sf.rv.load(seeds=args.seeds)
    for name in args.only:
        for lm in args.link_min:
            runs = [folds_of(bench, s, args.folds, EXTRA[name], args.part, lm) for s in args.seeds]
            label = name if lm is None else f"{name}@{lm:g}"
            sf.print_means(label, [r[0] for r in runs], args.folds, 14)
            sf.print_means(f"  {args.part}", [r[1] for r in runs], args.folds, 14)


if __name__ == "__main__":
    main()
