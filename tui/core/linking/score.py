"""The link score: the probability that two articles report the same event, with reasons.

Pure (no SQL). Two articles' `Features` give named parts (shared people, states, places and
protagonists weighted by rarity and prominence; text similarity; days apart, and how far apart
the days their leads speak of are; whether they are in one script; whether the later one's
headline says its event repeats an earlier one; whether what happened to whom, read sentence
by sentence, differs, and how much of it the two tell alike (another act by the same
people is told in the same pairs of kind and name again); whether one headline reports
violence and the other only other business). A logistic model fitted on
labelled pairs (`fit.py`, weights in `weights.json` beside it) turns the parts into a
probability, so 0.5 reads "as likely the same event as not". Time is learned with the rest:
coverage of an event goes on for days as reactions and analysis, and the model says how fast
the odds fall, instead of a hard cut; a second slope from LATE_DAYS on (`late`) lets the
first days, when a report's analysis and reactions are written, fall at their own rate, a
third from TAIL_DAYS on (`tail`) the week after, and a fourth (`undated`) a later piece whose
lead names no day (one written back) at its own. The
headlines' shared words (`headline`, one script, both bodies longer than a summary) are
weighed past the text's: fitted, the part is negative, since what two headlines share beyond
their bodies is what adjacent events (a strike and the answer to it) share. The evidence is
in tests/data/related_eval.md.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from tui.core import fitted
from tui.core.linking.features import Features
from tui.core.linking.minhash import jaccard
from tui.core.linking.names import display_name, place_kind
from tui.core.linking.stories import JOIN_MIN
from tui.core.linking.what import kind_apart, shared

DAY = 86400.0
WINDOW_DAYS = 14.0  # candidates come from this far either side; the model decides how much
PARTS = ("actors", "states", "places", "focus", "mass", "lead", "clash", "text", "days",
         "logdays", "evgap", "cross", "cross_ent", "cross_mass", "what", "what_clash", "repeat",
         "acts_apart", "kind_apart", "late", "undated", "headline", "tail", "acts_alike")
TEXT = PARTS.index("text")
REPEAT_DAYS = 0.5  # an article this far before a repeat's report is likely the earlier event
# the decay bends here (the `late` part: days past it): a report's analysis, explainer and
# reactions come two to three days on, another event's wire report often within one
LATE_DAYS = 3.0
# and bends again here (the `tail` part: days past it): a week on, what is left of an event's
# coverage (the week's analysis, the protests after a disaster) falls at its own rate (round 50)
TAIL_DAYS = 7.0
SAME_COPY = 0.5  # copy similarity from which reasons say "same copy"
TEXT_SAID = 0.05  # text cosine from which reasons give it ("text 0.21")


@dataclass(frozen=True, slots=True)
class Model:
    """A fitted logistic model over named parts, and the thresholds that go with it."""

    name: str
    bias: float
    weights: Mapping[str, float]
    link_min: float  # a link less likely than this is not kept
    story_min: float  # average probability to a story's members needed to be in it
    info: Mapping[str, object] = field(default_factory=dict)  # how it was fitted
    # the least average probability to a core's members that joins it (stories.join): chosen
    # with story_min on the set (fit.py); a file without it reads the old hand-set value
    join_min: float = JOIN_MIN
    # a related list's second-order weight (related_rank.rank_value): chosen on the set
    # (fit.py) on the lists' intrusions; a file without it reads 0, the pair's order
    support: float = 0.0
    vector: tuple[float, ...] = field(default=(), compare=False)  # weights in PARTS order

    def __post_init__(self) -> None:
        object.__setattr__(self, "vector", tuple(self.weights.get(p, 0.0) for p in PARTS))

    def probability(self, parts: Mapping[str, float]) -> float:
        return self._sigmoid(sum(w * parts.get(name, 0.0) for name, w in self.weights.items()))

    def _sigmoid(self, dot: float) -> float:
        z = self.bias + dot
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


@cache
def models() -> dict[str, Model]:
    """The fitted models by name ("hybrid", the default; "tfidf", the text-only baseline)."""
    return {name: from_json(name, m) for name, m in fitted.weights()["models"].items()}


def from_json(name: str, m: Mapping[str, Any]) -> Model:
    """One model of the weights file; one fitted before join_min was reads the hand-set one."""
    return Model(name, float(m["bias"]), {k: float(v) for k, v in m["weights"].items()},
                 float(m["link_min"]), float(m["story_min"]), m.get("info", {}),
                 float(m.get("join_min", JOIN_MIN)), float(m.get("support", 0.0)))


def default_model() -> Model:
    return models()[fitted.DEFAULT]


@dataclass(frozen=True, slots=True)
class Score:
    total: float  # the probability, rounded
    parts: Mapping[str, float]  # empty for a link not kept
    days: float
    text: float
    dup: float
    shared: tuple[str, ...] = ()  # "a:id" / "p:id", most telling first; empty below link_min
    what: tuple[str, ...] = ()  # event types both name ("drone attack"); empty below link_min

    @property
    def says_why(self) -> bool:
        """Whether its `reasons` say more than the time apart (`_says_why`)."""
        return _says_why(self.dup, self.shared, self.what, self.text)


def _ruzicka(x: dict[str, float], y: dict[str, float], sum_x: float,
             sum_y: float) -> tuple[float, float, list[str]]:
    """Weighted Jaccard, the shared mass, and the shared keys (sorted: the same sum to the
    last bit whatever the hash seed); `sum_x`, `sum_y`: the sums of the values."""
    if not x or not y:  # often: most articles name no actor, many no place
        return 0.0, 0.0, []
    shared = sorted(x.keys() & y.keys())
    if not shared:
        return 0.0, 0.0, []
    top = sum(map(min, map(x.__getitem__, shared), map(y.__getitem__, shared)))
    bottom = sum_x + sum_y - top
    return (top / bottom if bottom else 0.0), top, shared


def _clash(x: Features, y: Features) -> bool:
    """Different protagonists, neither in the other's headline: two stories that meet."""
    if not (x.lead and y.lead and x.heads and y.heads) or x.lead == y.lead:
        return False
    return x.lead not in y.heads and y.lead not in x.heads


