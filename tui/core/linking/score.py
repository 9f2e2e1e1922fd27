"""The link score: the probability that two articles report the same event, with reasons.

Pure (no SQL). Two articles' `Features` give named parts (shared people, states, places and
protagonists weighted by rarity and prominence; text similarity; days apart, and how far apart
the days their leads speak of are; whether they are in one script). A logistic model fitted on
labelled pairs (`fit.py`, weights in `weights.json` beside it) turns the parts into a
probability, so 0.5 reads "as likely the same event as not". Time is learned with the rest:
coverage of an event goes on for days as reactions and analysis, and the model says how fast
the odds fall, instead of a hard cut. The evidence is in tests/data/related_eval.md.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from tui.core.linking.features import Features
from tui.core.linking.names import display_name, place_kind
from tui.core.linking.text import jaccard

DAY = 86400.0
WINDOW_DAYS = 14.0  # candidates come from this far either side; the model decides how much
PARTS = ("actors", "states", "places", "focus", "mass", "lead", "clash", "text", "days",
         "logdays", "evgap", "cross", "cross_ent", "cross_mass")


@dataclass(frozen=True, slots=True)
class Model:
    """A fitted logistic model over named parts, and the thresholds that go with it."""

    name: str
    bias: float
    weights: Mapping[str, float]
    link_min: float  # a link less likely than this is not kept
    story_min: float  # average probability to a story's members needed to be in it
    info: Mapping[str, object] = field(default_factory=dict)  # how it was fitted

    def probability(self, parts: Mapping[str, float]) -> float:
        z = self.bias + sum(w * parts.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


WEIGHTS_FILE = "weights.json"


@cache
def models() -> dict[str, Model]:
    """The fitted models by name ("hybrid", the default; "tfidf", the text-only baseline)."""
    data = json.loads(resources.files("tui.core.linking").joinpath(WEIGHTS_FILE)
                      .read_text(encoding="utf-8"))
    return {name: Model(name, float(m["bias"]), {k: float(v) for k, v in m["weights"].items()},
                        float(m["link_min"]), float(m["story_min"]), m.get("info", {}))
            for name, m in data["models"].items()}


def default_model() -> Model:
    return models()["hybrid"]


@dataclass(frozen=True, slots=True)
class Score:
    total: float  # the probability, rounded
    parts: Mapping[str, float]
    days: float
    text: float
    dup: float
    shared: tuple[str, ...] = ()  # "a:id" / "p:id", most telling first; empty below link_min


def _ruzicka(x: dict[str, float], y: dict[str, float]) -> tuple[float, float, list[str]]:
    """Weighted Jaccard, the shared mass, and the shared keys (sorted: the same sum to the
    last bit whatever the hash seed)."""
    shared = sorted(x.keys() & y.keys())
    if not shared:
        return 0.0, 0.0, []
    top = sum(map(min, map(x.__getitem__, shared), map(y.__getitem__, shared)))
    bottom = sum(x.values()) + sum(y.values()) - top
    return (top / bottom if bottom else 0.0), top, shared


def _clash(x: Features, y: Features) -> bool:
    """Different protagonists, neither in the other's headline: two stories that meet."""
    if not (x.lead and y.lead and x.heads and y.heads) or x.lead == y.lead:
        return False
    return x.lead not in y.heads and y.lead not in x.heads


def parts(x: Features, y: Features) -> tuple[dict[str, float], list[str]]:
    """The named parts of a pair, and the shared actors and places ("a:id", "p:id")."""
    days = abs(x.published - y.published) / DAY
    ea, mass_a, shared_a = _ruzicka(x.actors, y.actors)
    _es, mass_s, _shared_s = _ruzicka(x.states, y.states)
    ep, mass_p, shared_p = _ruzicka(x.places, y.places)
    ef, _mass_f, _shared_f = _ruzicka(x.focus, y.focus)
    cross = 0.0 if x.script == y.script else 1.0
    text = 0.0
    if not cross:  # words only mean something within one script
        both = sorted(x.terms.keys() & y.terms.keys())
        text = sum(map(operator.mul, map(x.terms.__getitem__, both),
                       map(y.terms.__getitem__, both)))
    mass = math.log1p(mass_a + mass_p)
    values = {
        # states by the rarity of what is shared, not its share: two articles naming only
        # Russia and Ukraine have all their states in common, and that says little
        "actors": ea, "states": math.log1p(mass_s), "places": ep, "focus": ef, "mass": mass,
        "lead": 1.0 if x.lead and x.lead == y.lead else 0.0,
        "clash": 1.0 if _clash(x, y) else 0.0, "text": text,
        "days": min(days, WINDOW_DAYS) / 7, "logdays": math.log1p(days),
        "evgap": min(abs(x.day - y.day), 7) / 7, "cross": cross,
        "cross_ent": cross * (ea + ep) / 2, "cross_mass": cross * mass}
    weights = {f"a:{k}": min(x.actors[k], y.actors[k]) for k in shared_a}
    weights.update({f"p:{k}": min(x.places[k], y.places[k]) for k in shared_p})
    return values, _explain_order(weights, {x.lead, y.lead})


def score(x: Features, y: Features, model: Model | None = None) -> Score:
    model = model or default_model()
    days = abs(x.published - y.published) / DAY
    if days > WINDOW_DAYS:
        return Score(0.0, {}, days, 0.0, 0.0)
    values, shared = parts(x, y)
    total = round(model.probability(values), 4)
    if total < model.link_min:  # never stored, never explained
        return Score(total, values, days, values["text"], 0.0)
    dup = jaccard(x.sig, y.sig) if x.script == y.script else 0.0
    return Score(total, values, days, values["text"], dup, tuple(shared))


# ---------------------------------------------------------------- explaining


def _explain_order(weights: dict[str, float], leads: set[str]) -> list[str]:
    """Protagonist first, then up to two more actors, the main place, then the rest."""
    ranked = sorted(weights, key=lambda k: (k not in leads, -weights[k], k))
    actors = [k for k in ranked if k.startswith("a:")]
    places = [k for k in ranked if k.startswith("p:") and place_kind(k[2:]) != "country"]
    head = [*actors[:3], *places[:1]]
    return head + [k for k in ranked if k not in head]


def _apart(days: float) -> str:
    hours = days * 24
    if hours < 1:
        return "same hour"
    if hours < 20:
        return f"{round(hours)} h apart"
    whole = max(1, round(days))
    return f"{whole} day{'s' if whole > 1 else ''} apart"


def reasons(s: Score, name: Callable[[str], str] = display_name, limit: int = 4) -> str:
    """E.g. "Shoigu, Pezeshkian, Tehran; 5 h apart; text 0.41"."""
    out = []
    names = list(dict.fromkeys(name(k) for k in s.shared))[:limit]
    if names:
        out.append(", ".join(names))
    out.append(_apart(s.days))
    if s.dup >= 0.5:
        out.append(f"same copy {s.dup:.2f}")
    elif s.text >= 0.05:
        out.append(f"text {s.text:.2f}")
    return "; ".join(out)
