"""What happened to whom, and story joins vetoed by event type or protagonist: out of sample.

    python bench/related_objects.py

Two kinds of variant of bench/related_variants.py (same folds, seeds and fold counts):

- *What happened to whom*: each headline and lead sentence that names an event type pairs
  that type with the people and places it names ("assassination" with Haniyeh and Tehran;
  states at 0.4), weighed 3 in the headline and 1.5 in the lead, as a unit vector; a pair's
  parts are the cosine of the two vectors and "both have one, nothing shared". Entity ids
  and types carry across scripts, so a Persian and an English report of one strike can agree.
- *Story joins vetoed*: the join step of `stories.cluster` (each article in the core it
  links best) allows a core only if the article's event types or protagonist agree with its
  members (the demo's inauguration reports join the Haniyeh core on average links of 0.18
  and 0.30: tests/data/related_eval.md).

Figures and what was kept: tests/data/related_eval.md.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench import related_variants as rv
from bench.related_data import Labelled

SENTENCE = re.compile(r"(?<=[.!?؟])\s+")
Spans = list[tuple[str, list[list[object]]]]  # (actor id, [[field, start, end, ...], ...])


def load() -> tuple[rv.Bench, dict[int, Labelled], dict[int, object], dict[int, Spans]]:
    """rv.load's bench, and the articles' texts, features and actor spans."""
    from tui.core.linking import index

    def more(conn: Any, gold: dict[int, Labelled]) -> tuple[
            dict[int, Labelled], dict[int, object], dict[int, Spans]]:
        feats: dict[int, object] = dict(index.features(conn, sorted(gold)))
        spans: dict[int, Spans] = {}
        for aid, actor, found in conn.execute(
                "SELECT article_id, actor_id, spans FROM actor_mentions"):
            spans.setdefault(aid, []).append((actor, json.loads(found)))
        return gold, feats, spans

    bench, (gold, feats, spans) = rv.load_with(more)
    return bench, gold, feats, spans


def _units(title: str, body: str, headline: bool) -> list[tuple[str, int, int, str, float]]:
    """(field, start, end, text, weight): the headline, then each sentence of the lead."""
    from tui.core.linking.what import LEAD_CHARS

    out = [("title", 0, len(title), title, 3.0)] if headline else []
    at = 0
    for sentence in SENTENCE.split(body.partition("\n\n")[0][:LEAD_CHARS]):
        start = body.find(sentence, at)
        out.append(("body", start, start + len(sentence), sentence, 1.5))
        at = start + len(sentence)
    return out


def signature(title: str, body: str, spans: Spans, state: float = 0.4,
              headline: bool = True) -> dict[tuple[str, str], float]:
    """(event type, "a:id" / "p:id") -> weight, a unit vector: each type a headline or lead
    sentence names, with each person, body or place the same sentence names."""
    from tui.core.linking import what
    from tui.core.linking.names import actor_kind, described_body, drives_links
    from tui.core.linking.text import place_matcher

    lexicon, places = what._lexicon(), place_matcher()
    vec: dict[tuple[str, str], float] = {}
    for field, lo, hi, text, weight in _units(title, body, headline):
        types: dict[str, float] = {}
        what._count(what.words(text), 1.0, types, lexicon)
        if not types:
            continue
        named: dict[str, float] = {}
        for actor, found in spans:
            kind = actor_kind(actor)
            if drives_links(kind) and not described_body(actor) and any(
                    f == field and lo <= int(s) < hi for f, s, *_rest in found):  # type: ignore[call-overload]
                named[f"a:{actor}"] = state if kind == "state" else 1.0
        for place, (_count, here, _early) in places.match(text, "").items():
            if here and f"a:{place}" not in named:
                named[f"p:{place}"] = state if places.places[place].kind == "country" else 1.0
        for kind in types:
            for key, w in named.items():
                vec[(kind, key)] = vec.get((kind, key), 0.0) + weight * w
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}


def signature_parts(sigs: Mapping[int, dict[tuple[str, str], float]]
                    ) -> tuple[Callable[[ev.Pair], float], Callable[[ev.Pair], float]]:
    """(cosine, none shared) of a pair's signatures."""
    def cosine(p: ev.Pair) -> float:
        x, y = sigs[p.a], sigs[p.b]
        return sum(v * y[k] for k, v in x.items() if k in y)

    def none(p: ev.Pair) -> float:
        x, y = sigs[p.a], sigs[p.b]
        return 1.0 if x and y and not x.keys() & y.keys() else 0.0

    return cosine, none


