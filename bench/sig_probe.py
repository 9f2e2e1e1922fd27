"""Issue 15, round 45 probe: two events with the same people told apart by their event
signatures (what happened, where, on which day), on story_fit's in-memory folds as
names_probe runs them.

    python bench/sig_probe.py --only base dated_apart before_event [--seeds 7 8 9] [--folds 5]

Each variant adds parts read from the pair's two articles (a background pair's second article
read at the time it was moved to, its lead's day moved with it, as related_eval.background
moves it), fitted per fold with the rest; stories and the lists' story tier as shipped.
"dated_apart": both leads name a day (`when.py` finds a day word) and the days differ;
"_who": and both leads name one person or body (not a state); "before_event": one article
was published before the day the other's lead names began (it cannot report that event:
the strike's wire against the retaliation's, the first trip's against the second's);
"sig_apart": two of the three signature parts contradict (main types differ, the leads'
cities or regions apart, both dated on different days); "sig_n": how many of them do (/ 3).
Round 46 (headline words without hurting summary-only items): "head_jac_long": head_jac where
both bodies are longer than a summary (LONG_BODY words; "_long80": 80); "body_only": the text
part with each article's headline stems left out of its terms, in `text`'s place
("body_jac": beside head_jac; "body_text": beside head_text; "body_both_jac": both headlines'
stems left out of both). After each row, the weights a whole-set fit gives the variant.
Round 48: "obj_apart": both name an object of one kind (a vessel, a flight, a named
operation: bench/named_objects.py) and no name of it is the same ("ship_apart": vessels
only); "rare_shared": log1p of the stems both keep (one script) that at most RARE_DF of the
set's articles keep (an event's own words: "pagers", "Sudzha", a ship's name).
Figures: tests/data/related_eval.md, rounds 45, 46 and 48.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import named_objects
from bench import names_probe as npr
from bench import related_eval as ev
from bench import story_fit as sf
from tui.core.linking.features import Features

DAY = 86400.0
DATED: dict[int, bool] = {}  # the lead names a day
HEAD_TYPES: dict[int, frozenset[str]] = {}  # the event types the headline names
HEAD_TERMS: dict[int, frozenset[str]] = {}  # the headline's stems
LEAD_TERMS: dict[int, frozenset[str]] = {}  # the headline's and the lead's stems
BODY_WORDS: dict[int, int] = {}  # the body's words (a feed's summary: a few dozen)
# round 46: longer than a summary, in the gap between the real-news feeds' summaries (534
# items: 75% under 49 words, 7 of 50-59 against 111 of 40-49) and the set's bodies (none
# under 61 words): on the set the part is head_jac's
LONG_BODY = 60
OBJECTS: dict[int, dict[str, frozenset[str]]] = {}  # round 48: the named objects
DF: dict[str, int] = {}  # each kept stem's df in the set's cache, as the linker counts it
RARE_DF = 3
Part = Callable[[Features, Features, bool, bool], float]


def head_types_apart(p: ev.Pair) -> float:
    """Both headlines name a kind of event, none the same."""
    x, y = HEAD_TYPES[p.a], HEAD_TYPES[p.b]
    return 1.0 if x and y and x.isdisjoint(y) else 0.0


def head_types_met(p: ev.Pair) -> float:
    x, y = HEAD_TYPES[p.a], HEAD_TYPES[p.b]
    return 1.0 if x & y else 0.0


def head_text(p: ev.Pair) -> float:
    """The headlines' stems in common, weighted as the text part weighs them (one script)."""
    if p.parts["cross"]:
        return 0.0
    x, y = npr.FEATS[p.a], npr.FEATS[p.b]
    shared = HEAD_TERMS[p.a] & HEAD_TERMS[p.b]
    return sum(x.terms.get(s, 0.0) * y.terms.get(s, 0.0) for s in shared)


def head_jac(p: ev.Pair) -> float:
    """Jaccard of the headlines' stems (one script)."""
    if p.parts["cross"]:
        return 0.0
    x, y = HEAD_TERMS[p.a], HEAD_TERMS[p.b]
    return len(x & y) / len(x | y) if x and y else 0.0


