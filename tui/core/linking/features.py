"""An article's event features: who, where, what words, when, with rarity frozen in.

Pure (no SQL). The text half of linking (`raw_features`, in a worker process) turns an article
into counts and salience; the writer freezes rarity (IDF over the cache) into `Features` when it
stores them, so a stored vector never needs the corpus again. Salience: a name in the headline
or lead, or repeated, says more about what the story is than one in passing. States are kept
apart from people and organisations, and places apart from countries: the score weighs each
kind on its own (sharing Iran says little; sharing Haniyeh or Hodeidah says a lot). News
agencies cited as sources ("TASS reported", gazetteer kind `media`) are no event actors.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from operator import and_, eq, ge, gt, itemgetter
from types import SimpleNamespace
from typing import Any, TypeVar

from orjson import dumps as _fast_dumps

from tui.core.actors.demonyms import native_demonym
from tui.core.jsonfast import loads
from tui.core.linking.acts import signature
from tui.core.linking.minhash import lsh_keys, minhash_many
from tui.core.linking.names import (
    actor_fact,
    actor_facts,
    described_body,
)
from tui.core.linking.parts import text_parts
from tui.core.linking.text import place_matcher
from tui.core.linking.what import headline_kinds, main_type, profile, shown, unit
from tui.core.linking.when import lead_day, repeats
from tui.core.span_reads import span_lists

TOP_TERMS = 12  # salient terms per article used as candidate keys
MAX_TERMS = 60  # stored per article: the rest barely moves a cosine
RAW_TERMS = 200  # the most frequent terms an article keeps (a long one has several hundred)
LEAD_CHARS = 250  # a name this early in the body is in the lead
STATE_FOCUS = 0.4  # a state in the headline is a weak protagonist ("Iran", "Russia")
# a body of at most this many words is a feed's summary (round 46: the real feeds' summaries,
# 75% under 49 words, few past 59; the set's bodies none under 61): its headline is most of
# its text, so the headlines' shared words (`score._headline`) are not read for it
SUMMARY_WORDS = 60
V = TypeVar("V", int, float)


@dataclass(frozen=True, slots=True)
class Features:
    published: float  # epoch seconds
    script: str
    actors: dict[str, float]  # person/org id -> idf * salience
    states: dict[str, float]  # state actor or country place id -> idf * salience
    places: dict[str, float]  # city/region/water id -> idf * salience
    focus: dict[str, float]  # "a:id"/"p:id" in the headline or lead -> idf * prominence
    terms: dict[str, float]  # stem -> idf * log(1 + tf), L2-normalised
    sig: tuple[int, ...]
    lead: str = ""  # the protagonist: the most prominent person/org (or place), "a:id"
    heads: tuple[str, ...] = ()  # "a:id"/"p:id" named in the headline
    day: int = 0  # the day the lead speaks of (days since 1970-01-01 UTC)
    what: dict[str, float] = field(default_factory=dict)  # event type -> unit weight (what.py)
    repeat: bool = False  # the headline says its event repeats an earlier one (when.repeats)
    acts: frozenset[str] = frozenset()  # "type a:id" read sentence by sentence (acts.py)
    kinds: int = 0  # the kinds of event the headline names (what.headline_kinds)
    undated: bool = False  # written back undated: no day in the lead, no live page (when.py)
    head_terms: frozenset[str] = frozenset()  # the headline's own terms (`score._headline`)
    summary: bool = False  # a body of at most SUMMARY_WORDS words: `headline` is 0, no terms
    # sums of actors, states, places, focus: every pair scored needs them (not stored)
    sums: tuple[float, float, float, float] = field(default=(0.0, 0.0, 0.0, 0.0),
                                                    compare=False)
    # the main event type, and the types worth naming in reasons (derived from `what`)
    main: str = field(default="", compare=False)
    shown: frozenset[str] = field(default=frozenset(), compare=False)
    # the terms' keys sorted (`sorted_terms`): a pair's shared terms in the order their
    # products are summed
    term_keys: tuple[str, ...] | None = field(default=None, init=False, compare=False,
                                              repr=False)
    # where a scoring process holds its dict fields coded (`sparse.Codes`: the generation,
    # the slot): coded once per article, not once per job
    coded: tuple[int, int] | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sums", (sum(self.actors.values()), sum(self.states.values()),
                                          sum(self.places.values()), sum(self.focus.values())))
        object.__setattr__(self, "main", main_type(self.what))
        object.__setattr__(self, "shown", shown(self.what))

    def sorted_terms(self) -> tuple[str, ...]:
        """The terms' keys sorted, made on first use: most features decoded are on the short
        side of only a few of their pairs, and those weighed are never scored where made."""
        keys = self.term_keys
        if keys is None:
            keys = tuple(sorted(self.terms))
            object.__setattr__(self, "term_keys", keys)
        return keys

    def dumps(self) -> str:
        return _dumps(self)

    @classmethod
    def loads(cls, published: float, text: str) -> Features:
        d = loads(text)
        return cls(published, d["s"], d["a"], d["st"], d["p"], d["f"], d["t"], tuple(d["m"]),
                   d["l"], tuple(d["h"]), d["d"], d.get("w", {}), bool(d.get("r")),
                   frozenset(d.get("o", ())), d.get("k", 0), bool(d.get("u")),
                   frozenset(d.get("ht", ())), bool(d.get("sm")))

    def index_keys(self) -> list[str]:
        """Inverted-index keys: actors, states and places, the rarest terms, LSH bands. States
        weigh little in the search (they are common) but are what a short report in another
        script may share with the rest of the coverage."""
        return index_keys(self)


@dataclass(frozen=True, slots=True)
class Raw:
    """What an article contributes before rarity is known: counts and salience."""

    script: str
    actors: dict[str, float]
    states: dict[str, float]
    places: dict[str, float]
    focus: dict[str, float]
    terms: dict[str, int]
    sig: tuple[int, ...]
    lead: str
    heads: tuple[str, ...]
    day: int = 0
    what: dict[str, float] = field(default_factory=dict)  # event type -> headline/lead weight
    repeat: bool = False  # the headline says its event repeats an earlier one (when.repeats)
    acts: tuple[str, ...] = ()  # "type a:id" read sentence by sentence (acts.py), sorted
    kinds: int = 0  # the kinds of event the headline names (what.headline_kinds)
    undated: bool = False  # written back undated: no day in the lead, no live page (when.py)
    head_terms: tuple[str, ...] = ()  # the headline's own terms, sorted (parts.TextParts)
    summary: bool = False  # a body of at most SUMMARY_WORDS words (a feed's summary)

    def df_keys(self) -> list[str]:
        return ([f"a:{a}" for a in self.actors] + [f"s:{s}" for s in self.states]
                + [f"p:{p}" for p in self.places] + [f"t:{t}" for t in self.terms])

    def dumps(self) -> str:
        """Kept beside the features, to weigh them again when rarity has moved."""
        return _dumps(self)

    @classmethod
    def loads(cls, text: str) -> Raw:
        d = loads(text)
        return cls(d["s"], d["a"], d["st"], d["p"], d["f"], d["t"], tuple(d["m"]), d["l"],
                   tuple(d["h"]), d["d"], d.get("w", {}), bool(d.get("r")), tuple(d.get("o", ())),
                   d.get("k", 0), bool(d.get("u")), tuple(d.get("ht", ())), bool(d.get("sm")))


def _dumps(f: Features | Raw | SimpleNamespace) -> str:
    """The stored form both share (Features adds only its publication time, stored apart).
    Stored before event types were read ("w" absent): no type, so no evidence either way;
    "r" only when the headline says its event repeats another (absent: it does not).
    Written by orjson (4 us, json's 32 us; the same text for all 20k features and raws of the
    10k bench run: a float would differ only in an exponent's form, 1e-5 for 1e-05, and read
    back the same), json for what it refuses (ints past 64 bits)."""
    d = {"s": f.script, "a": f.actors, "st": f.states, "p": f.places, "f": f.focus,
         "t": f.terms, "m": f.sig, "l": f.lead, "h": f.heads, "d": f.day, "w": f.what}
    if f.repeat:  # rare: stored only when set
        d["r"] = True
    if f.acts:  # absent: stored before acts.py, or none read
        d["o"] = sorted(f.acts)
    if f.kinds:  # absent: stored before headline kinds were read, or none named
        d["k"] = f.kinds
    if f.undated:  # absent: stored before it was read (a new linker relinks the fortnight)
        d["u"] = True
    if f.head_terms:  # absent: stored before headlines' terms were kept (the relink reads them)
        d["ht"] = sorted(f.head_terms)
    if f.summary:  # absent: a longer body, or stored before (no "ht" either: the part is 0)
        d["sm"] = True
    try:
        return _fast_dumps(d).decode()
    except TypeError:
        return json.dumps(d, separators=(",", ":"), ensure_ascii=False)


def salience(count: int, in_title: bool, early: bool) -> float:
    """A name in the headline or lead, or repeated, says what the story is about."""
    return 0.5 + 0.5 * math.log2(1 + count) + (1.0 if in_title else 0.0) + (0.5 if early else 0.0)


def _weak(words: str, actor_id: str, listed: bool) -> bool:
    """A mention too weak to weigh: a lone lower-case word, or a listed body's words that
    are none of its names."""
    return (words.islower() and " " not in words.strip()) or (
        listed and described_body(actor_id, words))


def _prominence(in_title: bool, early: bool) -> float:
    return 2.0 if in_title else 1.0 if early else 0.0


def raw_features(title: str, body: str, actor_rows: list[tuple[str, int, str]],
                 published: datetime | None = None) -> Raw:
    """From the text and the article's actor_mentions rows (actor_id, count, spans JSON)."""
    return unsigned_features(title, body, actor_rows, published, True)[0]


