"""The stories' precision errors out of sample, by the step that made them (round 49).

    python bench/story_errors.py [--seeds 7 8 9] [--folds 5] [--cache /tmp/folds.pkl] [--list]
    python bench/story_errors.py --cache /tmp/folds.pkl --bursts off 24:0.6 18:0.6 24:0.7

On near_probe tier3's folds (story_fit.shipped_folds: the pair score fitted per fold without
the fold's events, the story parameters chosen on the training events' B3-F1), every scored
article's story members from another event, each put down to the step that joined them:

- **core**: both were in one core made by average linkage (the merge, read from the core's
  events: which event pair met there);
- **join**: one of them reached the story through the join step (it was in no core, or in a
  core of its own event, and its best core on average was the other's); with the average it
  joined at, the second-best core's and the margin;
- **span**: the events' hours apart.

B3 precision lost (per scored article, 1 - precision) is shared among the wrong members by
their class. `--cache` keeps each fold's links (the slow part: a fit per fold) so the story
rules can be probed in seconds: `--bursts HOURS:CONTRAST ...` scores the cores' rule for two
groups of two or more (stories.APART_HOURS, CONTRAST; "off": neither, main before round 49)
with the story parameters chosen per fold as shipped: B3 P / R / F1, the seeds' mean.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench import story_fit as sf


@dataclass
class FoldLinks:
    """One fold's links as the store keeps them, and who is scored and trained."""

    seed: int
    fold: int
    links: dict[int, list[tuple[int, float]]]
    strong: list[tuple[int, int, float]]
    scored: list[int]
    trained: list[int]


def fold_links(bench: sf.rv.Bench, seeds: Sequence[int], folds: int) -> list[FoldLinks]:
    """Each seed's and fold's links (the pair score fitted without the fold's events)."""
    from tui.core.linking.fit import fit_model

    out = []
    which = ev.deal(bench.truth.values(), folds)
    truth = bench.truth
    for seed in seeds:
        for k in range(folds):
            train = ev.training([*bench.table, *bench.extra[seed]], which, truth, k)
            model = fit_model([p.parts for p in train], [p.same for p in train], name="hybrid")
            links, strong = sf.rv.kept_links(bench, model)
            out.append(
                FoldLinks(
                    seed,
                    k,
                    links,
                    strong,
                    [a for a in truth if which[truth[a]] == k],
                    [a for a in truth if which[truth[a]] != k],
                )
            )
    return out


def load(
    path: Path | None, seeds: Sequence[int], folds: int
) -> tuple[sf.rv.Bench, list[FoldLinks]]:
    """The bench and its folds' links, from `path` when it holds them."""
    if path is not None and path.exists():
        with path.open("rb") as f:
            bench, rows = pickle.load(f)
        return bench, [FoldLinks(**r) for r in rows]
    bench = sf.rv.load(seeds=seeds)
    made = (bench, fold_links(bench, seeds, folds))
    if path is not None:
        with path.open("wb") as f:
            pickle.dump((made[0], [vars(fl) for fl in made[1]]), f)  # by value: run as a script
    return made


def chosen(
    bench: sf.rv.Bench, fl: FoldLinks, **rule: Any
) -> tuple[dict[str, float], dict[int, int]]:
    """The story parameters the fold chooses on its training events, and the stories
    (`rule`: stories.cores' apart_hours and contrast, else as shipped)."""
    from tui.core.linking import stories

    points = sf.settings(sf.VARIANTS["join_min lower"])
    made: dict[float, tuple[dict[int, dict[int, float]], dict[int, list[int]]]] = {}
    maps = []
    for s in points:
        t = s["story_min"]
        if t not in made:
            made[t] = stories.cores(bench.published, fl.strong, t, **rule)
        given, cores = made[t]
        maps.append(sf.so.as_map(stories.join(bench.published, given, cores, s["join_min"])))
    pick = sf.best_story(maps, bench.truth, fl.trained)
    return points[pick], maps[pick]


def bursts(bench: sf.rv.Bench, fls: Sequence[FoldLinks], spec: str) -> None:
    """One `--bursts` row: B3 out of sample under the cores' rule `spec`."""
    from bench.related_metrics import Figures, evaluate

    rule: dict[str, Any] = {"apart_hours": None, "contrast": 0.0}
    if spec != "off":
        hours, contrast = spec.split(":")
        rule = {"apart_hours": float(hours) if hours else None, "contrast": float(contrast)}
    so = sf.so
    per_seed: dict[int, Figures] = {}
    for fl in fls:  # the lists as near_probe tier3 makes them
        story = chosen(bench, fl, **rule)[1]
        tier = so.story_runs(bench.published, story, 3)
        listed = sf.rv.as_listed(fl.links, story, bench.named)
        w = so.choose_support(fl.links, listed, bench.meta, tier, bench.truth, fl.trained)
        related = so.ordered(listed, bench.meta, tier, so.supported(fl.links, w))
        per_seed.setdefault(fl.seed, Figures()).add(
            evaluate(bench.truth, related, story, fl.scored)
        )
    got = [f.summary() for f in per_seed.values()]
    mean = {
        k: sum(g[k] for g in got) / len(got)
        for k in ("p@1", "r@5", "intrusions", "b3_p", "b3_r", "b3_f1")
    }
    print(
        f"{spec:<10} P@1 {mean['p@1']:.4f} R@5 {mean['r@5']:.4f} intrusions "
        f"{mean['intrusions']:.1f}  B3 P {mean['b3_p']:.4f} R {mean['b3_r']:.4f} F1 "
        f"{mean['b3_f1']:.4f}  ({' / '.join(format(g['b3_f1'], '.4f') for g in got)})",
        flush=True,
    )


