"""Issue 15, round 42 probe: the days the leads speak of, when a lead names no day.

    python bench/date_probe.py --only base ev_dated ev_int3 [--seeds 7 8 9] [--folds 5]

`evgap` (score.py) compares the days two leads speak of (when.event_day); a lead with no day
word ("on Tuesday", "вчера") is read as its publication day. An analysis or explainer written
back over an event two or three days on seldom names the day in its lead, so it reads as
three days from its own event's report while another event's wire of the same hours reads as
none (round 42's time class). Variants, each fitted per fold with the rest (stories and the
lists' story tier as shipped): "ev_dated": `evgap` only when both leads name a day ("_u":
with a part saying one does not); "ev_intK": a lead naming no day speaks of some day up to K
days before its publication (the gap between the two ranges); "lu_ev" / "lu_days": evgap /
days times "the later lead names no day" (their own weights; "_nolive": nor is its headline a
live page's); "cue_days": days times "the later headline says it is written back"
(`_BACK_HEAD`: "Explainer:", "what ... means", a question; "_u": or its lead names no day);
"o_*": the same with the gold genre of the later article (an oracle: what a genre detector
could give at best). Background pairs (b moved 0-3 days after a, its lead's day moving with
it) read the moved times. DEAL_WITH=alone:slug,... deals the folds as if those clusters were
still in the set (a relabelled article's old cluster: the figures move with the labels
alone). Round 43: "lu_late" / "lu_log": late / logdays times the later-undated-no-live flag;
"lu_days_u": lu_days and the flag alone; "ev_int1_lu": ev_int1 and lu_days. lu_days_nolive
ships as score.py's part `undated`. Figures: tests/data/related_eval.md, rounds 42 and 43.
"""

from __future__ import annotations

import math
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench import story_fit as sf
from tui.core.linking import when

DAY = 86400.0
DATED: dict[int, bool] = {}
PUB: dict[int, float] = {}
EVDAY: dict[int, int] = {}
GENRE: dict[int, str] = {}  # the gold genre: an oracle, to bound what a genre detector could give
BACK = ("analysis", "explainer", "feature", "oped", "reaction")


def dated(title: str, body: str) -> bool:
    """Whether the lead names a day (the cue when.event_day reads)."""
    lead = when.lead_of(title, body)
    start = when._first_cue(lead)
    return start >= 0 and when._PATTERN.search(lead, start) is not None


Side = tuple[float, int, bool, int]


def _today(a: int) -> int:
    return math.floor(PUB[a] / DAY)


def _sides(p: ev.Pair) -> tuple[Side, Side]:
    """(published, lead day, dated, publication day) of both, b as the pair scored it: a
    background pair's b moved, its day (and, naming none, its publication day) with it, as
    related_eval.background moves them."""
    a = (PUB[p.a], EVDAY[p.a], DATED[p.a], _today(p.a))
    b = (PUB[p.b], EVDAY[p.b], DATED[p.b], _today(p.b))
    if abs(PUB[p.b] - PUB[p.a]) > 14 * DAY:  # a background pair: b moved after a
        shift = p.parts["days"] * 7
        b = (a[0] + shift * DAY, a[1] + round(shift), b[2], a[1] + round(shift))
    return a, b


def ev_dated(p: ev.Pair) -> float:
    (_pa, da, ta, _ta), (_pb, db, tb, _tb) = _sides(p)
    return min(abs(da - db), 7) / 7 if ta and tb else 0.0


def undated(p: ev.Pair) -> float:
    (_pa, _da, ta, _ta), (_pb, _db, tb, _tb) = _sides(p)
    return 0.0 if ta and tb else 1.0


def _interval(_pub: float, day: int, is_dated: bool, today: int, back: int
              ) -> tuple[int, int]:
    """The days the lead may speak of: the one it names, or up to `back` before publication."""
    return (day, day) if is_dated else (today - back, today)


def ev_int(back: int) -> Callable[[ev.Pair], float]:
    def gap(p: ev.Pair) -> float:
        a, b = _sides(p)
        lo1, hi1 = _interval(*a, back)
        lo2, hi2 = _interval(*b, back)
        return min(max(0, lo2 - hi1, lo1 - hi2), 7) / 7
    return gap


def _later_back(p: ev.Pair) -> bool:
    """The later article is (by its gold genre) a piece written back over an event."""
    a, b = _sides(p)
    return GENRE.get(p.b if b[0] >= a[0] else p.a, "") in BACK


def ev_int_back(back: int) -> Callable[[ev.Pair], float]:
    """ev_int only where the later article is a piece written back (oracle)."""
    wide = ev_int(back)
    return lambda p: wide(p) if _later_back(p) else p.parts["evgap"]


def back_days(p: ev.Pair) -> float:
    """days x the later article is a piece written back (oracle): its own decay."""
    return p.parts["days"] * _later_back(p)


def back_ev(p: ev.Pair) -> float:
    """evgap x the later article is a piece written back (oracle): its own weight."""
    return p.parts["evgap"] * _later_back(p)


def _later_undated(p: ev.Pair) -> bool:
    """The later article's lead names no day: what a reader of the text can tell of a piece
    written back over an event (wires name the day 180 times in 182; analyses 56 in 73)."""
    a, b = _sides(p)
    return not (b[2] if b[0] >= a[0] else a[2])


