"""What happened to whom: each event type a headline or lead sentence names, with the people,
bodies and places that sentence names ("killing" with Haniyeh and Tehran).

Event types alone do not tell a strike on one city from a strike on another a day later, and
the names alone do not tell the killing of a guest from the inauguration he attended the day
before. Read together, sentence by sentence, they do: two reports of one event pair at least
one type with one of the same names, while adjacent events, which share both the people and
the kinds of thing that happen, pair them differently. Types and entity ids are the same in
every script, so this holds across languages too. The pair part (`score._acts_apart`) is 1
when both articles have such pairs and share none; fitted through the logistic like every
other part (tests/data/related_eval.md). Read once per article, in the text half of analysis.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from tui.core.linking.text import place_matcher
from tui.core.linking.what import LEAD_CHARS, count_types

# a sentence ends at . ! ? or the Arabic question mark, before white space
SENTENCE = re.compile(r"(?<=[.!?\u061f])\s+")
Mention = tuple[str, str]  # (actor id, its spans JSON: [[field, start, end, ...], ...])


def units(title: str, body: str) -> list[tuple[str, int, int, str]]:
    """(field, start, end, text): the headline, then each sentence of the lead (the first
    paragraph, at most what.LEAD_CHARS)."""
    out = [("title", 0, len(title), title)]
    at = 0
    for sentence in SENTENCE.split(body.partition("\n\n")[0][:LEAD_CHARS]):
        start = body.find(sentence, at)
        out.append(("body", start, start + len(sentence), sentence))
        at = start + len(sentence)
    return out


def signature(title: str, body: str, mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Sorted "type a:id" / "type p:id" keys: the event types of each headline or lead
    sentence, each with every actor (`mentions`: those that may drive links) and place the
    same sentence names. Empty when no such sentence names both a type and a name."""
    places = place_matcher()
    spans = [(actor, json.loads(found) if found else []) for actor, found in mentions]
    keys: set[str] = set()
    for field, lo, hi, text in units(title, body):
        types = count_types(text)
        if not types:
            continue
        named = {f"a:{actor}" for actor, found in spans
                 if any(s[0] == field and lo <= s[1] < hi for s in found)}
        named.update(f"p:{place}" for place, (_n, here, _early) in places.match(text, "").items()
                     if here and f"a:{place}" not in named)
        keys.update(f"{kind} {key}" for kind in types for key in named)
    return tuple(sorted(keys))


def apart(x: frozenset[str], y: frozenset[str]) -> bool:
    """Both say what happened to whom, and no pair of the one is a pair of the other."""
    return bool(x) and bool(y) and x.isdisjoint(y)
