"""Variants of the linker scored out of sample in memory: three background seeds, other fold counts.

    python bench/related_variants.py          # the stories' seed rule: mutual top-2 vs any pair

A variant is extra pair parts (computed from a candidate pair; one named like a shipped part
replaces it, e.g. "what" read with another lexicon) and a story rule. The cache is
built once; per fold the score is fitted on the other folds' pairs (bench/related_eval.py), and
the links are kept as the store keeps them (from the model's link_min, each article's
index.TOP_LINKS best), stories made from them (story threshold chosen on the training events'
B3-F1) and lists ordered story first (bench/story_order.py). With no extra part and the shipped
story rule this gives bench/related_eval.py's figures to the last digit, in a few seconds a run
instead of half a minute: enough to score a variant over the background seeds 7-9 and over 3,
4, 7 and 10 folds, which a change must survive (a draw of background pairs alone moves
intrusions by 6; tests/data/related_eval.md).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench import story_order as so
from bench.related_data import build_cache, load_devset
from bench.related_metrics import Figures, evaluate, fmt

if TYPE_CHECKING:
    from tui.core.linking.score import Model

SEEDS = (7, 8, 9)
FOLD_COUNTS = (3, 4, 7, 10)
Stories = ev.StoryRule  # (published, links, story_min, join_min) -> stories
shipped_stories = None  # stories.cluster, as related_eval.best_stories makes it


@dataclass
class Variant:
    name: str
    parts: dict[str, Callable[[ev.Pair], float]] = field(default_factory=dict)
    stories: Stories | None = shipped_stories


@dataclass
class Bench:
    """The set's cache, read once: gold, candidate pairs, background pairs by seed."""

    truth: dict[int, str]
    part: dict[int, str]  # the set's part of each article ("a".."d")
    table: list[ev.Pair]
    extra: dict[int, list[ev.Pair]]
    published: dict[int, float]
    meta: dict[int, tuple[str, str]]
    # (a, b), a < b: whether the pair is listed outside its story (related_items.listed_apart);
    # a list shows
    # only those and its story's, as the store's lists do
    named: dict[tuple[int, int], bool] = field(default_factory=dict)


def named_pairs(conn: object, table: Sequence[ev.Pair]) -> dict[tuple[int, int], bool]:
    """Whether each pair's link, kept, would be listed outside its story
    (related_items.listed_apart: its reasons say why, or it joins two scripts; reasons do not
    depend on the weights)."""
    from dataclasses import replace

    from tui.core.linking import index
    from tui.core.linking.score import default_model, score
    from tui.core.related_items import listed_apart

    every = replace(default_model(), link_min=0.0)  # explained whatever its probability
    ids = sorted({p.a for p in table} | {p.b for p in table})
    feats = index.features(conn, ids)  # type: ignore[arg-type]
    return {(p.a, p.b): listed_apart(score(feats[p.a], feats[p.b], every).says_why,
                                     feats[p.a].script != feats[p.b].script) for p in table}


def as_listed(links: dict[int, list[tuple[int, float]]], story: Mapping[int, int],
              named: Mapping[tuple[int, int], bool]) -> dict[int, list[tuple[int, float]]]:
    """The links a list shows (related_items.shown): `named` ones, and the story's."""
    def keep(a: int, b: int) -> bool:
        return named.get((min(a, b), max(a, b)), True) or (
            story.get(a) is not None and story.get(a) == story.get(b))
    return {a: [(b, p) for b, p in r if keep(a, b)] for a, r in links.items()}


T = TypeVar("T")


def load(seeds: Sequence[int] = SEEDS, halves: Sequence[str] | None = None) -> Bench:
    return load_with(lambda conn, gold: None, seeds, halves)[0]


def load_with(more: Callable[[Any, dict[int, Any]], T], seeds: Sequence[int] = SEEDS,
                 halves: Sequence[str] | None = None) -> tuple[Bench, T]:
    """The bench, and what `more(conn, gold)` reads from the set's cache before it closes
    (the probes' texts, features, actor spans)."""
    with tempfile.TemporaryDirectory() as tmp:
        cache = build_cache(Path(tmp), load_devset(halves))
        table = ev.pairs(cache)
        extra = {s: ev.background(cache, table, seed=s) for s in seeds}
        conn = cache.conn
        meta = {a: (pub, key) for a, pub, key in conn.execute(
            "SELECT id, published, key FROM articles")}
        published = dict(conn.execute("SELECT article_id, published FROM link_features"))
        named = named_pairs(conn, table)
        gold = dict(cache.gold)
        read = more(conn, gold)
        cache.close()
    return Bench({a: g.truth for a, g in gold.items()}, {a: g.part for a, g in gold.items()},
                 table, extra, published, meta, named), read


Links = dict[int, list[tuple[int, float]]]


@dataclass
class Fold:
    """One fold held out: the links kept as the store keeps them (each article's TOP_LINKS
    best from the model's link_min, best first) and the stories made from them at the
    threshold best on the training events' B3-F1."""

    links: Links
    story: dict[int, int]
    scored: list[int]  # the fold's articles
    support: float = 0.0  # the lists' second-order weight, chosen on the training articles