def signed_features(items: list[tuple[str, str, list[tuple[str, int, str]], datetime | None]]
                    ) -> list[Raw]:
    """`raw_features` of each (title, body, actor rows, published), the MinHash signatures
    made together (`minhash_many`: a pool job's numpy calls made once, not once an article)."""
    unsigned = [_raw_fields(*item) for item in items]
    sigs = minhash_many([words for _fields, words in unsigned])
    # each Raw made once, with its signature (a `replace` per article made it twice)
    for (fields, _words), sig in zip(unsigned, sigs, strict=True):
        fields[_SIG] = sig
    return [Raw(*fields) for fields, _words in unsigned]


def unsigned_features(title: str, body: str, actor_rows: list[tuple[str, int, str]],
                      published: datetime | None = None, signed: bool = False
                      ) -> tuple[Raw, list[str]]:
    """`raw_features`, without its signature unless `signed`, and the words to sign."""
    fields, words = _raw_fields(title, body, actor_rows, published, signed)
    return Raw(*fields), words


_SIG = 6  # the signature's place among Raw's fields (`_raw_fields`)


def _raw_fields(title: str, body: str, actor_rows: list[tuple[str, int, str]],
                published: datetime | None = None, signed: bool = False
                ) -> tuple[list[Any], list[str]]:
    """`unsigned_features`' Raw as its fields, in order, and the words to sign."""
    facts = actor_facts()  # each actor's kind, and whether it drives links, asked once
    actors: dict[str, float] = {}
    states: dict[str, float] = {}
    places: dict[str, float] = {}
    focus: dict[str, float] = {}
    fields = {"title": title, "body": body}
    heads: list[str] = []
    linking: list[tuple[str, str]] = []  # the actors that may drive links, with their spans
    for actor_id, count, spans_json in actor_rows:
        kind, drives, listed = facts.get(actor_id) or actor_fact(facts, actor_id)
        if not drives:
            continue  # a made body or a non-driving kind: its spans need no reading
        spans = span_lists(spans_json)
        state = kind == "state"
        # A Russian, Arabic or Persian demonym's state ("الطائرات الإسرائيلية") is shown only.
        if state and (native := [
                s for s in spans if native_demonym(fields.get(s[0], "")[s[1]:s[2]])]):
            spans = [s for s in spans if s not in native]
            count -= len(native)
            spans_json = _fast_dumps(spans).decode()
        linking.append((actor_id, spans_json))
        # A lone lower-case word ("leader") is a descriptive form, not a name: too weak here;
        # so are a listed body's words that are none of its names (`names.described_body`).
        weak = ([s for s in spans if _weak(fields.get(s[0], "")[s[1]:s[2]], actor_id, True)]
                if listed else [s for s in spans if (w := fields.get(s[0], "")[s[1]:s[2]])
                                .islower() and " " not in w.strip()])  # `_weak`, inlined
        if weak:
            spans = [s for s in spans if s not in weak]
            count -= len(weak)
        if count <= 0:
            continue
        in_title = early = False  # named in the headline, in the lead
        for s in spans:
            if s[0] == "title":
                in_title = True
            elif s[0] == "body" and s[1] < LEAD_CHARS:
                early = True
        (states if state else actors)[actor_id] = salience(count, in_title, early)
        if prominence := _prominence(in_title, early) * (STATE_FOCUS if state else 1.0):
            focus[f"a:{actor_id}"] = prominence
        if in_title:
            heads.append(f"a:{actor_id}")
    known = place_matcher().places
    parts = text_parts(title, body, signed)  # one tokenisation for places, terms and MinHash
    for place_id, (count, in_title, early) in parts.places.items():
        if place_id in states or place_id in actors:  # a state the gazetteer counted ("iran")
            continue
        country = known[place_id].kind == "country"
        (states if country else places)[place_id] = salience(count, in_title, early)
        if prominence := _prominence(in_title, early) * (STATE_FOCUS if country else 1.0):
            focus[f"p:{place_id}"] = prominence
        if in_title:
            heads.append(f"p:{place_id}")
    day, undated = (lead_day(title, body, published.timestamp()) if published is not None
                    else (0, False))
    terms = dict(heaviest(parts.terms, RAW_TERMS))
    headline_places = [p for p, (_n, in_title, _early) in parts.places.items() if in_title]
    return [parts.script, actors, states, places, focus, terms, parts.sig,
            _protagonist(actors, places), tuple(heads), day, profile(title, body),
            repeats(title), signature(title, body, linking, headline_places, parts.body_places),
            headline_kinds(title), undated, parts.head_terms,
            parts.body_words <= SUMMARY_WORDS], parts.words or []


