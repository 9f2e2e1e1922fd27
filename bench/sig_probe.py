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
Figures: tests/data/related_eval.md, round 45.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import names_probe as npr
from bench import related_eval as ev
from bench import story_fit as sf
from tui.core.linking.features import Features

DAY = 86400.0
DATED: dict[int, bool] = {}  # the lead names a day
HEAD_TYPES: dict[int, frozenset[str]] = {}  # the event types the headline names
HEAD_TERMS: dict[int, frozenset[str]] = {}  # the headline's stems
LEAD_TERMS: dict[int, frozenset[str]] = {}  # the headline's and the lead's stems
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


PAIRWISE = {
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
    "head_types_both": {
        "head_types_apart": head_types_apart,  # type: ignore[dict-item]
        "head_types_met": head_types_met,
    },
}


def run(bench: sf.rv.Bench, seed: int, folds: int, extra: Mapping[str, Part]) -> sf.Figures:
    from tui.core.linking.score import PARTS

    parts = (*PARTS, *(n for n in extra if n not in PARTS))
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

    return sf.shipped_folds(bench, seed, folds, row, parts)


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
        return index.features(conn, sorted(gold))  # type: ignore[arg-type]

    bench, feats = sf.rv.load_with(read, seeds=args.seeds)
    npr.FEATS.update(feats)
    for name in args.only:
        runs = [run(bench, s, args.folds, EXTRA[name]) for s in args.seeds]
        sf.print_means(name, runs, args.folds, width=16)


if __name__ == "__main__":
    main()