def head_lead(p: ev.Pair) -> float:
    """The mean share of each headline's stems found in the other's headline or lead."""
    if p.parts["cross"]:
        return 0.0
    hx, hy = HEAD_TERMS[p.a], HEAD_TERMS[p.b]
    if not (hx and hy):
        return 0.0
    return (len(hx & LEAD_TERMS[p.b]) / len(hx) + len(hy & LEAD_TERMS[p.a]) / len(hy)) / 2


def head_min(p: ev.Pair) -> float:
    """The headlines' stems in common over the shorter headline's (one script)."""
    if p.parts["cross"]:
        return 0.0
    x, y = HEAD_TERMS[p.a], HEAD_TERMS[p.b]
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def head_jac_long(p: ev.Pair, least: int = LONG_BODY) -> float:
    """head_jac where both bodies are longer than a summary (`least` words), else 0."""
    if min(BODY_WORDS[p.a], BODY_WORDS[p.b]) <= least:
        return 0.0
    return head_jac(p)


def head_jac_long80(p: ev.Pair) -> float:
    """The same past 80 words (16 of the set's 658 bodies are not)."""
    return head_jac_long(p, 80)


def _no_head(aid: int) -> dict[str, float]:
    """The article's weighed terms without its headline's stems, L2-normalised again."""
    head = HEAD_TERMS[aid]
    kept = {t: v for t, v in npr.FEATS[aid].terms.items() if t not in head}
    norm = math.sqrt(sum(v * v for v in kept.values()))
    return {t: v / norm for t, v in kept.items()} if norm else {}


NO_HEAD: dict[int, dict[str, float]] = {}


def text_body(p: ev.Pair) -> float:
    """The text cosine with each headline's stems left out of its own terms (one script)."""
    if p.parts["cross"]:
        return 0.0
    for a in (p.a, p.b):
        if a not in NO_HEAD:
            NO_HEAD[a] = _no_head(a)
    x, y = NO_HEAD[p.a], NO_HEAD[p.b]
    return sum(v * y[t] for t, v in x.items() if t in y)


def text_body_both(p: ev.Pair) -> float:
    """The same with both headlines' stems left out of both (a word in either headline)."""
    if p.parts["cross"]:
        return 0.0
    head = HEAD_TERMS[p.a] | HEAD_TERMS[p.b]
    x = {t: v for t, v in npr.FEATS[p.a].terms.items() if t not in head}
    y = {t: v for t, v in npr.FEATS[p.b].terms.items() if t not in head}
    nx = math.sqrt(sum(v * v for v in x.values()))
    ny = math.sqrt(sum(v * v for v in y.values()))
    if not (nx and ny):
        return 0.0
    return sum(v * y[t] for t, v in x.items() if t in y) / (nx * ny)


def obj_apart(p: ev.Pair, kinds: tuple[str, ...] = ("vessel", "flight", "operation")) -> float:
    """Both name an object of one kind, no name of that kind the same (one script)."""
    if p.parts["cross"]:
        return 0.0
    return 1.0 if named_objects.apart(OBJECTS[p.a], OBJECTS[p.b], kinds) else 0.0


def ship_apart(p: ev.Pair) -> float:
    return obj_apart(p, ("vessel",))


def rare_shared(p: ev.Pair, most: int = RARE_DF) -> float:
    """log1p of the kept stems both share that at most `most` of the cache's articles hold
    (its df, as the linker counts it; one script)."""
    if p.parts["cross"]:
        return 0.0
    x, y = npr.FEATS[p.a].terms, npr.FEATS[p.b].terms
    return math.log1p(sum(1 for t in x if t in y and DF.get(t, 0) <= most))


def rare_ra(p: ev.Pair) -> float:
    """log1p of the sum of 1 / df over the kept stems both share (one script): no threshold,
    an event's words count less the more of the cache holds them (resource allocation)."""
    if p.parts["cross"]:
        return 0.0
    x, y = npr.FEATS[p.a].terms, npr.FEATS[p.b].terms
    return math.log1p(sum(1.0 / max(DF.get(t, 1), 1) for t in x if t in y))


def rare_ra2(p: ev.Pair) -> float:
    """The same, each stem 2 / df (two articles at least hold a shared one: 1 at most)."""
    return rare_ra(p) and math.log1p(2 * math.expm1(rare_ra(p)))


