"""What a related list shows: precision by probability, and the lists' figures as shown.

    python bench/related_shown.py                  # fitted parts (related_data.FITTED_PARTS)
    python bench/related_shown.py --halves a b c d e f --seeds 7 8 9

Out of sample as bench/related_variants.py (per fold the score is fitted on the other folds'
events, links kept as the store keeps them, stories made, lists ordered story first). Then:

- **precision by bin**: of the items a list holds (its first ten, as `related` shows), the
  share from the article's own event, by the pair's probability, apart for items whose reasons
  name something both share (an actor, a place, an event type) and items that name nothing;
- **display rules**: P@1, R@5, intrusions and lonely items (beside a standalone piece) of the
  lists with the items a rule hides left out, as `related` would show them.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench import related_variants as rv
from bench import story_order as so
from bench.related_metrics import Figures, evaluate

BINS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.01)
Item = tuple[int, float, bool, bool]  # other id, probability, names something shared, in story
Shown = Callable[[float, bool, bool], bool]  # (probability, named, in story) -> shown?


def lists(bench: rv.Bench, seed: int, folds: int) -> dict[int, list[Item]]:
    """Each article's list (its first ten, story first, before any is hidden) scored in the
    fold holding its event out."""
    from tui.core.linking.fit import fit_model
    from tui.core.linking.index import STORY_LINK_MIN, TOP_LINKS
    from tui.core.linking.score import PARTS

    names = sorted(set(bench.truth.values()), key=lambda n: hashlib.sha1(n.encode()).hexdigest())
    which = {n: i % folds for i, n in enumerate(names)}
    truth = bench.truth
    out: dict[int, list[Item]] = {}
    for k in range(folds):
        train = [p for p in [*bench.table, *bench.extra[seed]]
                 if which[truth[p.a]] != k and which[truth[p.b]] != k]
        model = fit_model([p.parts for p in train], [p.same for p in train], name="hybrid",
                          parts=PARTS)
        links: dict[int, list[tuple[int, float]]] = {}
        for p in bench.table:
            prob = round(model.probability(p.parts), 6)
            if prob >= model.link_min:
                links.setdefault(p.a, []).append((p.b, prob))
                links.setdefault(p.b, []).append((p.a, prob))
        links = {a: sorted(r, key=lambda x: -x[1])[:TOP_LINKS] for a, r in links.items()}
        strong = [(a, b, p) for a, r in links.items() for b, p in r if p >= STORY_LINK_MIN]
        trained = [a for a in truth if which[truth[a]] != k]
        best: tuple[float, dict[int, int]] | None = None
        for t in ev.STORY_GRID:
            story = so.as_map(rv.shipped_stories(bench.published, strong, t))
            f1 = evaluate(truth, lambda _a: [], story, trained).summary()["b3_f1"]
            if best is None or f1 > best[0] + 1e-9:
                best = (f1, story)
        assert best is not None
        story = best[1]
        related = so.ordered(links, bench.meta, story, so.story_first)  # nothing hidden
        for a in (a for a in truth if which[truth[a]] == k):
            probs = dict(links.get(a, []))
            mine = story.get(a)
            out[a] = [(b, probs[b], bench.named[(min(a, b), max(a, b))],
                       mine is not None and story.get(b) == mine) for b in related(a)]
    return out


def precision_by_bin(bench: rv.Bench, got: dict[int, list[Item]]) -> None:
    print(f"  {'p from':>7} {'named: n':>9} {'prec':>6} {'nothing: n':>11} {'prec':>6}")
    for lo, hi in pairwise(BINS):
        cells = []
        for want in (True, False):
            hits = [bench.truth[a] == bench.truth[b] for a, items in got.items()
                    for b, p, named, _s in items if lo <= p < hi and named == want]
            cells.append(f"{len(hits):>9} {sum(hits) / len(hits) if hits else 0:6.3f}")
        print(f"  {lo:7.2f} {cells[0]} {cells[1]:>18}")


def as_shown(bench: rv.Bench, got: dict[int, list[Item]], shown: Shown) -> dict[str, float]:
    lists_shown = {a: [b for b, p, named, s in items if shown(p, named, s)]
                   for a, items in got.items()}
    figures: Figures = evaluate(bench.truth, lambda a: lists_shown.get(a, []), {}, sorted(got))
    return figures.summary()


RULES: dict[str, Shown] = {
    "all kept links (now)": lambda p, n, s: True,
    "p >= 0.03": lambda p, n, s: p >= 0.03,
    "p >= 0.05": lambda p, n, s: p >= 0.05,
    "p >= 0.1": lambda p, n, s: p >= 0.1,
    "names something": lambda p, n, s: n,
    "names something or p >= 0.1": lambda p, n, s: n or p >= 0.1,
    "names something or p >= 0.2": lambda p, n, s: n or p >= 0.2,
    "names something or in story": lambda p, n, s: n or s,
    "p >= 0.05 or in story": lambda p, n, s: p >= 0.05 or s,
    "named and p >= 0.03": lambda p, n, s: n and p >= 0.03,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--halves", nargs="+", default=None)
    parser.add_argument("--seeds", nargs="+", type=int, default=[7])
    parser.add_argument("--folds", type=int, default=ev.FOLDS)
    args = parser.parse_args()
    from bench.related_data import FITTED_PARTS

    halves = tuple(args.halves or FITTED_PARTS)
    bench = rv.load(args.seeds, halves)
    print(f"parts {''.join(halves)}: {len(bench.truth)} articles, {args.folds} folds by event")
    runs = []
    for seed in args.seeds:
        got = lists(bench, seed, args.folds)
        runs.append(got)
        print(f"seed {seed}: precision of listed items by probability")
        precision_by_bin(bench, got)
    for name, rule in RULES.items():
        figs = [as_shown(bench, got, rule) for got in runs]
        mean = {k: sum(f[k] for f in figs) / len(figs) for k in figs[0]}
        items = sum(sum(1 for b, p, n, s in its if rule(p, n, s)) for got in runs
                    for its in got.values()) / len(runs)
        print(f"  {name:<30} P@1 {mean['p@1']:.3f}  R@5 {mean['r@5']:.3f}  "
              f"intrusions {mean['intrusions']:.1f}  lonely {mean['lonely_links']:.1f}  "
              f"items {items:.0f}")


if __name__ == "__main__":
    main()
