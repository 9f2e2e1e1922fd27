"""Event features and the link score: do two articles report the same event?

Pure (no SQL). An article becomes `Features`: salience-weighted actors and places, TF-IDF term
weights and a MinHash signature, with rarity (IDF) frozen at index time so a stored vector never
needs the corpus again. Two articles score high when they name the same rare actors and places
*prominently* (in the title or lead, repeatedly), use the same rare words, and appeared within a
few days of each other. Sharing people is not enough: Shoigu in Tehran and Shoigu in Pyongyang
share him but not the place or the week; Haniyeh's killing and Pezeshkian's inauguration share
both but each names a different protagonist in its headline. The evidence for the method is in
tests/data/related_eval.md.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tui.core.linking.text import jaccard, lsh_keys, place_matcher, text_parts

DAY = 86400.0
WINDOW_DAYS = 4.5  # never link further apart than this
COUNTRY_WEIGHT = 0.4  # countries rarely pin an event; cities and regions do
TOP_TERMS = 12  # salient terms per article used as candidate keys
MAX_TERMS = 60  # stored per article: the rest barely moves a cosine
LEAD_CHARS = 250  # a name this early in the body is in the lead


@dataclass(frozen=True, slots=True)
class Method:
    """Weights of the score's named parts; `hybrid` is the default, the others are baselines."""

    name: str
    actors: float
    places: float
    focus: float  # the protagonists: entities in the headline or lead
    lead: float  # both put the same protagonist first
    clash: float  # entity evidence kept when the headlines are about different protagonists
    text: float
    dup: float
    decay: float  # share of the score lost per day apart
    link_min: float  # weaker links are not stored
    story_min: float  # average link to a story's members needed to join it


HYBRID = Method("hybrid", actors=0.3, places=0.2, focus=0.25, lead=0.1, clash=0.6, text=0.25,
                dup=0.3, decay=0.08, link_min=0.1, story_min=0.12)
TFIDF = Method("tfidf", actors=0.0, places=0.0, focus=0.0, lead=0.0, clash=1.0, text=1.0,
               dup=0.0, decay=0.08, link_min=0.03, story_min=0.06)
MINHASH = Method("minhash", actors=0.0, places=0.0, focus=0.0, lead=0.0, clash=1.0, text=0.0,
                 dup=1.0, decay=0.08, link_min=0.01, story_min=0.03)
METHODS = {m.name: m for m in (HYBRID, TFIDF, MINHASH)}