PAIRWISE = {
    "rare_ra": rare_ra,
    "rare_ra2": rare_ra2,
    "obj_apart": obj_apart,
    "ship_apart": ship_apart,
    "rare_shared": rare_shared,
    **{f"rare_shared{n}": partial(rare_shared, most=n) for n in (2, 5, 8)},
    "head_jac_long": head_jac_long,
    "head_jac_long80": head_jac_long80,
    "text_body": text_body,
    "text_body_both": text_body_both,
    "head_lead": head_lead,
    "head_min": head_min,
    "head_types_apart": head_types_apart,
    "head_types_met": head_types_met,
    "head_text": head_text,
    "head_jac": head_jac,
}


def _pair(p: ev.Pair) -> tuple[Features, Features, bool, bool]:
    """The pair's features as the fit saw them: a background pair's b moved next to a."""
    x, y = npr.FEATS[p.a], npr.FEATS[p.b]
    if abs(y.published - x.published) > ev.APART_DAYS * DAY:
        shift = p.parts["days"] * 7
        y = replace(y, published=x.published + shift * DAY, day=x.day + round(shift))
    return x, y, DATED[p.a], DATED[p.b]


def dated_apart(x: Features, y: Features, dx: bool, dy: bool) -> float:
    return 1.0 if dx and dy and x.day != y.day else 0.0


def _who(f: Features) -> set[str]:
    from tui.core.linking.names import actor_kind

    return {k for k in f.focus if k.startswith("a:") and actor_kind(k[2:]) != "state"}


def dated_apart_who(x: Features, y: Features, dx: bool, dy: bool) -> float:
    return dated_apart(x, y, dx, dy) if _who(x) & _who(y) else 0.0


def before_event(x: Features, y: Features, dx: bool, dy: bool) -> float:
    """One was published before the day the other's lead names began."""
    return (
        1.0 if ((dy and x.published < y.day * DAY) or (dx and y.published < x.day * DAY)) else 0.0
    )


def before_days(x: Features, y: Features, dx: bool, dy: bool) -> float:
    """How many days before the other's event day one was published (capped at 3, / 3)."""
    got = 0.0
    if dy:
        got = max(got, y.day - math.floor(x.published / DAY))
    if dx:
        got = max(got, x.day - math.floor(y.published / DAY))
    return min(max(got, 0.0), 3.0) / 3


def _sig(x: Features, y: Features, dx: bool, dy: bool) -> int:
    types = bool(x.main and y.main and x.main not in y.what and y.main not in x.what)
    px, py = npr._lead_places(x), npr._lead_places(y)
    where = bool(px and py and not px & py)
    return types + where + bool(dated_apart(x, y, dx, dy))


def sig_apart(x: Features, y: Features, dx: bool, dy: bool) -> float:
    return 1.0 if _sig(x, y, dx, dy) >= 2 else 0.0


def sig_n(x: Features, y: Features, dx: bool, dy: bool) -> float:
    return _sig(x, y, dx, dy) / 3


EXTRA: dict[str, dict[str, Part]] = {
    "base": {},
    "dated_apart": {"dated_apart": dated_apart},
    "dated_apart_who": {"dated_apart_who": dated_apart_who},
    "before_event": {"before_event": before_event},
    "before_days": {"before_days": before_days},
    "sig_apart": {"sig_apart": sig_apart},
    "sig_n": {"sig_n": sig_n},
    "dated_before": {"dated_apart": dated_apart, "before_event": before_event},
    **{n: {n: f} for n, f in PAIRWISE.items()},  # type: ignore[dict-item]
    "head_jac_met": {
        "head_jac": head_jac,  # type: ignore[dict-item]
        "head_types_met": head_types_met,
    },
    "head_jac_lead": {"head_jac": head_jac, "head_lead": head_lead},  # type: ignore[dict-item]
    "body_jac": {"text": text_body, "head_jac": head_jac},  # type: ignore[dict-item]
    "body_both_jac": {"text": text_body_both, "head_jac": head_jac},  # type: ignore[dict-item]
    "body_text": {"text": text_body, "head_text": head_text},  # type: ignore[dict-item]
    "body_only": {"text": text_body},  # type: ignore[dict-item]
    "head_types_both": {
        "head_types_apart": head_types_apart,  # type: ignore[dict-item]
        "head_types_met": head_types_met,
    },
}