def _protagonist(actors: dict[str, float], places: dict[str, float]) -> str:
    """Who the story is about: the most prominent person or organisation, else the main place."""
    pool = {f"a:{a}": s for a, s in actors.items()} or {f"p:{p}": s for p, s in places.items()}
    return min(pool, key=lambda k: (-pool[k], k)) if pool else ""


def heaviest(weights: Mapping[str, V], n: int) -> list[tuple[str, V]]:
    """The `n` heaviest items, ties by key: sorted by key, then stably by weight descending
    (two sorts in C; a (-weight, key) lambda per item was a sixth of weighing)."""
    by_key = sorted(weights.items(), key=itemgetter(0))
    return sorted(by_key, key=itemgetter(1), reverse=True)[:n]


def idf(df: int, docs: int) -> float:
    return max(0.1, math.log((docs + 1) / (df + 0.5)))


def term_idf(df: Mapping[str, int], docs: int) -> dict[str, float]:
    """Each key's idf in `df` for `weigh`, a term's by the term (no word holds a colon), a name's
    by its key ("a:id"): a job's articles share most (per term and article: half of weighing)."""
    log, size = math.log, docs + 1
    return {k[2:] if k[:2] == "t:" else k: max(0.1, log(size / (n + 0.5))) for k, n in df.items()
            if k}  # not the documents' count, "", which a term "" ("t:") would meet