@dataclass(frozen=True, slots=True)
class Features:
    published: float  # epoch seconds
    script: str
    actors: dict[str, float]  # id -> idf * salience
    places: dict[str, float]
    focus: dict[str, float]  # "a:id"/"p:id" in the headline or lead -> idf * prominence
    terms: dict[str, float]  # stem -> idf * log(1 + tf), L2-normalised
    sig: tuple[int, ...]
    lead: str = ""  # the protagonist: the most prominent person/org (or place), "a:id"
    heads: tuple[str, ...] = ()  # "a:id"/"p:id" named in the headline

    def dumps(self) -> str:
        return json.dumps({"s": self.script, "a": self.actors, "p": self.places, "f": self.focus,
                           "t": self.terms, "m": self.sig, "l": self.lead, "h": self.heads},
                          separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def loads(cls, published: float, text: str) -> Features:
        d = json.loads(text)
        return cls(published, d["s"], d["a"], d["p"], d["f"], d["t"], tuple(d["m"]), d["l"],
                   tuple(d["h"]))

    def index_keys(self) -> list[str]:
        """Inverted-index keys: actors and places (not states), the rarest terms, LSH bands."""
        top = sorted(self.terms.items(), key=lambda kv: -kv[1])[:TOP_TERMS]
        return ([f"a:{a}" for a in self.actors if actor_kind(a) != "state"]
                + [f"p:{p}" for p in self.places if place_kind(p) != "country"]
                + [f"t:{t}" for t, _w in top] + lsh_keys(self.sig))


@dataclass(frozen=True, slots=True)
class Raw:
    """What an article contributes before rarity is known: counts and salience."""

    script: str
    actors: dict[str, float]
    places: dict[str, float]
    focus: dict[str, float]
    terms: dict[str, int]
    sig: tuple[int, ...]
    lead: str
    heads: tuple[str, ...]

    def df_keys(self) -> list[str]:
        return ([f"a:{a}" for a in self.actors] + [f"p:{p}" for p in self.places]
                + [f"t:{t}" for t in self.terms])


def salience(count: int, in_title: bool, early: bool) -> float:
    """A name in the headline or lead, or repeated, says what the story is about."""
    return 0.5 + 0.5 * math.log2(1 + count) + (1.0 if in_title else 0.0) + (0.5 if early else 0.0)


def _lower_word(text: str) -> bool:
    return text.islower() and " " not in text.strip()


def _prominence(in_title: bool, early: bool) -> float:
    return 2.0 if in_title else 1.0 if early else 0.0


def raw_features(title: str, body: str, actor_rows: list[tuple[str, int, str]]) -> Raw:
    """From the text and the article's actor_mentions rows (actor_id, count, spans JSON)."""
    kinds = {row[0]: actor_kind(row[0]) for row in actor_rows}  # not all 383 per article
    actors, places, focus = {}, {}, {}
    fields = {"title": title, "body": body}
    heads: list[str] = []
    for actor_id, count, spans_json in actor_rows:
        spans = json.loads(spans_json) if spans_json else []
        # A lone lower-case word ("leader") is a descriptive form, not a name: too weak here.
        weak = [s for s in spans if _lower_word(fields.get(s[0], "")[s[1]:s[2]])]
        spans = [s for s in spans if s not in weak]
        count -= len(weak)
        if count <= 0 or kinds.get(actor_id) == "media":  # "TASS reported" is no event actor
            continue
        in_title = any(s[0] == "title" for s in spans)
        early = any(s[0] == "body" and s[1] < LEAD_CHARS for s in spans)
        damp = COUNTRY_WEIGHT if kinds.get(actor_id) == "state" else 1.0
        actors[actor_id] = salience(count, in_title, early) * damp
        if prominence := _prominence(in_title, early) * damp:
            focus[f"a:{actor_id}"] = prominence
        if in_title:
            heads.append(f"a:{actor_id}")
    known = place_matcher().places
    parts = text_parts(title, body)  # one tokenisation for places, terms and MinHash
    for place_id, (count, in_title, early) in parts.places.items():
        if place_id in actors:  # a state the actor gazetteer already counted ("iran")
            continue
        damp = COUNTRY_WEIGHT if known[place_id].kind == "country" else 1.0
        places[place_id] = salience(count, in_title, early) * damp
        if prominence := _prominence(in_title, early) * damp:
            focus[f"p:{place_id}"] = prominence
        if in_title:
            heads.append(f"p:{place_id}")
    return Raw(parts.script, actors, places, focus, dict(parts.terms), parts.sig,
               _protagonist(actors, places, kinds, known), tuple(heads))


def _protagonist(actors: dict[str, float], places: dict[str, float], kinds: dict[str, str],
                 known: Mapping[str, Any]) -> str:
    """Who the story is about: the most prominent non-state actor, else the main place."""
    people = {f"a:{a}": s for a, s in actors.items() if kinds.get(a) != "state"}
    spots = {f"p:{p}": s for p, s in places.items() if known[p].kind != "country"}
    pool = people or spots
    return min(pool, key=lambda k: (-pool[k], k)) if pool else ""


def idf(df: int, docs: int) -> float:
    return max(0.1, math.log((docs + 1) / (df + 0.5)))


def weigh(raw: Raw, published: datetime, df: Mapping[str, int], docs: int) -> Features:
    """Freeze rarity into the vectors (so stored features never need the corpus again)."""
    def w(prefix: str, key: str) -> float:
        return idf(df.get(f"{prefix}:{key}", 0), docs)

    vec = {t: w("t", t) * math.log1p(c) for t, c in raw.terms.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return Features(
        published=published.timestamp(), script=raw.script,
        actors={a: round(s * w("a", a), 3) for a, s in raw.actors.items()},
        places={p: round(s * w("p", p), 3) for p, s in raw.places.items()},
        focus={k: round(s * w(*k.split(":", 1)), 3) for k, s in raw.focus.items()},
        terms={t: round(v / norm, 3) for t, v in
               sorted(vec.items(), key=lambda kv: -kv[1])[:MAX_TERMS]},
        sig=raw.sig, lead=raw.lead, heads=raw.heads)


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class Score:
    total: float
    actors: float
    places: float
    focus: float  # the protagonists: entities in the headline or lead
    lead: float  # 1 when both put the same protagonist first
    text: float
    dup: float
    days: float
    shared: tuple[str, ...]  # "a:id" / "p:id", most telling first; empty below link_min


def _ruzicka(x: dict[str, float], y: dict[str, float]) -> tuple[float, float, list[str]]:
    """Weighted Jaccard, the shared mass, and the shared keys (sorted: the same sum to the
    last bit whatever the hash seed)."""
    shared = sorted(x.keys() & y.keys())
    if not shared:
        return 0.0, 0.0, []
    top = sum(map(min, map(x.__getitem__, shared), map(y.__getitem__, shared)))
    bottom = sum(x.values()) + sum(y.values()) - top
    return (top / bottom if bottom else 0.0), top, shared


def _explain_order(weights: dict[str, float], leads: set[str]) -> list[str]:
    """Protagonist first, then up to two more actors, the main place, then the rest."""
    ranked = sorted(weights, key=lambda k: (k not in leads, -weights[k], k))
    actors = [k for k in ranked if k.startswith("a:")]
    places = [k for k in ranked if k.startswith("p:") and place_kind(k[2:]) != "country"]
    head = [*actors[:3], *places[:1]]
    return head + [k for k in ranked if k not in head]


def _clash(x: Features, y: Features) -> bool:
    """Different protagonists, neither in the other's headline: two stories that meet."""
    if not (x.lead and y.lead and x.heads and y.heads) or x.lead == y.lead:
        return False
    return x.lead not in y.heads and y.lead not in x.heads


def _confidence(mass: float) -> float:
    """Two articles that each name one common person are not yet the same story."""
    return 1.0 - math.exp(-mass / 3.0)


def score(x: Features, y: Features, method: Method = HYBRID) -> Score:
    days = abs(x.published - y.published) / DAY
    if days > WINDOW_DAYS:
        return Score(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, days, ())
    ea, mass_a, shared_a = _ruzicka(x.actors, y.actors)
    ep, mass_p, shared_p = _ruzicka(x.places, y.places)
    ef, _mass_f, _shared_f = _ruzicka(x.focus, y.focus)
    conf = _confidence(mass_a + mass_p)
    same_script = x.script == y.script
    # Only the shared terms matter in the dot product: a C-level key intersection finds them.
    # (sorted: the same sum to the last bit whatever the hash seed)
    both = sorted(x.terms.keys() & y.terms.keys()) if same_script else []
    text = sum(map(operator.mul, map(x.terms.__getitem__, both), map(y.terms.__getitem__, both)))
    dup = jaccard(x.sig, y.sig) if same_script else 0.0
    wa, wp, wf, wt = method.actors, method.places, method.focus, method.text
    same_lead = 1.0 if x.lead and x.lead == y.lead else 0.0
    if _clash(x, y):  # each headline is about someone the other's headline does not name
        conf *= method.clash
    if not same_script and wa + wp + wf > 0:  # no words in common to compare: entities carry it
        scale = (wa + wp + wf + wt) / (wa + wp + wf)
        wa, wp, wf, wt = wa * scale, wp * scale, wf * scale, 0.0
    fresh = max(0.0, 1.0 - method.decay * days)
    ea, ep, ef = ea * conf, ep * conf, ef * conf
    total = round(fresh * (wa * ea + wp * ep + wf * ef + method.lead * same_lead * conf
                           + wt * text + method.dup * dup), 4)
    shared: list[str] = []
    if total >= method.link_min:  # only a link that is kept is ever explained
        weights = {f"a:{k}": min(x.actors[k], y.actors[k]) for k in shared_a}
        weights.update({f"p:{k}": min(x.places[k], y.places[k]) for k in shared_p})
        shared = _explain_order(weights, {x.lead, y.lead})
    return Score(total, ea, ep, ef, same_lead, text, dup, days, tuple(shared))


# ---------------------------------------------------------------- explaining


_names: dict[str, dict[str, tuple[str, str]]] = {}


def _actors() -> dict[str, tuple[str, str]]:
    """actor id -> (short display name, kind), from the gazetteer in use (the user's actors
    included), computed once per gazetteer."""
    from tui.core.actors.gazetteer import in_use

    gazetteer = in_use()
    if gazetteer.content_hash not in _names:

        def short(a: Any) -> str:
            if a.kind != "person":
                return str(a.acronyms[0] if a.acronyms and len(a.name) > 24 else a.name)
            return str(a.surnames[0] if a.surnames else a.name.split()[-1])

        _names.clear()
        _names[gazetteer.content_hash] = {a.id: (short(a), a.kind)
                                          for a in gazetteer.actors.values()}
    return _names[gazetteer.content_hash]


def actor_kind(actor_id: str) -> str:
    known = _actors().get(actor_id)
    return known[1] if known else ""


def place_kind(place_id: str) -> str:
    place = place_matcher().places.get(place_id)
    return place.kind if place else ""


def display_name(key: str) -> str:
    kind, _, ident = key.partition(":")
    if kind == "p":
        place = place_matcher().places.get(ident)
        return place.name if place else ident
    known = _actors().get(ident)
    return known[0] if known else ident.replace("-", " ").title()


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
    parts = []
    names = list(dict.fromkeys(name(k) for k in s.shared))[:limit]
    if names:
        parts.append(", ".join(names))
    parts.append(_apart(s.days))
    if s.dup >= 0.5:
        parts.append(f"same copy {s.dup:.2f}")
    elif s.text >= 0.05:
        parts.append(f"text {s.text:.2f}")
    return "; ".join(parts)
