"""Issue 15, round 48: the a-h + k intrusions out of sample, pair by pair, on the folds that
`near_probe.py --only tier3` and `sig_probe.py` score (story_fit.shipped_folds: fitted per fold
by event, stories and the lists' story tier as shipped, support chosen on the training folds).

    python bench/oos_intrusions.py [--seeds 7 8 9] [--folds 5] [--json out.json]

For every scored article, each other event's item within its first min(5, same-event count):
the fold, both slugs, events, languages and genres, headlines, hours apart, the pair's
probability, whether the intruder's event is a built-in near miss, and the three parts that
pushed the pair most (weight x value). The lines are what the round's classes are read from.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench import story_fit as sf
from bench import story_order as so
from bench.related_metrics import evaluate


def intrusions(
    bench: sf.rv.Bench, gold: dict[int, Any], seed: int, folds: int
) -> list[dict[str, object]]:
    from tui.core.linking.fit import fit_model
    from tui.core.linking.score import PARTS

    which = ev.deal(bench.truth.values(), folds)
    truth = bench.truth
    points = sf.settings(sf.VARIANTS["join_min lower"])
    members: dict[str, set[int]] = {}
    for aid, t in truth.items():
        members.setdefault(t, set()).add(aid)
    by_pair = {(p.a, p.b): p for p in bench.table}
    out: list[dict[str, object]] = []
    total = 0
    for k in range(folds):
        train = ev.training([*bench.table, *bench.extra[seed]], which, truth, k)
        model = fit_model(
            [p.parts for p in train], [p.same for p in train], name="hybrid", parts=PARTS
        )
        links, strong = sf.rv.kept_links(bench, model)
        trained = [a for a in truth if which[truth[a]] != k]
        maps = sf._SHIPPED_STORIES(bench.published, strong, points)
        story = maps[sf.best_story(maps, truth, trained)]
        tier = so.story_runs(bench.published, story)
        scored = [a for a in truth if which[truth[a]] == k]
        listed = sf.rv.as_listed(links, story, bench.named)
        w = so.choose_support(links, listed, bench.meta, tier, truth, trained)
        related = so.ordered(listed, bench.meta, tier, so.supported(links, w))
        total += evaluate(truth, related, story, scored).intrusions
        for aid in scored:
            same = members[truth[aid]] - {aid}
            if not same:
                continue
            got = related(aid)
            for rank, o in enumerate(got[: min(5, len(same))]):
                if o in same:
                    continue
                pair = by_pair[(min(aid, o), max(aid, o))]
                push = sorted(
                    (
                        (model.weights.get(n, 0.0) * v, n)
                        for n, v in pair.parts.items()
                        if n in model.weights
                    ),
                    reverse=True,
                )
                x, y = gold[aid], gold[o]
                out.append(
                    {
                        "seed": seed,
                        "fold": k,
                        "rank": rank,
                        "slug": x.slug,
                        "other": y.slug,
                        "event": x.event,
                        "other_event": y.event,
                        "lang": x.lang,
                        "other_lang": y.lang,
                        "genre": x.genre,
                        "other_genre": y.genre,
                        "title": x.title,
                        "other_title": y.title,
                        "hours": round((y.published - x.published).total_seconds() / 3600, 1),
                        "p": round(model.probability(pair.parts), 3),
                        "in_story": story.get(aid) is not None and story.get(aid) == story.get(o),
                        "near_miss": y.event in x.near_miss,
                        "push": [f"{n} {v:+.2f}" for v, n in push[:3]],
                    }
                )
    assert total == sum(1 for r in out if r["seed"] == seed), (total, len(out))
    return out


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", nargs="+", type=int, default=[7, 8, 9])
    parser.add_argument("--folds", type=int, default=ev.FOLDS)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    bench, gold = sf.rv.load_with(lambda conn, gold: gold, seeds=args.seeds)
    rows = [r for s in args.seeds for r in intrusions(bench, gold, s, args.folds)]
    for r in rows:
        print(
            f"s{r['seed']} f{r['fold']} #{r['rank']} {r['slug']} ({r['lang']},{r['genre']}) -> "
            f"{r['other']} ({r['other_lang']},{r['other_genre']}) p={r['p']} dh={r['hours']} "
            f"story={int(bool(r['in_story']))} nm={int(bool(r['near_miss']))} {r['push']}\n"
            f"      {str(r['title'])[:100]}\n   -> {str(r['other_title'])[:100]}"
        )
    for s in args.seeds:
        print(f"seed {s}: {sum(1 for r in rows if r['seed'] == s)} intrusions")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
