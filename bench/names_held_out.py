"""Issue 15, round 53: the folds by event with each fold's own names held out of the gazetteer.

    python bench/names_held_out.py [--seeds 7 8 9] [--folds 5] [--plain]

The plain folds (near_probe.py tier3) share the gazetteer, which people extended while reading
every fitted part: a fold still knows each person its events name. A fresh part names people
nobody listed. Here every person or organisation of actors.toml whose mentions (in a cache of
the fitted parts matched with the whole gazetteer) all fall in one fold's events is dropped
from the gazetteer, in memory, and the set is matched and linked again: each fold meets its own
people as a fresh part does (found, if at all, by the unlisted names' recogniser); `--by part`: the names one part of
the set alone names (its writer's people, whom the gazetteer's editors read). An entry is
dropped for all folds at once: since only one fold's articles name it, a fold's scored articles
see what a per-fold strip would give them; the other folds' training pairs lose it too (a
slightly harder training set than the shipped fit's). Office holders and offices' states stay
(offices.toml must resolve). `--places`: the cities, regions, waters and named objects
(objects.toml) one group alone names are held out of the linker's place matcher too. Then near_probe's tier3 on both caches; `--plain` prints the plain
folds' figures too. Figures: tests/data/related_eval.md, round 53.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import near_probe as npb
from bench import related_eval as ev
from bench import story_fit as sf
from bench.related_metrics import Figures, evaluate

KEYS = ("p@1", "r@5", "intrusions", "lonely_links", "b3_f1")
DROPPED_KINDS = ("person", "org", "place")


def own_names(
    mentions: Mapping[int, set[str]],
    group: Mapping[int, object],
    kinds: Mapping[str, str],
    kept: set[str],
) -> dict[str, object]:
    """actor id -> the one group (a fold, or a part) whose articles alone name it (persons
    and organisations not in `kept`)."""
    seen: dict[str, set[object]] = {}
    for article, actors in mentions.items():
        if article not in group:
            continue
        for actor in actors:
            seen.setdefault(actor, set()).add(group[article])
    return {
        a: next(iter(f))
        for a, f in sorted(seen.items())
        if len(f) == 1 and kinds.get(a) in DROPPED_KINDS and a not in kept
    }


def without(text: str, dropped: set[str]) -> str:
    """actors.toml's text without the `[[actor]]` tables of `dropped` ids."""
    blocks = re.split(r"(?m)^(?=\[\[actor\]\]\s*$)", text)
    out = []
    for block in blocks:
        found = re.search(r'(?m)^id = "([^"]+)"', block)
        if block.startswith("[[actor]]") and found and found.group(1) in dropped:
            continue
        out.append(block)
    return "".join(out)


def office_actors() -> set[str]:
    from tui.core.actors import offices

    data = tomllib.loads(offices.BUNDLED.read_text(encoding="utf-8"))
    return {o["country"] for o in data["office"]} | {
        h["actor"] for o in data["office"] for h in o["holders"]
    }


def mentions_of(
    conn: object, gold: Mapping[int, object]
) -> tuple[dict[int, set[str]], dict[int, str]]:
    """Each article's listed actors, and each labelled article's language."""
    out: dict[int, set[str]] = {}
    for article, actor in conn.execute(  # type: ignore[attr-defined]
        "SELECT article_id, actor_id FROM actor_mentions"
    ):
        out.setdefault(article, set()).add(actor)
    for article, raw in conn.execute(  # type: ignore[attr-defined]
        "SELECT article_id, raw FROM link_features"
    ):  # the linker's places and objects
        out.setdefault(article, set()).update(f"p:{p}" for p in json.loads(raw)["p"])
    return out, {a: g.lang for a, g in gold.items()}  # type: ignore[attr-defined]


def hold_names_out(dropped: set[str]) -> None:
    """The bundled gazetteer without `dropped` (actor ids, and "p:" place or object ids), for
    everything this process matches next."""
    from tui.core.actors import analyzer, gazetteer
    from tui.core.linking import text as link_text

    text = without(gazetteer.BUNDLED.read_text(encoding="utf-8"), dropped)
    gazetteer.bundled_text = lambda: text
    gazetteer._in_use.clear()
    analyzer._recognizers.clear()
    places = {d[2:] for d in dropped if d.startswith("p:")}
    if places:
        kept_places = tuple(p for p in link_text.bundled_places() if p[0].id not in places)
        kept_objects = tuple(p for p in link_text.bundled_objects() if p[0].id not in places)
        link_text.bundled_places = lambda: kept_places  # type: ignore[assignment]
        link_text.bundled_objects = lambda: kept_objects  # type: ignore[assignment]
        link_text._matchers.clear()


