"""Issue 15, round 39 probe: an item ranked by its links to the article's closest neighbours
(not only to the article), and stories split at a time gap, on story_fit's in-memory folds.

    python bench/near_probe.py --only base near3 split3 so2_1 tier3 [--seeds 7 8 9] [--folds 5]

"near K": within each tier, rank_value plus a weight (chosen per fold on the training
articles' intrusions, after the support weight) times the item's mean link to the article's
K closest linked articles (the item itself left out). "split D": a story whose members, in
time order, have a gap of more than D days is cut there (before the story parameters are
chosen on the training B3-F1). "so2_A": each strong link times (its two rows' weighted
Jaccard / p) ** A before the stories are made. "tier D": stories as shipped, only the lists'
story tier cut at gaps of more than D days (what ships, D = 3: related_rank.STORY_GAP_DAYS);
"tier0" is main; "mute D": tier D with cores made of links that give a reason (round 54).
Figures: tests/data/related_eval.md, round 39.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench import story_fit as sf
from bench import story_order as so
from bench.related_metrics import evaluate

NEAR_GRID = (0.0, 1.0, 2.0, 4.0, 8.0)
_supported = so.supported
_stories_at = sf.stories_at


def near_rule(links: so.Links, weight: float, k: int, v: float) -> so.Rule:
    base = _supported(links, weight)
    if not v:
        return base
    lk = {a: dict(r) for a, r in links.items()}
    top: dict[int, list[int]] = {}

    def closest(a: int) -> list[int]:
        if a not in top:
            rows = sorted(sorted(lk.get(a, {}).items()), key=lambda r: -r[1])
            top[a] = [c for c, _p in rows[:k + 1]]
        return top[a]

    def rule(a: int, b: int, p: float, same: bool) -> float:
        near = [c for c in closest(a) if c != b][:k]
        mine = lk.get(b, {})
        value = sum(mine.get(c, 0.0) for c in near) / len(near) if near else 0.0
        return base(a, b, p, same) + v * value
    return rule


def split_at(gap_days: float) -> sf.Callable:  # type: ignore[name-defined]
    def stories_at(published: Mapping[int, float], strong: list[tuple[int, int, float]],
                   points: Sequence[dict[str, float]]) -> list[dict[int, int]]:
        return [so.story_runs(published, story, gap_days)
                for story in _stories_at(published, strong, points)]
    return stories_at


def second_order(strong: list[tuple[int, int, float]], alpha: float
                 ) -> list[tuple[int, int, float]]:
    """Each strong link's probability times (its rows' weighted Jaccard / p) ** alpha: the
    rows hold the article itself at 1, so a lone pair keeps p, and a pair whose other links
    go to different articles (two adjacent events in one dense group) loses."""
    rows: dict[int, dict[int, float]] = {}
    for a, b, p in strong:
        rows.setdefault(a, {a: 1.0})[b] = max(p, rows.get(a, {}).get(b, 0.0))
        rows.setdefault(b, {b: 1.0})[a] = max(p, rows.get(b, {}).get(a, 0.0))
    out = []
    for a, b, p in strong:
        x, y = rows[a], rows[b]
        keys = x.keys() | y.keys()
        top = sum(min(x.get(k, 0.0), y.get(k, 0.0)) for k in keys)
        bottom = sum(max(x.get(k, 0.0), y.get(k, 0.0)) for k in keys)
        r = top / bottom if bottom else 0.0
        out.append((a, b, p * min(1.0, r / p) ** alpha if p > 0 else p))
    return out


def so2(alpha: float) -> sf.Callable:  # type: ignore[name-defined]
    def stories_at(published: Mapping[int, float], strong: list[tuple[int, int, float]],
                   points: Sequence[dict[str, float]]) -> list[dict[int, int]]:
        return _stories_at(published, second_order(strong, alpha), points)
    return stories_at


def muted(bench: sf.rv.Bench) -> sf.Callable:  # type: ignore[name-defined]
    """Stories whose cores leave out the links that say only the time apart (`bench.named`:
    listed apart, so across scripts counts as a reason here), as index.recluster makes them
    from the stored says_why (round 54)."""
    from tui.core.linking.story_links import Arrays

    def stories_at(published: Mapping[int, float], strong: list[tuple[int, int, float]],
                   points: Sequence[dict[str, float]]) -> list[dict[int, int]]:
        why = [int(bench.named.get((min(a, b), max(a, b)), True)) for a, b, _p in strong]
        links = Arrays([r[0] for r in strong], [r[1] for r in strong], [r[2] for r in strong],
                       why)
        return _stories_at(published, links, points)  # type: ignore[arg-type]
    return stories_at


def relative(listed: so.Links, story: Mapping[int, int], share: float, floor: float
             ) -> so.Links:
    """The lists' bar relative to the article's best link: an item outside the article's
    story whose link is below `floor` and below `share` times the list's best is not shown."""
    out = {}
    for a, rows in listed.items():
        top = max((p for _b, p in rows), default=0.0)
        mine = story.get(a)
        out[a] = [(b, p) for b, p in rows if p >= floor or p >= share * top
                  or (mine is not None and story.get(b) == mine)]
    return out