def classify(
    bench: sf.rv.Bench, fl: FoldLinks, point: Mapping[str, float], story: Mapping[int, int]
) -> list[dict[str, object]]:
    """Every (scored article, wrong member) of its story, with the step that joined them."""
    from tui.core.linking import stories

    truth, published = bench.truth, bench.published
    given, cores = stories.cores(
        published, fl.strong, point["story_min"], seed_top=int(point["seed_top"])
    )
    home = {a: g for g, m in cores.items() for a in m}
    members: dict[int, list[int]] = {}
    for a, s in story.items():
        members.setdefault(s, []).append(a)
    out: list[dict[str, object]] = []
    for a in fl.scored:
        if a not in story:
            continue
        mine = members[story[a]]
        wrong = [b for b in mine if truth[b] != truth[a]]
        for b in wrong:
            same_core = home.get(a) is not None and home.get(a) == home.get(b)
            joined = [x for x in (a, b) if not _stayed(x, home, story, members)]
            row: dict[str, object] = {
                "seed": fl.seed,
                "fold": fl.fold,
                "a": a,
                "b": b,
                "events": tuple(sorted((truth[a], truth[b]))),
                "cls": "core" if same_core else "join",
                "hours": abs(published[a] - published[b]) / 3600,
                "loss": 1 / len(mine),
            }
            if not same_core:
                x = joined[0] if joined else b
                row.update(_margin(x, given, cores, home))
            out.append(row)
    return out


def _stayed(
    a: int, home: Mapping[int, int], story: Mapping[int, int], members: Mapping[int, list[int]]
) -> bool:
    """Whether `a` sits in the story its own core became (a core member that stayed)."""
    g = home.get(a)
    return g is not None and g in members.get(story[a], [])


def _margin(
    x: int,
    given: Mapping[int, Mapping[int, float]],
    cores: Mapping[int, Sequence[int]],
    home: Mapping[int, int],
) -> dict[str, object]:
    """The join of `x`: its best and second-best core averages, and where it came from."""
    totals: dict[int, float] = {}
    for b, p in given.get(x, {}).items():
        g = home.get(b)
        if g is not None:
            totals[g] = totals.get(g, 0.0) + p
    mine = home.get(x)
    avgs = sorted((t / (len(cores[g]) - (g == mine)) for g, t in totals.items()), reverse=True)
    return {
        "joined": x,
        "from": "own core" if mine is not None else "alone",
        "best": avgs[0] if avgs else 0.0,
        "second": avgs[1] if len(avgs) > 1 else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", nargs="+", type=int, default=[7, 8, 9])
    parser.add_argument("--folds", type=int, default=ev.FOLDS)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--list", action="store_true", help="every wrong pair")
    parser.add_argument("--bursts", nargs="+", metavar="HOURS:CONTRAST")
    args = parser.parse_args()
    bench, fls = load(args.cache, args.seeds, args.folds)
    if args.bursts:
        for spec in args.bursts:
            bursts(bench, fls, spec)
        return
    rows: list[dict[str, object]] = []
    for fl in fls:
        point, story = chosen(bench, fl)
        got = classify(bench, fl, point, story)
        rows += got
        by = Counter(str(r["cls"]) for r in got)
        loss = sum(float(r["loss"]) for r in got)  # type: ignore[arg-type]
        print(
            f"seed {fl.seed} fold {fl.fold}: story_min {point['story_min']:g} join_min "
            f"{point['join_min']:g}; wrong pairs {len(got)} (core {by['core']}, join "
            f"{by['join']}); B3-P lost {loss:.2f} of {len(fl.scored)}"
        )
    total = sum(float(r["loss"]) for r in rows)  # type: ignore[arg-type]
    for cls in ("core", "join"):
        mine = [r for r in rows if r["cls"] == cls]
        lost = sum(float(r["loss"]) for r in mine)  # type: ignore[arg-type]
        print(f"\n{cls}: {len(mine)} pairs, B3-P lost {lost:.2f} ({lost / max(total, 1e-9):.0%})")
        hours = sorted(float(r["hours"]) for r in mine)  # type: ignore[arg-type]
        if hours:
            print(
                f"  hours apart: median {hours[len(hours) // 2]:.0f}, <=48 h "
                f"{sum(h <= 48 for h in hours)}, >72 h {sum(h > 72 for h in hours)}"
            )
        if cls == "join":
            came = Counter(str(r["from"]) for r in mine)
            narrow = sum(
                float(r["best"]) - float(r["second"]) < 0.05  # type: ignore[arg-type]
                for r in mine
            )
            print(f"  joined from: {dict(came)}; margin over the second core < 0.05: {narrow}")
        pairs = Counter(r["events"] for r in mine)
        for ev_pair, n in pairs.most_common(40):
            print(f"  {n:>3}  {' / '.join(ev_pair)}")  # type: ignore[arg-type]
    if args.list:
        for r in rows:
            print(r)


if __name__ == "__main__":
    main()
