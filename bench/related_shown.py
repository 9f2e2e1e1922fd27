"""What a related list shows: precision by probability, and the lists' figures as shown.

    python bench/related_shown.py                  # fitted parts (related_data.FITTED_PARTS)
    python bench/related_shown.py --halves a b c d e f --seeds 7 8 9

Out of sample as bench/related_variants.py (per fold the score is fitted on the other folds'
events, links kept as the store keeps them, stories made, lists ordered story first). Then:

- **precision by bin**: of the items a list holds (its first ten, before any is hidden), the
  share from the article's own event, by the pair's probability, apart for items whose reasons
  say why (a shared actor, place or event type, or text in common: `Score.says_why`) or that
  join two scripts (`related_items.listed_apart`), and the rest: reasons that are the time
  apart alone;
- **display rules**: P@1, R@5, intrusions and lonely items (beside a standalone piece) of the
  lists with the items a rule hides left out, as `related` would show them.
"""

from __future__ import annotations

import argparse
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
# other id, probability, reasons say more than the time apart, in story, text similarity (-1
# for a pair in two scripts: no text to compare)
Item = tuple[int, float, bool, bool, float]
Shown = Callable[[float, bool, bool, float], bool]  # (p, says why, in story, text) -> shown?


def lists(bench: rv.Bench, seed: int, folds: int) -> dict[int, list[Item]]:
    """Each article's list (its first ten, story first, before any is hidden) scored in the
    fold holding its event out."""
    out: dict[int, list[Item]] = {}
    text = {(p.a, p.b): p.parts["text"] - p.parts["cross"] for p in bench.table}  # -1: scripts
    for fold in rv.folds_in_memory(bench, seed, folds):
        story = fold.story
        related = so.ordered(fold.links, bench.meta, story, so.story_first)  # nothing hidden
        for a in fold.scored:
            probs = dict(fold.links.get(a, []))
            mine = story.get(a)
            out[a] = [(b, probs[b], bench.named[(min(a, b), max(a, b))],
                       mine is not None and story.get(b) == mine, text[(min(a, b), max(a, b))])
                      for b in related(a)]
    return out


def precision_by_bin(bench: rv.Bench, got: dict[int, list[Item]]) -> None:
    print(f"  {'p from':>7} {'says why: n':>12} {'prec':>6} {'time only: n':>13} {'prec':>6} "
          f"{'of them across scripts':>20}")
    for lo, hi in pairwise(BINS):
        cells = []
        for want in (True, False):
            hits = [bench.truth[a] == bench.truth[b] for a, items in got.items()
                    for b, p, why, _s, _t in items if lo <= p < hi and why == want]
            cells.append(f"{len(hits):>12} {sum(hits) / len(hits) if hits else 0:6.3f}")
        across = [bench.truth[a] == bench.truth[b] for a, items in got.items()
                  for b, p, why, _s, t in items if lo <= p < hi and not why and t < 0]
        cells.append(f"{len(across):>12} {sum(across) / len(across) if across else 0:6.3f}")
        print(f"  {lo:7.2f} {cells[0]} {cells[1]:>20} {cells[2]:>20}")


def as_shown(bench: rv.Bench, got: dict[int, list[Item]], shown: Shown) -> dict[str, float]:
    lists_shown = {a: [b for b, p, why, s, t in items if shown(p, why, s, t)]
                   for a, items in got.items()}
    figures: Figures = evaluate(bench.truth, lambda a: lists_shown.get(a, []), {}, sorted(got))
    return figures.summary()


RULES: dict[str, Shown] = {
    "all kept links (before)": lambda p, w, s, t: True,
    "p >= 0.03": lambda p, w, s, t: p >= 0.03,
    "p >= 0.05": lambda p, w, s, t: p >= 0.05,
    "p >= 0.1": lambda p, w, s, t: p >= 0.1,
    "p >= 0.05 or in story": lambda p, w, s, t: p >= 0.05 or s,
    "says why or across scripts": lambda p, w, s, t: w,
    "... or in story (shipped)": lambda p, w, s, t: w or s,
    "... and p >= 0.03, or story": lambda p, w, s, t: (w and p >= 0.03) or s,
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
        items = sum(sum(1 for b, p, n, s, t in its if rule(p, n, s, t)) for got in runs
                    for its in got.values()) / len(runs)
        print(f"  {name:<30} P@1 {mean['p@1']:.3f}  R@5 {mean['r@5']:.3f}  "
              f"intrusions {mean['intrusions']:.1f}  lonely {mean['lonely_links']:.1f}  "
              f"items {items:.0f}")


if __name__ == "__main__":
    main()