def weigh(raw: Raw, published: datetime, df: Mapping[str, int], docs: int,
          terms_idf: Mapping[str, float] | None = None) -> Features:
    """Freeze rarity into the vectors (so stored features never need the corpus again).
    `terms_idf`: `term_idf(df, docs)`, when many articles are weighed with one `df`."""
    return Features(**_weighed(raw, published, df, docs, terms_idf))


def weighed_text(raw: Raw, published: datetime, df: Mapping[str, int], docs: int,
                 terms_idf: Mapping[str, float] | None = None) -> tuple[str, list[str]]:
    """`weigh(...).dumps()` and its `index_keys()`, without making the Features (its derived
    fields, unused by the writer, were a tenth of weighing a cold run)."""
    fields = SimpleNamespace(**_weighed(raw, published, df, docs, terms_idf))
    return _dumps(fields), index_keys(fields)


def _weighed(raw: Raw, published: datetime, df: Mapping[str, int], docs: int,
             terms_idf: Mapping[str, float] | None) -> dict[str, Any]:
    """The fields of `weigh`'s Features."""
    def w(prefix: str, key: str, named: Any = (terms_idf or {}).get) -> float:  # never 0
        return named(f"{prefix}:{key}") or idf(df.get(f"{prefix}:{key}", 0), docs)

    def focus_w(key: str) -> float:
        kind, ident = key.split(":", 1)
        return w("s", ident) if ident in raw.states else w(kind, ident)

    # terms are most of the keys (up to RAW_TERMS each): idf inlined, the same floats
    log, log1p, size = math.log, math.log1p, docs + 1
    if terms_idf is None:
        vec = {t: max(0.1, log(size / (df.get("t:" + t, 0) + 0.5))) * log1p(c)
               for t, c in raw.terms.items()}
    else:  # the same floats, each term's idf computed once per job
        unseen, known = max(0.1, log(size / 0.5)), terms_idf.get
        vec = {t: known(t, unseen) * log1p(c) for t, c in raw.terms.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    day = raw.day or math.floor(published.timestamp() / 86400)
    return {"published": published.timestamp(), "script": raw.script,
            "actors": {a: round(s * w("a", a), 3) for a, s in raw.actors.items()},
            "states": {a: round(s * w("s", a), 3) for a, s in raw.states.items()},
            "places": {p: round(s * w("p", p), 3) for p, s in raw.places.items()},
            "focus": {k: round(s * focus_w(k), 3) for k, s in raw.focus.items()},
            "terms": {t: round(v / norm, 3) for t, v in heaviest(vec, MAX_TERMS)},
            "sig": raw.sig, "lead": raw.lead, "heads": raw.heads, "day": day,
            "what": unit(raw.what), "repeat": raw.repeat, "acts": frozenset(raw.acts),
            "kinds": raw.kinds, "undated": raw.undated, "summary": raw.summary,
            # a summary's are never read (`score._headline`): not stored, decoded or coded
            "head_terms": frozenset() if raw.summary else frozenset(raw.head_terms)}


def index_keys(f: Features | SimpleNamespace) -> list[str]:
    """`Features.index_keys` of `f` (or of its fields)."""
    return ([f"a:{a}" for a in f.actors] + [f"s:{s}" for s in f.states]
            + [f"p:{p}" for p in f.places] + [f"t:{t}" for t, _w in _top(f.terms, TOP_TERMS)]
            + lsh_keys(f.sig))


def _top(weights: Mapping[str, float], n: int) -> list[tuple[str, float]]:
    """`heaviest(weights, n)`, mostly without sorting: weights held heaviest first (weighed
    terms are, by weight before rounding) are sorted again only if a tie among the first n,
    or across the n-th, is out of key order (or if they are not heaviest first at all)."""
    values = list(weights.values())
    if not all(map(ge, values[:-1], values[1:])):
        return heaviest(weights, n)
    end = min(n, len(values))
    while end < len(values) and values[end] == values[end - 1]:  # the n-th's ties
        end += 1
    keys = list(islice(weights, end))
    if any(map(and_, map(eq, values[:end], values[1:end]), map(gt, keys, keys[1:]))):
        return heaviest(weights, n)
    return list(islice(weights.items(), n))


def loads_any(published: float, text: str) -> Features | None:
    """Stored features, or None for a shape this version does not read."""
    try:
        return Features.loads(published, text)
    except (KeyError, TypeError, ValueError):
        return None