# a headline that says it is written back over news: a label ("Explainer:", "Analysis:") or a
# question word opening it or its second half ("what a sunken ship means", "Почему ...")
_BACK_HEAD = re.compile(
    r"(?:^|[:\u2014-]\s*)(?:explainer|analysis|opinion|comment|what|why|how|who|"
    r"что|почему|как|зачем|кто|لماذا|ماذا|كيف|من|ما|چرا|چگونه|چه|מדוע|למה|איך|מה)"
    r"(?![\w\u200c])|\?", re.IGNORECASE)
TITLE: dict[int, str] = {}


def _back_cue(a: int) -> bool:
    return _BACK_HEAD.search(TITLE[a]) is not None


def _later_cue(p: ev.Pair, undated_too: bool) -> bool:
    a, b = _sides(p)
    later = p.b if b[0] >= a[0] else p.a
    side = b if later == p.b else a
    return _back_cue(later) or (undated_too and not side[2])


_LIVE = re.compile(r"(?<!\w)(?:live|онлайн|трансляция|مباشر|لحظه به لحظه|בשידור חי)(?!\w)",
                   re.IGNORECASE)


def _later_undated_nolive(p: ev.Pair) -> bool:
    """The later lead names no day and its headline is no live page's (a liveblog's lead is
    its latest entry, rarely dated: 4 of 25)."""
    a, b = _sides(p)
    later = p.b if b[0] >= a[0] else p.a
    return _later_undated(p) and _LIVE.search(TITLE[later]) is None


EXTRA: dict[str, dict[str, Callable[[ev.Pair], float]]] = {
    "lu_days_nolive": {"lu_days": lambda p: p.parts["days"] * _later_undated_nolive(p)},
    "ev_int1_lu": {"evgap": ev_int(1),
                   "lu_days": lambda p: p.parts["days"] * _later_undated_nolive(p)},
    "lu_late": {"lu_late": lambda p: p.parts["late"] * _later_undated_nolive(p)},
    "lu_log": {"lu_log": lambda p: p.parts["logdays"] * _later_undated_nolive(p)},
    "lu_days_u": {"lu_days": lambda p: p.parts["days"] * _later_undated_nolive(p),
                  "lu": lambda p: float(_later_undated_nolive(p))},
    "cue_days": {"cue_days": lambda p: p.parts["days"] * _later_cue(p, False)},
    "cue_u_days": {"cue_days": lambda p: p.parts["days"] * _later_cue(p, True)},
    "lu_ev": {"lu_ev": lambda p: p.parts["evgap"] * _later_undated(p)},
    "lu_days": {"lu_days": lambda p: p.parts["days"] * _later_undated(p)},
    "lu_both": {"lu_ev": lambda p: p.parts["evgap"] * _later_undated(p),
                "lu_days": lambda p: p.parts["days"] * _later_undated(p)},
    "o_int3": {"evgap": ev_int_back(3)},
    "o_days": {"back_days": back_days},
    "o_ev": {"back_ev": back_ev},
    "o_days_ev": {"back_days": back_days, "back_ev": back_ev},
    "base": {},
    "ev_dated": {"evgap": ev_dated},
    "ev_dated_u": {"evgap": ev_dated, "undated": undated},
    **{f"ev_int{k}": {"evgap": ev_int(k)} for k in (1, 2, 3, 7)},
    **{f"ev_int{k}_u": {"evgap": ev_int(k), "undated": undated} for k in (3,)},
}


def _deal_with(extra: list[str]) -> None:
    """Folds dealt as if `extra` clusters were still in the set (DEAL_WITH, comma-separated):
    a relabelled article leaves its old cluster, and the round-robin deal by hash moves every
    event after it to another fold; this keeps the old deal, so the figures move with the
    labels alone."""
    dealt = ev.deal

    def deal(names, folds=ev.FOLDS):  # type: ignore[no-untyped-def]
        return dealt([*names, *extra], folds)
    ev.deal = deal  # type: ignore[assignment]


def main() -> None:
    args = sf.probe_args()
    if os.environ.get("DEAL_WITH"):
        _deal_with(os.environ["DEAL_WITH"].split(","))

    def read(conn: object, gold: dict[int, object]) -> dict[int, tuple[bool, int]]:
        from tui.core.linking import index

        feats = index.features(conn, sorted(gold))  # type: ignore[arg-type]
        PUB.update({a: f.published for a, f in feats.items()})
        GENRE.update({a: g.genre for a, g in gold.items()})  # type: ignore[attr-defined]
        TITLE.update({a: g.title for a, g in gold.items()})  # type: ignore[attr-defined]
        return {a: (dated(g.title, g.body), feats[a].day)  # type: ignore[attr-defined]
                for a, g in gold.items()}

    bench, got = sf.rv.load_with(read, seeds=args.seeds)
    DATED.update({a: d for a, (d, _day) in got.items()})
    EVDAY.update({a: day for a, (_d, day) in got.items()})
    same = ev_int(0)
    off = [p for p in [*bench.table, *bench.extra[args.seeds[0]]]
           if abs(same(p) - p.parts["evgap"]) > 1e-9]
    assert not off, f"{len(off)} pairs read another gap than score.py's"
    print(f"leads naming a day: {sum(DATED.values())} of {len(DATED)}", flush=True)
    for name in args.only:
        runs = [sf.with_parts(bench, s, args.folds, EXTRA[name]) for s in args.seeds]
        sf.print_means(name, runs, args.folds, width=12)


if __name__ == "__main__":
    main()
