"""Issue 15, round 41 probe: the shared-names class (another event's article sharing the
article's people and places), on story_fit's in-memory folds as time_probe runs them.

    python bench/names_probe.py --only base acts_met body_mass [--seeds 7 8 9] [--folds 5]

Each variant adds parts read from the pair's two articles' features (only the "awa_" ones
read time, so a background pair, whose second article was moved in time, reads the rest as
they are), fitted per fold with the rest; stories and the lists' story tier as shipped. "acts_met":
both say what happened to whom and share a pair (acts_apart's other side); "acts_share":
the share of the shorter list of such pairs found in the other; "body_mass" / "focus_mass":
the shared mass of names prominent (headline or lead) in at most one / both of the two;
"heads_met": the headlines share a name; "heads_apart": both headlines name someone or
somewhere, nothing in common; "where_apart": the same protagonist (lead, or a person in both
headlines) with a city or region in each lead and none in common; "head_where_apart": the
same lead, the headlines' places apart; "acts_where_apart": one type with one actor in both
("talks a:abbas-araghchi"), each placing that type somewhere, nowhere the same ("_ns": the
actor not a state; "_all": every such type apart); "awa_2d" etc.: only for pairs at most 2
days apart (the pair's own days, so a moved background pair reads its new time);
"heads_missing": the mean over the two headlines of the share of their names (no states)
the other article names nowhere ("_max": the larger share); "answer": the later article's
headline says it follows or answers an earlier event, the other half a day or more before.
Figures: tests/data/related_eval.md, round 41.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench import story_fit as sf
from tui.core.linking.features import Features

FEATS: dict[int, Features] = {}
PairFn = Callable[[Features, Features], float]


def _both_acts(x: Features, y: Features) -> bool:
    return bool(x.acts and y.acts)


def acts_met(x: Features, y: Features) -> float:
    return 1.0 if _both_acts(x, y) and not x.acts.isdisjoint(y.acts) else 0.0


def acts_share(x: Features, y: Features) -> float:
    if not _both_acts(x, y):
        return 0.0
    return len(x.acts & y.acts) / min(len(x.acts), len(y.acts))


def _shared_weights(x: Features, y: Features) -> dict[str, float]:
    out = {f"a:{k}": min(v, y.actors[k]) for k, v in x.actors.items() if k in y.actors}
    out.update({f"p:{k}": min(v, y.places[k]) for k, v in x.places.items() if k in y.places})
    return out


def body_mass(x: Features, y: Features) -> float:
    w = _shared_weights(x, y)
    return math.log1p(sum(v for k, v in w.items()
                          if not (k in x.focus and k in y.focus)))


def focus_mass(x: Features, y: Features) -> float:
    w = _shared_weights(x, y)
    return math.log1p(sum(v for k, v in w.items()
                          if k in x.focus and k in y.focus))


def body_share(x: Features, y: Features) -> float:
    w = _shared_weights(x, y)
    total = sum(w.values())
    return (sum(v for k, v in w.items() if not (k in x.focus and k in y.focus)) / total
            if total else 0.0)


def heads_met(x: Features, y: Features) -> float:
    return 1.0 if set(x.heads) & set(y.heads) else 0.0


def heads_apart(x: Features, y: Features) -> float:
    return 1.0 if x.heads and y.heads and not set(x.heads) & set(y.heads) else 0.0


def _lead_places(f: Features) -> set[str]:
    from tui.core.linking.names import place_kind

    return {k for k in f.focus if k.startswith("p:")
            and place_kind(k[2:]) not in ("country", "")}


def _same_who(x: Features, y: Features) -> bool:
    if x.lead and x.lead == y.lead:
        return True
    return any(k.startswith("a:") for k in set(x.heads) & set(y.heads))


def where_apart(x: Features, y: Features) -> float:
    if not _same_who(x, y):
        return 0.0
    px, py = _lead_places(x), _lead_places(y)
    return 1.0 if px and py and not px & py else 0.0


def where_apart_any(x: Features, y: Features) -> float:
    """The same protagonist, each lead's places absent from the other article altogether."""
    if not _same_who(x, y):
        return 0.0
    px, py = _lead_places(x), _lead_places(y)
    return 1.0 if px and py and not (px & {f"p:{k}" for k in y.places}
                                      or py & {f"p:{k}" for k in x.places}) else 0.0