def kept_links(bench: Bench, model: Model,
               row: Callable[[ev.Pair], Mapping[str, float]] = lambda p: p.parts
               ) -> tuple[Links, list[tuple[int, int, float]]]:
    """The dev-set table's links as the store keeps them under `model` (each article's
    TOP_LINKS best from link_min, best first), and those strong enough to make stories."""
    from tui.core.linking.index import STORY_LINK_MIN, TOP_LINKS

    links: Links = {}
    for p in bench.table:
        prob = round(model.probability(row(p)), 6)
        if prob >= model.link_min:
            links.setdefault(p.a, []).append((p.b, prob))
            links.setdefault(p.b, []).append((p.a, prob))
    links = {a: sorted(r, key=lambda x: -x[1])[:TOP_LINKS] for a, r in links.items()}
    strong = [(a, b, p) for a, r in links.items() for b, p in r if p >= STORY_LINK_MIN]
    return links, strong


def folds_in_memory(bench: Bench, seed: int, folds: int,
                    row: Callable[[ev.Pair], Mapping[str, float]] = lambda p: p.parts,
                    parts: Sequence[str] | None = None,
                    stories: Stories | None = shipped_stories) -> Iterator[Fold]:
    """Per fold by event, the score fitted on the other folds' pairs (table and background
    `seed`), as bench/related_eval.py folds the cache, in memory: `row` a pair's parts,
    `parts` the model's (PARTS), `stories` the rule that makes them."""
    from tui.core.linking.fit import fit_model
    from tui.core.linking.score import PARTS

    which = ev.deal(bench.truth.values(), folds)  # every dev-set article is labelled
    truth = bench.truth
    for k in range(folds):
        train = ev.training([*bench.table, *bench.extra[seed]], which, truth, k)
        model = fit_model([row(p) for p in train], [p.same for p in train], name="hybrid",
                          parts=parts or PARTS)
        links, strong = kept_links(bench, model, row)
        trained = [a for a in truth if which[truth[a]] != k]
        story = ev.best_stories(bench.published, strong, truth, trained, stories)[2]
        w = so.choose_support(links, as_listed(links, story, bench.named), bench.meta, story,
                              truth, trained)
        yield Fold(links, story, [a for a in truth if which[truth[a]] == k], w)


def score(bench: Bench, variant: Variant, seed: int = 7, folds: int = ev.FOLDS
          ) -> dict[str, Figures]:
    """Pooled figures ("all", and "ab" / "cd" / "ef" / "gh" for the set's parts) over the folds."""
    from tui.core.linking.score import PARTS

    parts = (*PARTS, *(n for n in variant.parts if n not in PARTS))  # a shipped name: replaced

    def row(p: ev.Pair) -> dict[str, float]:
        return {**p.parts, **{name: fn(p) for name, fn in variant.parts.items()}}

    out = {"all": Figures(), "ab": Figures(), "cd": Figures(), "ef": Figures(),
           "gh": Figures()}
    for fold in folds_in_memory(bench, seed, folds, row, parts, variant.stories):
        related = so.ordered(as_listed(fold.links, fold.story, bench.named), bench.meta,
                             fold.story, so.supported(fold.links, fold.support))
        for name, figures in out.items():
            mine = [a for a in fold.scored if name == "all" or bench.part[a] in name]
            figures.add(evaluate(bench.truth, related, fold.story, mine))
    return out


def report(bench: Bench, variant: Variant) -> None:
    """Seed 7 by part; the mean over the seeds; seed 7 with other fold counts."""
    runs = [score(bench, variant, s) for s in SEEDS]
    for name, figures in runs[0].items():
        print(f"{variant.name:<28} {name:<3} {fmt(figures.summary())}")
    for name in ("all", "ab"):
        got = [r[name].summary() for r in runs]
        mean = {k: sum(g[k] for g in got) / len(got) for k in got[0]}
        print(f"{'':<28} {name:<3} seeds {'/'.join(map(str, SEEDS))}: P@1 {mean['p@1']:.3f}  "
              f"R@5 {mean['r@5']:.3f}  intrusions {mean['intrusions']:.1f}  "
              f"lonely {mean['lonely_links']:.1f}  B3-F1 {mean['b3_f1']:.4f}")
    for n in FOLD_COUNTS:
        s = score(bench, variant, 7, n)["all"].summary()
        print(f"{'':<28} {n} folds: P@1 {s['p@1']:.3f}  intrusions {s['intrusions']:.0f}  "
              f"B3-F1 {s['b3_f1']:.3f}")


def main() -> None:
    from tui.core.linking import stories

    bench = load()
    report(bench, Variant("seeds from any pair",
                          stories=lambda p, links, t, j: stories.cluster(p, links, t, join_min=j,
                                                                         seed_top=0)))
    report(bench, Variant("mutual top-2 seeds (shipped)"))


if __name__ == "__main__":
    main()