def _repeat(x: Features, y: Features, days: float) -> float:
    """1 when the later one's headline says its event repeats an earlier one ("second wave of
    blasts") and the other is half a day or more before it: likely that earlier event, which
    shares its people, places and words (fitted -1.5; tests/data/related_eval.md)."""
    later = x if x.published > y.published else y
    return 1.0 if later.repeat and days >= REPEAT_DAYS else 0.0


def _acts_apart(x: Features, y: Features) -> float:
    """1 when both say what happened to whom and no pair is the same (`acts.apart`): the
    same people and kinds of thing, paired otherwise, are adjacent events (fitted negative;
    tests/data/related_eval.md)."""
    return 1.0 if x.acts and y.acts and x.acts.isdisjoint(y.acts) else 0.0


def _acts_alike(x: Features, y: Features) -> float:
    """How much of what happened to whom the two tell alike: the Jaccard of their "type a:id"
    keys (acts.py), 0 unless both have some (`acts_apart` flags none shared). Fitted negative
    (round 56: -1.94, `focus` 2.23 -> 2.72, `acts_apart` -0.35 -> -0.46): the odds peak where
    two texts share some of their pairs, not all. Two reports of one event name its people
    in their leads, each with acts of its own (the toll, the reactions), while another act
    by the same people (a second strike on the city, the next round of talks) repeats the
    same pairs of kind and name; out of sample 85.7 -> 78 intrusions."""
    ax, ay = x.acts, y.acts
    if not (ax and ay):
        return 0.0
    met = len(ax & ay)
    return met / (len(ax) + len(ay) - met)


def _undated(x: Features, y: Features, days: float) -> float:
    """The days apart again (`days`' scale) when the later one reads as written back undated
    (`when.lead_day`: its lead names no day, no live page). Such a lead is read as its
    publication day, so `evgap` grows with the days apart, though an analysis or reaction
    written days on is about its event; fitted positive, this gives back part of that
    (round 43: a-h+k intrusions 71.7 -> 62.3)."""
    later = x if x.published > y.published else y
    return min(days, WINDOW_DAYS) / 7 if later.undated else 0.0


