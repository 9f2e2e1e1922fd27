"""A fresh part's errors with the shipped weights: every intrusion and every same-event article
missing from a scored article's first five, with the pair's reasons.

    python bench/related_fresh_errors.py l m [--json out.json]

The cache is `related_eval.py --set fresh`'s (the whole development set linked with the shipped
weights; lists as shown, with the shipped support weight), so the errors are the ones behind its
figures. For each scored article: an intrusion is another event's article within the first
min(5, same-event count) items, a miss a same-event article outside the first five. Each line
gives both articles (slug, language, genre), the rank, the pair's probability, whether the item
sits in the article's story, the hours apart, the stored reasons of a listed item (or, for one
not listed, the reasons the scorer would give), and the parts that pushed the pair's score most
either way (weight x value), so a miss can be read as "too far apart", "no shared names" or
"its language's words never met".
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.related_data import Cache, build_cache, devset_halves, load_devset
from bench.related_eval import shipped_support


def _pushes(weights: dict[str, float], values: dict[str, float], n: int = 3) -> str:
    """The n parts that raised the pair's score most and the n that lowered it most."""
    lift = {k: w * values.get(k, 0.0) for k, w in weights.items()}
    up = sorted((k for k in lift if lift[k] > 0.05), key=lambda k: -lift[k])[:n]
    down = sorted((k for k in lift if lift[k] < -0.05), key=lambda k: lift[k])[:n]
    return (
        " ".join(f"+{k}{lift[k]:.1f}" for k in up)
        + " | "
        + " ".join(f"{k}{lift[k]:.1f}" for k in down)
    )


def fresh_cache(folder: Path) -> Cache:
    """The whole development set in one cache, linked with the shipped weights."""
    return build_cache(folder, load_devset(devset_halves()))


def fresh_errors(cache: Cache, halves: list[str]) -> list[dict[str, object]]:
    """Every intrusion, miss and lonely link of the named parts' articles in `cache`."""
    from tui.core.linking import index
    from tui.core.linking.score import default_model, parts, reasons, score
    from tui.core.related_items import shown
    from tui.core.store import coverage

    scored_slugs = {a.slug for a in load_devset(halves)}
    gold, model, support = cache.gold, default_model(), shipped_support()
    members: dict[str, set[int]] = {}
    for aid, a in gold.items():
        members.setdefault(a.truth, set()).add(aid)
    feats = index.features(cache.conn, sorted(gold))
    weights = dict(model.weights)
    rows: list[dict[str, object]] = []

    def row(
        kind: str, aid: int, other: int, rank: int | None, p: float, why: str, in_story: bool
    ) -> dict[str, object]:
        a, o = gold[aid], gold[other]
        values = parts(feats[aid], feats[other])
        return {
            "kind": kind,
            "slug": a.slug,
            "lang": a.lang,
            "genre": a.genre,
            "other": o.slug,
            "other_lang": o.lang,
            "other_genre": o.genre,
            "other_event": o.event,
            "near_miss": o.event in a.near_miss,
            "rank": rank,
            "p": round(p, 4),
            "in_story": in_story,
            "reasons": why,
            "hours": round((o.published - a.published).total_seconds() / 3600, 1),
            "pushes": _pushes(weights, values),
            "title": a.title,
            "other_title": o.title,
        }

    for aid in sorted(aid for aid, a in gold.items() if a.slug in scored_slugs):
        same = members[gold[aid].truth] - {aid}
        got = coverage.related(cache.conn, aid, 10, shown, support)
        ids = [r.id for r in got]
        if not same:
            rows += [
                row("lonely", aid, r.id, i, r.score, r.reasons, r.in_story)
                for i, r in enumerate(got)
            ]
            continue
        want = min(5, len(same))
        rows += [
            row("intrusion", aid, r.id, i, r.score, r.reasons, r.in_story)
            for i, r in enumerate(got[:want])
            if r.id not in same
        ]
        for other in sorted(same - set(ids[:5])):
            if other in ids:
                r = got[ids.index(other)]
                rows.append(
                    row("miss", aid, other, ids.index(other), r.score, r.reasons, r.in_story)
                )
            else:
                s = score(feats[aid], feats[other], model)
                rows.append(row("miss", aid, other, None, s.total, reasons(s), False))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("halves", nargs="+", help="the fresh parts scored")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache = fresh_cache(Path(tmp))
        rows = fresh_errors(cache, args.halves)
        cache.close()
    for r in rows:
        rank = "-" if r["rank"] is None else f"#{r['rank']}"
        print(
            f"{r['kind']:9} {rank:>3} {r['slug']} ({r['lang']},{r['genre']}) -> {r['other']} "
            f"({r['other_lang']},{r['other_genre']}) p={r['p']} story={int(bool(r['in_story']))} "
            f"nm={int(bool(r['near_miss']))} dh={r['hours']}\n"
            f"      {str(r['title'])[:90]}\n   -> {str(r['other_title'])[:90]}\n"
            f"      {r['reasons']}\n      {r['pushes']}"
        )
    kinds = {k: sum(1 for r in rows if r["kind"] == k) for k in ("intrusion", "miss", "lonely")}
    print(", ".join(f"{n} {k}" for k, n in kinds.items()))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