def _by_type(acts: frozenset[str]) -> dict[str, tuple[set[str], set[str]]]:
    out: dict[str, tuple[set[str], set[str]]] = {}
    for key in acts:
        kind, _, name = key.partition(" ")
        who, where = out.setdefault(kind, (set(), set()))
        (where if name.startswith("p:") else who).add(name)
    return out


def acts_where_apart(x: Features, y: Features) -> float:
    """The same thing happening to the same actor (a shared "type a:id"), each placing it
    somewhere (a "type p:id" of that type), in no place the same: Araghchi's talks in Doha
    and his talks in Beirut."""
    if not _both_acts(x, y):
        return 0.0
    bx, by = _by_type(x.acts), _by_type(y.acts)
    for kind, (who, where) in bx.items():
        other = by.get(kind)
        if other and who & other[0] and where and other[1] and not where & other[1]:
            return 1.0
    return 0.0


def _no_state(names: set[str]) -> set[str]:
    from tui.core.linking.names import actor_kind

    return {n for n in names if actor_kind(n[2:]) != "state"}


def acts_where_apart_ns(x: Features, y: Features) -> float:
    """acts_where_apart with a person or body (not a state) the shared actor."""
    if not _both_acts(x, y):
        return 0.0
    bx, by = _by_type(x.acts), _by_type(y.acts)
    for kind, (who, where) in bx.items():
        other = by.get(kind)
        if other and _no_state(who & other[0]) and where and other[1] and not where & other[1]:
            return 1.0
    return 0.0


def acts_where_apart_all(x: Features, y: Features) -> float:
    """Every type both place, with a shared actor, is placed apart (not just one)."""
    if not _both_acts(x, y):
        return 0.0
    bx, by = _by_type(x.acts), _by_type(y.acts)
    hits = 0
    for kind, (who, where) in bx.items():
        other = by.get(kind)
        if other and who & other[0] and where and other[1]:
            if where & other[1]:
                return 0.0
            hits += 1
    return 1.0 if hits else 0.0


def _missing(x: Features, y: Features) -> float | None:
    """The share of x's headline names (no states) that y names nowhere; None for none."""
    mine = [k for k in x.heads if k.startswith("p:") or _no_state({k}) != set()]
    if not mine:
        return None
    have = {f"a:{k}" for k in y.actors} | {f"p:{k}" for k in y.places}
    return sum(k not in have for k in mine) / len(mine)


def heads_missing(x: Features, y: Features) -> float:
    """The mean over both headlines of the share of their names the other article lacks."""
    got = [m for m in (_missing(x, y), _missing(y, x)) if m is not None]
    return sum(got) / len(got) if got else 0.0


def heads_missing_max(x: Features, y: Features) -> float:
    got = [m for m in (_missing(x, y), _missing(y, x)) if m is not None]
    return max(got) if got else 0.0


# a headline that says its event answers or follows an earlier one ("a day after deadly drone
# attack", "in revenge for", "в ответ на", "ردا على", "در پاسخ به")
_ANSWER = re.compile(
    r"(?<![\w\u200c])(?:after|in (?:revenge|response|retaliation) (?:for|to)|retaliat\w*|"
    r"в ответ на|после|в отместку|ردا على|رداً على|بعد|انتقاما|در پاسخ به|پس از|تلافی)"
    r"(?![\w\u200c])", re.IGNORECASE)
TITLES: dict[int, str] = {}
PUBLISHED: dict[int, float] = {}


def _answer(p: ev.Pair) -> float:
    """1 when the later article's headline says it answers or follows an earlier event and
    the other is half a day or more before it (a background pair's b was moved after a)."""
    gap = PUBLISHED[p.b] - PUBLISHED[p.a]
    moved = abs(gap) > 14 * 86400
    later = p.b if moved or gap >= 0 else p.a
    return 1.0 if p.parts["days"] * 7 >= 0.5 and _ANSWER.search(TITLES[later]) else 0.0


