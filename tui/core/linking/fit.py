"""Fit the link score's weights on the labelled development set and write `weights.json`.

    python -m tui.core.linking.fit          # from a checkout: refits, prints, rewrites the file

Pairs are the linker's own candidate pairs over the development set (tests/data/devset),
built the real way (bench/related_data.py); a pair is positive when both articles report the
same event. As many background pairs again (other events' articles moved into the same days:
bench/related_eval.background) stand for the unrelated coverage a live cache is full of. A
logistic regression over the named parts (score.PARTS) makes the score read as the
probability of the same event. Deterministic: the same set, code and gazetteer give the same
file. The thresholds are probabilities: a link is kept from LINK_MIN, and a story's core
holds articles whose average probability to each other is at least the story threshold (the
one of bench/related_eval.STORY_GRID with the best B3-F1 on the set; a link whose reasons are
the time apart alone counts in no core, so no threshold makes a story of it; stories.py: the other
articles then join the core they link best on average, from join_min, chosen with it from
JOIN_GRID). The out-of-sample
figures (folds by event) are recorded in the file and in tests/data/related_eval.md. Needs
the checkout (the set and bench/ are not installed).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from tui.core.fitted import WEIGHTS_FILE
from tui.core.linking.logistic import fit
from tui.core.linking.score import PARTS, Model

L2 = 0.1  # ridge on the weights (not the bias): parts are on 0-1 scales, pairs a few thousand
# Below, a link is noise in a related list. Links from here to index.STORY_LINK_MIN (0.05) are
# long shots at the tail of a list that make no story: out of sample R@5 0.943 -> 0.967 for
# 2 more intrusions; the real-news distractors stay unlinked.
LINK_MIN = 0.02
STORY_MIN = 0.5  # until chosen (fit.main picks it on the set)


def fit_model(rows: Sequence[Mapping[str, float]], labels: Sequence[int], *, name: str,
              parts: Sequence[str] = PARTS, l2: float = L2, link_min: float = LINK_MIN,
              story_min: float = STORY_MIN) -> Model:
    bias, weights = fit([[r.get(p, 0.0) for p in parts] for r in rows], labels, l2=l2)
    return Model(name, round(bias, 4), {p: round(w, 4) for p, w in zip(parts, weights,
                                                                        strict=True)},
                 link_min, story_min)


def _as_json(model: Model, info: Mapping[str, object]) -> dict[str, object]:
    return {"bias": model.bias, "weights": dict(model.weights), "link_min": model.link_min,
            "story_min": model.story_min, "join_min": model.join_min,
            "support": model.support, "info": dict(info)}


def main() -> None:
    root = Path(__file__).resolve().parents[3]
    if not (root / "bench" / "related_eval.py").exists():
        sys.exit("fit: run from a checkout (needs bench/ and tests/data/devset)")
    sys.path.insert(0, str(root))
    import tempfile

    from bench import related_eval as ev
    from bench.related_data import build_cache, load_devset
    from tui.core.actors.gazetteer import load_gazetteer
    from tui.core.linking import index
    from tui.core.store.write_turns import transaction

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        cache = build_cache(Path(tmp), load_devset())
        table = ev.pairs(cache)
        extra = ev.background(cache, table)
        print(f"{len(cache.gold)} articles, {len(table)} pairs, "
              f"{sum(p.same for p in table)} same-event, {len(extra)} background", flush=True)
        for name, fitter, parts in (("hybrid", ev.hybrid_fitter, PARTS),
                                    ("tfidf", ev.tfidf_fitter, ("text",))):
            print(name, flush=True)
            result = ev.cross_validate(cache, fitter, ev.FOLDS, table, extra=extra)
            summary = {k: round(v, 4) for k, v in result.pooled.summary().items()}
            print(f"  pooled: {summary}", flush=True)
            model = fit_model([p.parts for p in [*table, *extra]],
                              [p.same for p in [*table, *extra]], name=name, parts=parts)
            with transaction(cache.conn):
                index.relink(cache.conn, model)
            model = ev.choose_story_min(cache, model, sorted(cache.gold))  # type: ignore[assignment]
            model = ev.choose_support(cache, model, sorted(cache.gold))  # type: ignore[assignment]
            out[name] = _as_json(model, {
                "pairs": len(table), "same_event_pairs": sum(p.same for p in table),
                "background_pairs": len(extra),
                "articles": len(cache.gold), "gazetteer": load_gazetteer().content_hash[:12],
                "out_of_sample": summary, "seed_pair_top5": result.seed})
        cache.close()
    path = Path(__file__).with_name(WEIGHTS_FILE)
    path.write_text(json.dumps({"models": out}, indent=1, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