def vetoed_join(allow: Callable[[int, Sequence[int]], bool]) -> rv.Stories:
    """`stories.cluster` whose join step lets an article into another core only if
    `allow(article, the core's members)`."""
    from tui.core.linking import stories

    shipped = stories.join

    def join(published: Mapping[int, float], links: Mapping[int, Mapping[int, float]],
             cores: Mapping[int, Sequence[int]], join_min: float,
             max_span_days: float = stories.MAX_SPAN_DAYS) -> list[list[int]]:
        home = {a: g for g, m in cores.items() for a in m}
        kept = {x: {b: p for b, p in row.items() if b not in home or home[b] == home.get(x)
                    or allow(x, cores[home[b]])} for x, row in links.items()}
        return shipped(published, kept, cores, join_min, max_span_days)

    def run(published: Mapping[int, float], links: Sequence[tuple[int, int, float]],
            threshold: float, join_min: float) -> list[list[int]]:
        stories.join = join  # type: ignore[assignment]
        try:
            return stories.cluster(published, links, threshold, join_min=join_min)
        finally:
            stories.join = shipped

    return run


def type_veto(feats: Mapping[int, object], rule: str) -> Callable[[int, Sequence[int]], bool]:
    """"knows": the article mentions some member's main type; "half": it clashes
    (`what.clash`) with at most half the members; "any": not with every one."""
    from tui.core.linking.what import clash, main_type

    prof = {a: f.what for a, f in feats.items()}  # type: ignore[attr-defined]

    def allow(x: int, members: Sequence[int]) -> bool:
        mine, others = prof.get(x), [m for m in members if m != x and prof.get(m)]
        if not mine or not others:
            return True
        if rule == "knows":
            return any(main_type(prof[m]) in mine for m in others)
        clashes = sum(clash(mine, prof[m]) for m in others)
        return clashes * 2 <= len(others) if rule == "half" else clashes < len(others)

    return allow


def protagonist_veto(feats: Mapping[int, object], rule: str
                     ) -> Callable[[int, Sequence[int]], bool]:
    """`score._clash` (different protagonists, neither in the other's headline) with every
    member ("all") or with more than half ("half") keeps the article out."""
    from tui.core.linking.score import _clash

    def allow(x: int, members: Sequence[int]) -> bool:
        others = [m for m in members if m != x]
        if x not in feats or not others:
            return True
        clashes = sum(_clash(feats[x], feats[m]) for m in others)  # type: ignore[arg-type]
        return clashes < len(others) if rule == "all" else clashes * 2 <= len(others)

    return allow


def main() -> None:
    bench, gold, feats, spans = load()
    for name, options in (("sentences", {}), ("lead only", {"headline": False}),
                          ("no states", {"state": 0.0})):
        sigs = {a: signature(g.title, g.body, spans.get(a, []), **options)  # type: ignore[arg-type]
                for a, g in gold.items()}
        cosine, none = signature_parts(sigs)
        rv.report(bench, rv.Variant(f"what to whom, {name}", {"what_who": cosine}))
        rv.report(bench, rv.Variant(f"what to whom, {name}, none",
                                    {"what_who": cosine, "what_who_none": none}))
    rv.report(bench, rv.Variant("no lead part", {"lead": lambda _p: 0.0}))
    for rule in ("knows", "half", "any"):
        rv.report(bench, rv.Variant(f"join veto, types {rule}",
                                    stories=vetoed_join(type_veto(feats, rule))))
    for rule in ("all", "half"):
        rv.report(bench, rv.Variant(f"join veto, protagonist {rule}",
                                    stories=vetoed_join(protagonist_veto(feats, rule))))


if __name__ == "__main__":
    main()
