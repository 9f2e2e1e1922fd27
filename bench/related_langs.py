"""Out-of-sample figures by the article's language and by the pair's languages (a-h + k).

    python bench/related_langs.py [--seeds 7 8 9]

The folds of bench/related_eval.py in the store (5 folds by event, the score refitted per
fold and the cache relinked with it, background seeds 7-9; seed 7 is the fit's report),
each article scored as the store lists it. Per language: P@1,
R@5, intrusions, B3-F1 (the mean over the seeds). Per pair of languages: of the same-event
pairs (x, y), the share where y is in x's first five (recall across languages), and the
intrusions by the article's and the intruder's language. The weak spots of one language's
tokens or gazetteer names show as a low cross-language recall.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench.related_data import build_cache, load_devset
from bench.related_metrics import Figures, evaluate, fmt, related_ids, story_ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", nargs="+", type=int, default=[7, 8, 9])
    args = parser.parse_args()
    from tui.core.linking import index
    from tui.core.store.write_turns import transaction

    by_lang: dict[str, list[Figures]] = {}
    found: Counter[tuple[str, str]] = Counter()
    wanted: Counter[tuple[str, str]] = Counter()
    intr: Counter[tuple[str, str]] = Counter()
    allf = []
    with tempfile.TemporaryDirectory() as tmp:
        cache = build_cache(Path(tmp), load_devset())
        table = ev.pairs(cache)
        lang = {aid: g.lang for aid, g in cache.gold.items()}
        truth = {aid: g.truth for aid, g in cache.gold.items()}
        members: dict[str, set[int]] = {}
        for aid, t in truth.items():
            members.setdefault(t, set()).add(aid)
        which = ev.fold_of(list(cache.gold.values()))
        for s in args.seeds:
            extra = ev.background(cache, table, seed=s)
            per: dict[str, Figures] = {}
            total = Figures()
            for k in range(ev.FOLDS):
                model = ev.hybrid_fitter(ev.training([*table, *extra], which, truth, k))
                with transaction(cache.conn):
                    index.relink(cache.conn, model)  # type: ignore[arg-type]
                ev.choose_story_min(cache, model, [a for a in truth if which[truth[a]] != k])
                scored = [a for a in truth if which[truth[a]] == k]
                related, stories = related_ids(cache.conn), story_ids(cache.conn)
                total.add(evaluate(truth, related, stories, scored))
                for lg in sorted({lang[a] for a in scored}):
                    mine = [a for a in scored if lang[a] == lg]
                    per.setdefault(lg, Figures()).add(evaluate(truth, related, stories, mine))
                for a in scored:
                    same = members[truth[a]] - {a}
                    if not same:
                        continue
                    got = related(a)
                    for b in same:
                        wanted[lang[a], lang[b]] += 1
                        found[lang[a], lang[b]] += b in got[:5]
                    for o in got[:min(5, len(same))]:
                        if o not in same:
                            intr[lang[a], lang[o]] += 1
            allf.append(total.summary())
            print(f"seed {s}: {fmt(allf[-1])}", flush=True)
            for lg, f in per.items():
                by_lang.setdefault(lg, []).append(f)
        cache.close()
    n = len(args.seeds)

    def mean(rows: list[dict[str, float]], k: str) -> float:
        return sum(r[k] for r in rows) / len(rows)

    print(f"seeds {args.seeds}: all P@1 {mean(allf, 'p@1'):.3f} R@5 {mean(allf, 'r@5'):.3f} "
          f"intrusions {mean(allf, 'intrusions'):.1f} B3-F1 {mean(allf, 'b3_f1'):.4f}")
    for lg, fs in sorted(by_lang.items()):
        rows = [f.summary() for f in fs]
        print(f"  {lg} (n={rows[0]['articles']:.0f}): P@1 {mean(rows, 'p@1'):.3f} "
              f"R@5 {mean(rows, 'r@5'):.3f} intrusions {mean(rows, 'intrusions'):.1f} "
              f"B3-F1 {mean(rows, 'b3_f1'):.4f}")
    print("same-event pairs (article -> other): found in first five / pairs (per seed)")
    for key in sorted(wanted):
        print(f"  {key[0]}->{key[1]}: {found[key] / n:.1f}/{wanted[key] / n:.0f} "
              f"= {found[key] / wanted[key]:.3f}")
    print("intrusions by article -> intruder language (per seed)")
    for key, v in sorted(intr.items(), key=lambda kv: -kv[1]):
        print(f"  {key[0]}->{key[1]}: {v / n:.1f}")


if __name__ == "__main__":
    main()
