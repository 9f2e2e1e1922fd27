"""What happened to whom: each event type a headline or lead sentence names, with the people,
bodies and places that sentence names ("killing" with Haniyeh and Tehran).

Event types alone do not tell a strike on one city from a strike on another a day later, and
the names alone do not tell the killing of a guest from the inauguration he attended the day
before. Read together, sentence by sentence, they do: two reports of one event pair at least
one type with one of the same names, while adjacent events, which share both the people and
the kinds of thing that happen, pair them differently. Types and entity ids are the same in
every script, so this holds across languages too. The pair part (`score._acts_apart`) is 1
when both articles have such pairs and share none, and `score._acts_alike` is the share of
their pairs they have in common (fitted negative beside the names in the leads: the same act
told again with the same names is another act, round 56); fitted through the logistic like
every other part (tests/data/related_eval.md). Read once per article, in the text half of
analysis.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

from tui.core.linking.text import PlaceSpan, count_words, place_matcher, split_words
from tui.core.linking.what import LEAD_CHARS, count_types, sentence_types
from tui.core.span_reads import span_lists

# a sentence ends at . ! ? or the Arabic question mark, before white space; the mark is in
# the match (a pattern that starts with a class is found twice as fast as one that starts by
# looking behind) and the white space after it parts the sentences
SENTENCE_END = re.compile(r"[.!?\u061f]\s+")
Mention = tuple[str, str]  # (actor id, its spans JSON: [[field, start, end, ...], ...])


def lead_of(body: str) -> str:
    """`body.partition("\n\n")[0][:LEAD_CHARS]`, the lead, without copying the rest."""
    end = body.find("\n\n", 0, LEAD_CHARS + 1)  # a break at LEAD_CHARS or later: cut there
    return body[:end] if end >= 0 else body[:LEAD_CHARS]


def units(title: str, body: str, lead: str | None = None) -> list[tuple[str, int, int, str]]:
    """(field, start, end, text): the headline, then each sentence of the lead (the first
    paragraph, at most what.LEAD_CHARS; `lead`: `lead_of(body)`, when the caller has it)."""
    out = [("title", 0, len(title), title)]
    lead = lead_of(body) if lead is None else lead
    at = end = 0
    for found in SENTENCE_END.finditer(lead):
        end = found.start() + 1
        out.append(("body", at, end, lead[at:end]))
        at = found.end()
    if at and at == len(lead):  # white space after the last mark: an empty last piece
        out.append(("body", end, end, ""))
    else:
        out.append(("body", at, len(lead), lead[at:]))
    return out


def signature(title: str, body: str, mentions: Sequence[Mention],
              title_places: Iterable[str] | None = None,
              body_places: Sequence[PlaceSpan] | None = None) -> tuple[str, ...]:
    """Sorted "type a:id" / "type p:id" keys: the event types of each headline or lead
    sentence, each with every actor (`mentions`: those that may drive links) and place the
    same sentence names. Empty when no such sentence names both a type and a name.
    `title_places`, `body_places`: the places the headline names and where the body names
    each (`parts.TextParts`), when the caller matched them already.
    Types are read only in a sentence that names someone (most name nobody)."""
    spans = [(actor, span_lists(found)) for actor, found in mentions]
    lead = lead_of(body)
    read = units(title, body, lead)
    places: list[set[str]] | None = None  # each unit's places, read when first needed
    keys: set[str] = set()
    each = _actors_in(read, spans)
    # the lead's sentences' types from `what.profile`'s reading of the whole lead, when it can
    kinds = sentence_types(lead, [(lo, hi) for _f, lo, hi, _t in read[1:]])
    for n, (_field, _lo, _hi, text) in enumerate(read):
        named = each[n]
        if n == 0:
            here = set(title_places) if title_places is not None else _alone(text)
        else:
            if places is None:
                places = _sentence_places(read[1:], body, body_places)
            here = places[n - 1]
        named.update(f"p:{place}" for place in here if f"a:{place}" not in named)
        if named:
            types = count_types(text) if n == 0 or kinds is None else kinds[n - 1]
            keys.update(f"{kind} {key}" for kind in types for key in named)
    return tuple(sorted(keys))


def _actors_in(read: list[tuple[str, int, int, str]],
               spans: list[tuple[str, list[list[Any]]]]) -> list[set[str]]:
    """The actors ("a:id") each unit names: a span is in the unit of its field that starts
    at or before it, if it starts before that unit's end. Each span placed once (a bisect
    among the lead's sentences, which follow one another), not each unit asking every span
    (~7% of the text half)."""
    named: list[set[str]] = [set() for _ in read]
    title_end = read[0][2]
    starts = [lo for _f, lo, _hi, _t in read[1:]]
    for actor, found in spans:
        key = f"a:{actor}"
        for s in found:
            at = s[1]
            if s[0] == "title":
                if 0 <= at < title_end:
                    named[0].add(key)
            elif s[0] == "body" and (n := bisect_right(starts, at)) and at < read[n][2]:
                named[n].add(key)
    return named


def _sentence_places(sentences: list[tuple[str, int, int, str]], body: str,
                     body_places: Sequence[PlaceSpan] | None) -> list[set[str]]:
    """The places each lead sentence names, as `place_matcher().match(sentence, "")` finds
    them, from where the body names places (`PlaceMatcher.spans` of its words; matched here
    when not given): the lead's words are the body's first, sentence after sentence, so each
    name falls in one sentence. A sentence a name runs into or out of (alone, the scan would
    not find it there), or the last one when the lead cuts a word, is matched alone instead."""
    lead_end = sentences[-1][2]
    if body_places is None:
        body_places = place_matcher().spans(split_words(body[:lead_end]))
        cut = False
    else:  # the body's words: the last may run on past the lead
        cut = len(body) > lead_end and not body[lead_end].isspace()
        if not body_places:  # a third of articles: no sentence's words need counting
            found: list[set[str]] = [set() for _ in sentences]
            if cut:
                found[-1] = _alone(sentences[-1][3])
            return found
    first_word, words = [], 0
    for _f, _lo, _hi, text in sentences:
        first_word.append(words)
        words += count_words(text)
    found = [set() for _ in sentences]
    alone = {len(sentences) - 1} if cut else set()
    for i, width, place in body_places:
        if i >= words:
            break
        first = bisect_right(first_word, i) - 1
        last = bisect_right(first_word, i + width - 1) - 1 if i + width <= words else len(found)
        if first == last:
            found[first].add(place)
        else:
            alone.update(range(first, min(last, len(found) - 1) + 1))
    for k in alone:
        found[k] = _alone(sentences[k][3])
    return found


def _alone(text: str) -> set[str]:
    return {place for place, (_n, here, _early) in place_matcher().match(text, "").items()
            if here}


def apart(x: frozenset[str], y: frozenset[str]) -> bool:
    """Both say what happened to whom, and no pair of the one is a pair of the other."""
    return bool(x) and bool(y) and x.isdisjoint(y)