def _same_day(f: PairFn, days: float) -> Callable[[Features, Features, Mapping[str, float]], float]:
    """`f` for pairs at most `days` apart (the pair's own `days` part, so a background pair
    reads the time it was moved to): one actor in two places the same day is two events."""
    def timed(x: Features, y: Features, parts: Mapping[str, float]) -> float:
        return f(x, y) if parts["days"] * 7 <= days else 0.0
    timed.timed = True
    return timed


def head_where_apart(x: Features, y: Features) -> float:
    """The same protagonist, each headline naming a place, none the same."""
    if not (x.lead and x.lead == y.lead):
        return 0.0
    hx = {k for k in x.heads if k.startswith("p:")}
    hy = {k for k in y.heads if k.startswith("p:")}
    return 1.0 if hx and hy and not hx & hy else 0.0


EXTRA: dict[str, dict[str, Callable[..., float]]] = {
    "base": {},
    "acts_met": {"acts_met": acts_met},
    "acts_share": {"acts_share": acts_share},
    "body_mass": {"body_mass": body_mass},
    "focus_mass": {"focus_mass": focus_mass},
    "body_share": {"body_share": body_share},
    "heads_met": {"heads_met": heads_met},
    "heads_apart": {"heads_apart": heads_apart},
    "heads_both": {"heads_met": heads_met, "heads_apart": heads_apart},
    "where_apart": {"where_apart": where_apart},
    "where_apart_any": {"where_apart_any": where_apart_any},
    "acts_where_apart": {"acts_where_apart": acts_where_apart},
    "acts_where_apart_ns": {"acts_where_apart_ns": acts_where_apart_ns},
    "acts_where_apart_all": {"acts_where_apart_all": acts_where_apart_all},
    **{f"awa_ns_{d:g}d": {"acts_where_apart_ns": _same_day(acts_where_apart_ns, d)}
       for d in (1.0, 2.0)},
    **{f"awa_{d:g}d": {"acts_where_apart": _same_day(acts_where_apart, d)} for d in (1.0, 2.0)},
    "heads_missing": {"heads_missing": heads_missing},
    "heads_missing_max": {"heads_missing_max": heads_missing_max},
    "answer": {"answer": _answer},
    "head_where_apart": {"head_where_apart": head_where_apart},
    "focus_acts": {"focus_mass": focus_mass, "acts_met": acts_met},
    "focus_body": {"focus_mass": focus_mass, "body_mass": body_mass},
}


def run(bench: sf.rv.Bench, seed: int, folds: int, extra: Mapping[str, Callable[..., float]]
        ) -> sf.Figures:
    from tui.core.linking.score import PARTS

    parts = (*PARTS, *(n for n in extra if n not in PARTS))
    rows: dict[tuple[int, int, float], dict[str, float]] = {}

    def row(p: ev.Pair) -> dict[str, float]:
        key = (p.a, p.b, p.parts["days"])
        got = rows.get(key)
        if got is None:
            x, y = FEATS[p.a], FEATS[p.b]
            got = rows[key] = {**p.parts, **{n: (f(p) if f is _answer else
                                                 f(x, y, p.parts) if getattr(f, "timed", False)
                                               else f(x, y)) for n, f in extra.items()}}
        return got

    return sf.shipped_folds(bench, seed, folds, row, parts)


def main() -> None:
    args = sf.probe_args()

    def read(conn: object, gold: dict[int, object]) -> dict[int, Features]:
        from tui.core.linking import index

        TITLES.update({a: g.title for a, g in gold.items()})  # type: ignore[attr-defined]
        return index.features(conn, sorted(gold))  # type: ignore[arg-type]

    bench, feats = sf.rv.load_with(read, seeds=args.seeds)
    FEATS.update(feats)
    PUBLISHED.update(bench.published)
    for name in args.only:
        runs = [run(bench, s, args.folds, EXTRA[name]) for s in args.seeds]
        sf.print_means(name, runs, args.folds, width=16)


if __name__ == "__main__":
    main()