def _headline(x: Features, y: Features) -> float:
    """The Jaccard of the two headlines' terms (0 across scripts, for an empty one, or beside a
    summary-only item, whose headline is most of its text: round 46, real news E07)."""
    hx, hy = x.head_terms, y.head_terms
    if not (hx and hy) or x.script != y.script or x.summary or y.summary:
        return 0.0
    met = len(hx & hy)
    return met / (len(hx) + len(hy) - met)


def parts(x: Features, y: Features) -> dict[str, float]:
    """The named parts of a pair (what the model weighs)."""
    return dict(zip(PARTS, _pair(x, y)[0], strict=True))


def _pair(x: Features, y: Features) -> tuple[tuple[float, ...], list[str], list[str]]:
    """The parts in PARTS order, and the shared actors and places (for the reasons of a kept
    link). Every candidate of every article comes through here: no dict per pair."""
    days = abs(x.published - y.published) / DAY
    (a1, s1, p1, f1), (a2, s2, p2, f2) = x.sums, y.sums
    ea, mass_a, shared_a = _ruzicka(x.actors, y.actors, a1, a2)
    _es, mass_s, _shared_s = _ruzicka(x.states, y.states, s1, s2)
    ep, mass_p, shared_p = _ruzicka(x.places, y.places, p1, p2)
    ef, _mass_f, _shared_f = _ruzicka(x.focus, y.focus, f1, f2)
    cross = 0.0 if x.script == y.script else 1.0
    text = 0.0
    if not cross:  # words only mean something within one script
        xt, yt = x.terms, y.terms  # the shorter one's sorted keys found in the other: the
        both = list(filter(yt.__contains__, x.sorted_terms()) if len(xt) <= len(yt)
                    else filter(xt.__contains__, y.sorted_terms()))  # shared terms, sorted
        text = sum(map(operator.mul, map(xt.__getitem__, both), map(yt.__getitem__, both)))
    mass = math.log1p(mass_a + mass_p)
    # what happened: how far the two event-type profiles agree, and whether their main types
    # differ (an article naming no type says nothing either way)
    what = differ = 0.0
    if x.main and y.main:  # what.agreement and what.clash, inlined: every pair comes here
        wy = y.what
        for k, v in x.what.items():  # both in key order (unit sorts them): a symmetric sum
            if k in wy:
                what += v * wy[k]
        differ = 0.0 if x.main in wy or y.main in x.what else 1.0
    # states by the rarity of what is shared, not its share: two articles naming only Russia
    # and Ukraine have all their states in common, and that says little
    values = (ea, math.log1p(mass_s), ep, ef, mass,
              1.0 if x.lead and x.lead == y.lead else 0.0, 1.0 if _clash(x, y) else 0.0,
              text, min(days, WINDOW_DAYS) / 7, math.log1p(days),
              min(abs(x.day - y.day), 7) / 7, cross, cross * (ea + ep) / 2, cross * mass,
              what, differ, _repeat(x, y, days), _acts_apart(x, y),
              1.0 if kind_apart(x.kinds, y.kinds) else 0.0,
              max(min(days, WINDOW_DAYS) - LATE_DAYS, 0.0) / 7, _undated(x, y, days),
              _headline(x, y), max(min(days, WINDOW_DAYS) - TAIL_DAYS, 0.0) / 7,
              _acts_alike(x, y))
    return values, shared_a, shared_p


def score(x: Features, y: Features, model: Model | None = None) -> Score:
    model = model or default_model()
    days = abs(x.published - y.published) / DAY
    if days > WINDOW_DAYS:
        return Score(0.0, {}, days, 0.0, 0.0)
    values, shared_a, shared_p = _pair(x, y)
    total = _total(model, values)
    text = values[TEXT]
    if total < model.link_min:  # never stored, never explained
        return Score(total, {}, days, text, 0.0)
    return Score(total, dict(zip(PARTS, values, strict=True)), days, text,
                 *_shared(x, y, shared_a, shared_p))


def link(x: Features, y: Features, model: Model) -> tuple[float, str, int] | None:
    """`score`'s probability and reasons of a link to keep, and whether they say more than
    the time apart (`why`: 1 or 0), None below the model's link_min: the same values without
    the named parts (every candidate pair comes here)."""
    days = abs(x.published - y.published) / DAY
    if days > WINDOW_DAYS:
        return (0.0, time_apart(days), 0) if model.link_min <= 0 else None
    values, shared_a, shared_p = _pair(x, y)
    total = _total(model, values)
    if total < model.link_min:
        return None
    return total, *why(*_shared(x, y, shared_a, shared_p), days, values[TEXT])


