"""The related lists' errors, out of sample: every P@1 miss and every intrusion, with the pair.

    python bench/related_errors.py [--json out.json]

The folds of bench/related_eval.py (fitted on the other folds' events, stories chosen on them);
for each scored article whose first related item is from another event, or that has another
event's article where a same-event one belongs (the first min(5, same-event count) items), a
line per wrong item: its probability, whether it sits in the article's story, the best
same-event item's probability and rank, and both headlines. The lists are ordered as the
user sees them: with the fold's support weight, chosen on the training articles as the
cross-validation chooses it. Each intrusion gets the class of round 36b
(tests/data/related_eval.md): the group of parts that raises the intruder most over the
displaced article (the best-scored same-event one below the first min(5, n)), or the order
that put it first although its pair scores lower (story, support), or no displaced candidate.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench.related_data import build_cache, load_devset

GROUPS = {  # round 36b's classes: the parts that carry an intruder over the displaced article
    "names": ("actors", "mass", "places", "cross_ent", "cross_mass", "lead"),
    "time": ("days", "logdays", "evgap", "late", "undated"),
    "types": ("what_clash", "what"),
    "words": ("text",),
    "other parts": ("states", "focus", "clash", "cross", "repeat", "acts_apart", "kind_apart"),
}


def classify(model: object, mine: object, theirs: object, displaced: object,
             in_story: bool, displaced_in_story: bool) -> tuple[str, dict[str, float]]:
    """The intrusion's class: the order that lifted a lower pair (story, then support) or the
    group of parts with the largest weight x (intruder's part - displaced one's part)."""
    from tui.core.linking.score import parts

    if displaced is None:
        return "no candidate", {}
    a, b = parts(mine, theirs), parts(mine, displaced)  # type: ignore[arg-type]
    w = model.weights  # type: ignore[attr-defined]
    lift = {g: sum(w.get(n, 0.0) * (a[n] - b[n]) for n in names) for g, names in GROUPS.items()}
    if model.probability(a) < model.probability(b):  # type: ignore[attr-defined]
        return ("story order" if in_story and not displaced_in_story else "support order"), lift
    return max(lift, key=lambda g: lift[g]), lift


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--folds", type=int, default=ev.FOLDS)
    args = parser.parse_args()
    from tui.core.linking import index
    from tui.core.linking.score import WINDOW_DAYS, parts
    from tui.core.related_items import shown
    from tui.core.store import coverage
    from tui.core.store.write_turns import transaction

    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        cache = build_cache(Path(tmp), load_devset())
        table = ev.pairs(cache)
        extra = ev.background(cache, table)
        which = ev.fold_of(list(cache.gold.values()), args.folds)
        gold = cache.gold
        truth = {aid: a.truth for aid, a in gold.items()}
        members: dict[str, set[int]] = {}
        for aid, t in truth.items():
            members.setdefault(t, set()).add(aid)
        for k in range(args.folds):
            train = ev.training([*table, *extra], which, truth, k)
            model = ev.hybrid_fitter(train)
            with transaction(cache.conn):
                index.relink(cache.conn, model)  # type: ignore[arg-type]
            trained = [aid for aid in gold if which[truth[aid]] != k]
            model = ev.choose_story_min(cache, model, trained)
            model = ev.choose_support(cache, model, trained)
            support = model.support  # type: ignore[attr-defined]
            story = dict(cache.conn.execute("SELECT article_id, story_id FROM story_articles"))
            feats = index.features(cache.conn, sorted(gold))
            for aid in sorted(a for a in gold if which[truth[a]] == k):
                same = members[truth[aid]] - {aid}
                if not same:
                    continue
                got = coverage.related(cache.conn, aid, 10, shown, support)  # as shown
                want = min(5, len(same))
                wrong = [(i, r) for i, r in enumerate(got[:want]) if r.id not in same]
                if not wrong and got and got[0].id in same:
                    continue
                best = next(((i, r) for i, r in enumerate(got) if r.id in same), None)
                above = {r.id for r in got[:want]}
                prob = {o: model.probability(parts(feats[aid], feats[o]))  # type: ignore[attr-defined]
                        for o in same - above
                        if abs((gold[o].published - gold[aid].published).total_seconds())
                        <= WINDOW_DAYS * 86400}
                gone = max(prob, key=lambda o: (prob[o], -o), default=None)
                for i, r in wrong:
                    cls, lift = classify(
                        model, feats[aid], feats[r.id], feats[gone] if gone else None,
                        r.in_story, gone is not None and story.get(gone) == story.get(aid)
                        and aid in story)
                    rows.append({
                        "fold": k, "slug": gold[aid].slug, "event": gold[aid].event,
                        "lang": gold[aid].lang, "genre": gold[aid].genre,
                        "title": gold[aid].title, "rank": i, "p1_miss": i == 0,
                        "other": gold[r.id].slug, "other_event": gold[r.id].event,
                        "other_title": gold[r.id].title, "other_genre": gold[r.id].genre,
                        "near_miss": gold[r.id].event in gold[aid].near_miss,
                        "p": r.score, "in_story": r.in_story, "reasons": r.reasons,
                        "class": cls, "lift": {g: round(v, 2) for g, v in lift.items()},
                        "support_w": support, "shared": r.shared,
                        "displaced": gold[gone].slug if gone else None,
                        "displaced_p": round(prob[gone], 4) if gone else None,
                        "best_same_rank": best[0] if best else None,
                        "best_same_p": best[1].score if best else None,
                        "hours": round((gold[r.id].published - gold[aid].published)
                                       .total_seconds() / 3600, 1)})
        cache.close()
    for r in rows:
        print(f"[{r['fold']}] {'P1' if r['p1_miss'] else '  '} #{r['rank']} {r['slug']} "
              f"({r['genre']},{r['lang']}) -> {r['other']} ({r['other_genre']}) p={r['p']:.2f} "
              f"story={int(bool(r['in_story']))} nm={int(bool(r['near_miss']))} "
              f"dh={r['hours']} best_same=#{r['best_same_rank']} {r['best_same_p']} "
              f"[{r['class']}] displaced={r['displaced']} p={r['displaced_p']}\n"
              f"      {r['title'][:90]}\n   -> {r['other_title'][:90]}\n      {r['reasons']}")
    print(f"{sum(1 for r in rows if r['p1_miss'])} P@1 misses, {len(rows)} intrusions")
    classes: dict[str, int] = {}
    for r in rows:
        classes[str(r["class"])] = classes.get(str(r["class"]), 0) + 1
    print(", ".join(f"{c} {n}" for c, n in sorted(classes.items(), key=lambda x: -x[1])))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