def run_tier(bench: sf.rv.Bench, seed: int, folds: int, gap: float,
             mute: bool = False, bar: tuple[float, float] | None = None) -> sf.Figures:
    """story_fit.run with the lists' story tier cut at time gaps (stories, B3, as shipped);
    `mute`: the cores made of links that give a reason (`muted`)."""
    from tui.core.linking.fit import fit_model

    grid = sf.VARIANTS["join_min lower"]
    which = ev.deal(bench.truth.values(), folds)
    truth = bench.truth
    points = sf.settings(grid)
    pooled = sf.Figures()
    for k in range(folds):
        train = ev.training([*bench.table, *bench.extra[seed]], which, truth, k)
        model = fit_model([p.parts for p in train], [p.same for p in train], name="hybrid")
        links, strong = sf.rv.kept_links(bench, model)
        trained = [a for a in truth if which[truth[a]] != k]
        maps = (muted(bench) if mute else _stories_at)(bench.published, strong, points)
        pick = sf.best_story(maps, truth, trained)
        story = maps[pick]
        tier = so.story_runs(bench.published, story, gap) if gap else story
        scored = [a for a in truth if which[truth[a]] == k]
        listed = sf.rv.as_listed(links, story, bench.named)
        if bar is not None:
            listed = relative(listed, story, *bar)
        w = _choose(links, listed, bench.meta, tier, truth, trained)
        related = so.ordered(listed, bench.meta, tier, _supported(links, w))
        got = evaluate(truth, related, story, scored)
        pooled.add(got)
    return pooled


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="+", default=["base"])
    parser.add_argument("--seeds", nargs="+", type=int, default=[7, 8, 9])
    parser.add_argument("--folds", type=int, default=ev.FOLDS)
    args = parser.parse_args()
    bench = sf.rv.load(seeds=args.seeds)
    keys = ("p@1", "r@5", "intrusions", "lonely_links", "b3_f1")
    grid = sf.VARIANTS["join_min lower"]
    for name in args.only:
        sf.stories_at = _stories_at
        so.supported = _supported
        if name.startswith("split"):
            sf.stories_at = split_at(float(name[5:]))
        if name.startswith("so2_"):
            sf.stories_at = so2(float(name[4:]))
        if name.startswith("near"):
            k = int(name[4:])
            chosen: list[float] = []

            def supported(links: so.Links, w: float, k: int = k) -> so.Rule:
                return near_rule(links, w, k, getattr(supported, "v", 0.0))

            def choose(links: so.Links, listed: so.Links, meta: Mapping[int, tuple[str, str]],
                       story: Mapping[int, int], truth: Mapping[int, str],
                       trained: Sequence[int], k: int = k, chosen: list[float] = chosen
                    ) -> float:
                supported.v = 0.0  # type: ignore[attr-defined]
                w = _choose(links, listed, meta, story, truth, trained)
                best = None
                for v in NEAR_GRID:
                    got = evaluate(truth, so.ordered(listed, meta, story,
                                                     near_rule(links, w, k, v)),
                                   story, trained).intrusions
                    if best is None or got < best[0]:
                        best = (got, v)
                assert best is not None
                supported.v = best[1]  # type: ignore[attr-defined]
                chosen.append(best[1])
                return w
            so.supported = supported
            so.choose_support = choose
        else:
            so.choose_support = _choose
        if name.startswith(("tier", "mute")):  # "mute3": tier3 with `muted` stories
            runs = [run_tier(bench, s, args.folds, float(name[4:]), name.startswith("mute"))
                    .summary() for s in args.seeds]
        elif name.startswith("rel"):  # "rel0.1_0.05": tier3, the bar relative to the best
            share, floor = map(float, name[3:].split("_"))
            runs = [run_tier(bench, s, args.folds, 3.0, bar=(share, floor)).summary()
                    for s in args.seeds]
        else:
            runs = [sf.run(bench, grid, s, args.folds)[0].summary() for s in args.seeds]
        mean = {key: sum(g[key] for g in runs) / len(runs) for key in keys}
        print(f"{name:<8} folds {args.folds} P@1 {mean['p@1']:.4f}  R@5 {mean['r@5']:.4f}  "
              f"intrusions {mean['intrusions']:.1f} ({' / '.join(str(g['intrusions']) for g in runs)})  "
              f"lonely {mean['lonely_links']:.1f}  B3-F1 {mean['b3_f1']:.4f}"
              + (f"  v {chosen}" if name.startswith("near") else ""), flush=True)


_choose = so.choose_support

if __name__ == "__main__":
    main()