def _rows(extra: Mapping[str, Part]) -> Callable[[ev.Pair], dict[str, float]]:
    """A pair's parts with the variant's own added (or put in place of a part, "text")."""
    rows: dict[tuple[int, int, float], dict[str, float]] = {}

    def row(p: ev.Pair) -> dict[str, float]:
        key = (p.a, p.b, p.parts["days"])
        got = rows.get(key)
        if got is None:
            args = _pair(p)
            got = rows[key] = {
                **p.parts,
                **{n: f(p) if f in PAIRWISE.values() else f(*args) for n, f in extra.items()},
            }
        return got

    return row


def _parts(extra: Mapping[str, Part]) -> tuple[str, ...]:
    from tui.core.linking.score import PARTS

    return (*PARTS, *(n for n in extra if n not in PARTS))


def run(bench: sf.rv.Bench, seed: int, folds: int, extra: Mapping[str, Part]) -> sf.Figures:
    return sf.shipped_folds(bench, seed, folds, _rows(extra), _parts(extra))


def weights(bench: sf.rv.Bench, seed: int, extra: Mapping[str, Part]) -> str:
    """The weights fit.py would write for the variant (every pair, the seed's background),
    for the parts a headline touches."""
    from tui.core.linking.fit import fit_model

    pairs = [*bench.table, *bench.extra[seed]]
    row = _rows(extra)
    model = fit_model(
        [row(p) for p in pairs], [p.same for p in pairs], name="hybrid", parts=_parts(extra)
    )
    shown = ("text", "focus", "lead", *(n for n in extra if n != "text"))
    return "  ".join(f"{n} {model.weights[n]:+.2f}" for n in shown)


def main() -> None:
    from tui.core.linking import text, what, when

    args = sf.probe_args()

    def read(conn: object, gold: dict[int, object]) -> dict[int, Features]:
        from tui.core.linking import index

        for aid, title, body in conn.execute(  # type: ignore[attr-defined]
            "SELECT id, title, coalesce(body, '') FROM articles"
        ):
            lead = when.lead_of(title, body)
            DATED[aid] = when._PATTERN.search(lead) is not None
            HEAD_TYPES[aid] = frozenset(what.count_types(title))
            HEAD_TERMS[aid] = frozenset(text.terms(title, ""))
            LEAD_TERMS[aid] = frozenset(text.terms(lead, ""))
            BODY_WORDS[aid] = len(text.split_words(body)[1])
            OBJECTS[aid] = named_objects.named_objects(f"{title}\n{body}")
        got = index.features(conn, sorted(gold))  # type: ignore[arg-type]
        from tui.core.store import links as lstore

        terms = {f"t:{t}" for f in got.values() for t in f.terms}
        DF.update({k[2:]: n for k, n in lstore.df(conn, terms).items() if k.startswith("t:")})
        return got

    bench, feats = sf.rv.load_with(read, seeds=args.seeds)
    npr.FEATS.update(feats)
    lengths = sorted(BODY_WORDS[a] for a in feats)
    print(
        "body words: min",
        lengths[0],
        "quantiles (5/10/25/50%)",
        [lengths[len(lengths) * q // 100] for q in (5, 10, 25, 50)],
        f"<= {LONG_BODY}:",
        sum(n <= LONG_BODY for n in lengths),
        "of",
        len(lengths),
        flush=True,
    )
    report(bench, args)


def report(bench: sf.rv.Bench, args: argparse.Namespace) -> None:
    """Each variant in `args.only`: where its part fires, then its folds' means per seed and
    its whole-set weights (act_probe's variants are reported the same way)."""
    for name in args.only:
        if name in PAIRWISE:
            fires = [(PAIRWISE[name](p) > 0, p.same) for p in bench.table]
            print(
                f"{name}: fires on {sum(f and s for f, s in fires)} of "
                f"{sum(s for _f, s in fires)} same-event candidate pairs, "
                f"{sum(f and not s for f, s in fires)} of "
                f"{sum(not s for _f, s in fires)} other-event ones",
                flush=True,
            )
        runs = [run(bench, s, args.folds, EXTRA[name]) for s in args.seeds]
        sf.print_means(name, runs, args.folds, width=16)
        print(
            f"{'':<16} whole-set fit (seed {args.seeds[0]}): "
            f"{weights(bench, args.seeds[0], EXTRA[name])}",
            flush=True,
        )

if __name__ == "__main__":
    main()