def run_tier(
    bench: sf.rv.Bench, seed: int, folds: int, langs: Mapping[int, str], gap: float = 3.0
) -> dict[str, Figures]:
    """near_probe.run_tier, pooled ("all") and per language of the scored article."""
    from tui.core.linking.fit import fit_model

    grid = sf.VARIANTS["join_min lower"]
    which = ev.deal(bench.truth.values(), folds)
    truth = bench.truth
    points = sf.settings(grid)
    pooled: dict[str, Figures] = {}
    for k in range(folds):
        train = ev.training([*bench.table, *bench.extra[seed]], which, truth, k)
        model = fit_model([p.parts for p in train], [p.same for p in train], name="hybrid")
        links, strong = sf.rv.kept_links(bench, model)
        trained = [a for a in truth if which[truth[a]] != k]
        maps = npb._stories_at(bench.published, strong, points)
        story = maps[sf.best_story(maps, truth, trained)]
        tier = npb.so.story_runs(bench.published, story, gap) if gap else story
        scored = [a for a in truth if which[truth[a]] == k]
        listed = sf.rv.as_listed(links, story, bench.named)
        w = npb._choose(links, listed, bench.meta, tier, truth, trained)
        related = npb.so.ordered(listed, bench.meta, tier, npb._supported(links, w))
        for name in ("all", *sorted({langs.get(a, "") for a in scored})):
            mine = scored if name == "all" else [a for a in scored if langs.get(a) == name]
            pooled.setdefault(name, Figures()).add(evaluate(truth, related, story, mine))
    return pooled


def tier3(
    bench: sf.rv.Bench, seeds: Sequence[int], folds: int, langs: Mapping[int, str]
) -> dict[str, dict[str, object]]:
    runs = [run_tier(bench, s, folds, langs) for s in seeds]
    out: dict[str, dict[str, object]] = {}
    for name in runs[0]:
        each = [r[name].summary() for r in runs]
        mean: dict[str, object] = {key: sum(g[key] for g in each) / len(each) for key in KEYS}
        mean["each"] = " / ".join(str(g["intrusions"]) for g in each)
        mean["articles"] = each[0]["articles"]
        out[name] = mean
    return out


def report(name: str, got: Mapping[str, Mapping[str, object]]) -> None:
    print(line(name, got["all"]), flush=True)
    for lang, m in got.items():
        if lang != "all":
            print(line(f"  {lang} ({m['articles']})", m), flush=True)


def line(name: str, m: Mapping[str, object]) -> str:
    return (
        f"{name:<12} P@1 {m['p@1']:.4f}  R@5 {m['r@5']:.4f}  intrusions "
        f"{m['intrusions']:.1f} ({m['each']})  lonely {m['lonely_links']:.1f}  "
        f"B3-F1 {m['b3_f1']:.4f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", nargs="+", type=int, default=[7, 8, 9])
    parser.add_argument("--folds", type=int, default=ev.FOLDS)
    parser.add_argument("--plain", action="store_true", help="the plain folds' figures too")
    parser.add_argument(
        "--places",
        action="store_true",
        help="hold out the places and named objects one group alone names too",
    )
    parser.add_argument(
        "--by",
        choices=("fold", "part"),
        default="fold",
        help="drop the names one fold's events alone name (default), or one "
        "part of the set alone (every fold meets them unlisted)",
    )
    args = parser.parse_args()
    os.environ["NEWSDESK_PREBUILT_DIR"] = ""  # a held-out gazetteer is built, never loaded
    from tui.core.actors.gazetteer import in_use

    so_choose = npb.so.choose_support
    full, (mentions, langs) = sf.rv.load_with(mentions_of, seeds=args.seeds)
    kinds = {a.id: a.kind for a in in_use().actors.values()}
    if args.places:  # cities, regions, waters and named objects; never a country
        from tui.core.linking.text import place_matcher

        kinds.update(
            {
                f"p:{p.id}": "place"
                for p in place_matcher().places.values()
                if p.kind not in ("country", "demonym")
            }
        )
    which = ev.deal(full.truth.values(), args.folds)
    group: dict[int, object] = (
        {a: p for a, p in full.part.items()}
        if args.by == "part"
        else {a: which[t] for a, t in full.truth.items()}
    )
    dropped = own_names(mentions, group, kinds, office_actors())
    each = {
        g: sum(1 for f in dropped.values() if f == g) for g in sorted(set(group.values()), key=str)
    }
    print(
        f"held out by {args.by}: {len(dropped)} of {len(kinds)} actors ({each}), "
        f"{sum(1 for a in dropped if kinds[a] == 'person')} people, "
        f"{sum(1 for a in dropped if kinds[a] == 'place')} places and objects",
        flush=True,
    )
    if args.plain:
        npb.so.choose_support = so_choose
        report("plain", tier3(full, args.seeds, args.folds, langs))
    hold_names_out(set(dropped))
    held = sf.rv.load(seeds=args.seeds)
    npb.so.choose_support = so_choose
    report("names held", tier3(held, args.seeds, args.folds, langs))


if __name__ == "__main__":
    main()