def _total(model: Model, values: tuple[float, ...]) -> float:
    # six places: near-certain links differ in the fifth ("0.9997" for a whole range of
    # evidence), and a list ranked on a tie would fall back on which article came first
    return round(model._sigmoid(sum(map(operator.mul, model.vector, values))), 6)


def _shared(x: Features, y: Features, shared_a: list[str], shared_p: list[str],
            dup: float | None = None) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    """A kept link's copy similarity (`dup`, when the caller has it), what the two share (most
    telling first) and the event types both name."""
    weights = {f"a:{k}": min(x.actors[k], y.actors[k]) for k in shared_a} if shared_a else {}
    if shared_p:
        weights.update({f"p:{k}": min(x.places[k], y.places[k]) for k in shared_p})
    if dup is None:
        dup = jaccard(x.sig, y.sig) if x.script == y.script else 0.0
    named = x.shown & y.shown
    # one name or none is its own order (most kept links of a cold run share at most a place)
    return (dup, tuple(explain_order(weights, {x.lead, y.lead}) if len(weights) > 1
                       else weights), tuple(shared(x.what, y.what, named)) if named else ())


# ---------------------------------------------------------------- explaining


def explain_order(weights: dict[str, float], leads: set[str]) -> list[str]:
    """Protagonist first, then up to two more actors, the main place, then the rest."""
    ranked = sorted(weights, key=lambda k: (k not in leads, -weights[k], k))
    actors = [k for k in ranked if k.startswith("a:")]
    places = [k for k in ranked if k.startswith("p:") and place_kind(k[2:]) != "country"]
    head = [*actors[:3], *places[:1]]
    return head + [k for k in ranked if k not in head]


def _says_why(dup: float, shared: tuple[str, ...], what: tuple[str, ...], text: float) -> bool:
    """Whether `_why` writes more than the time apart: an actor, a place or an event type both
    share, the same copy, or text in common."""
    return bool(shared or what) or dup >= SAME_COPY or text >= TEXT_SAID


def time_apart(days: float) -> str:
    """The last of a link's reasons ("5 h apart"); kept.py words its stored codes alike."""
    hours = days * 24
    if hours < 1:
        return "same hour"
    if hours < 20:
        return f"{round(hours)} h apart"
    whole = max(1, round(days))
    return f"{whole} day{'s' if whole > 1 else ''} apart"


def reasons(s: Score, name: Callable[[str], str] = display_name, limit: int = 4) -> str:
    """E.g. "Shoigu, Pezeshkian, Tehran; both: talks; 5 h apart; text 0.41"."""
    return _why(s.dup, s.shared, s.what, s.days, s.text, name, limit)


def why(dup: float, shared: tuple[str, ...], what: tuple[str, ...], days: float, text: float,
        name: Callable[[str], str] = display_name) -> tuple[str, int]:
    """A kept link's reasons (`_why`) and whether they say more than the time apart: the
    flag is stored beside the text, so what a list shows is decided from the parts that
    scored (tui.core.related_items.shown), never read back from the words. A plain pair: a
    link row crosses from the pool's workers (a NamedTuple pickled four times slower). The
    flag is 1 or 0, not a bool: sqlite3 binds a bool (a subclass of int) through its adapter
    lookup, ~1 us a row: up to a fifth of the writer storing a cold run's 190k links."""
    return _why(dup, shared, what, days, text, name), int(_says_why(dup, shared, what, text))


def _why(dup: float, shared: tuple[str, ...], what: tuple[str, ...], days: float, text: float,
         name: Callable[[str], str] = display_name, limit: int = 4) -> str:
    out = []
    names: dict[str, None] = {}  # the first `limit` distinct names: the rest are not looked up
    for key in shared if limit > 0 else ():
        names[name(key)] = None
        if len(names) == limit:
            break
    if names:
        out.append(", ".join(names))
    if what:
        out.append("both: " + ", ".join(what))
    out.append(time_apart(days))
    if dup >= SAME_COPY:
        out.append(f"same copy {dup:.2f}")
    elif text >= TEXT_SAID:
        out.append(f"text {text:.2f}")
    return "; ".join(out)
