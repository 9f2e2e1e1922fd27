# ruff: noqa: RUF001  (Cyrillic, Arabic, Persian and Hebrew words are the point here)
"""A bare surname that names a place: "the Mulino range", "полигон Мулино", "Mulino ilçesi".

A surname alone goes to the one actor listing it (matcher.py) when nobody was named nearer. A
surname is often a place's name too (a training ground, a village, a district), and a place's
head noun beside it, there or anywhere in the article ("Putin at Mulino" over "at the Mulino
range"), says which: then the lone surname names no one. Only for that last resort: a person
named in full, by a cue or nearby keeps the surname as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

_QUOTES = "\"'«»“”„‘’"
# A head noun after the name (English, Turkish), or before it (Russian, Arabic, Persian,
# Hebrew, and English "the village of").
_AFTER = re.compile(
    rf"[{_QUOTES}]?[ \u00a0]+(?:"
    r"ranges?|training[ -]grounds?|proving[ -]grounds?|firing[ -]range|test(?:ing)?[ -]site"
    r"|testing[ -]ground|polygon|district|region|province|county|oblast|village|town|valley"
    r"|river|mountains?|hills|heights|airfield|airport|air[ -]?base|crossing|checkpoint"
    r"|bridge|dam|reservoir|street"
    r"|bölge\w*|ilçe\w*|köy\w*|kasaba\w*|poligon\w*|atış[ -]alan\w*|tatbikat[ -]alan\w*"
    r"|havaalan\w*|havaliman\w*|nehri\w*|dağı\w*|vadisi\w*)\b",
    re.IGNORECASE)
_BEFORE = re.compile(
    r"(?:\b(?:village|town|district|region|province|city|county)[ \u00a0]+of"
    r"|полигон\w*|район\w*|област\w*|деревн\w*|сел[оеау]|пос[её]л\w*|город\w*|станци\w*"
    r"|аэродром\w*|урочищ\w*|долин\w*|хребт\w*|рек[аиеу]"
    r"|منطق[ةه]|قري[ةه]|بلد[ةه]|مدين[ةه]|مطار|ميدان|روستای|شهرستان|منطقه|پایگاه"
    r"|אזור|הכפר|העיירה|העיר|בסיס)"
    rf"[{_QUOTES}\s]*\Z",
    re.IGNORECASE)
_LOOK_BEFORE = 30


def names_a_place(text: str, start: int, end: int) -> bool:
    """The words at `text[start:end]` stand with a place's head noun: "Mulino range", "the
    village of Mulino", "на полигоне «Мулино»"."""
    return bool(_AFTER.match(text, end) or _BEFORE.search(text, max(0, start - _LOOK_BEFORE),
                                                          start))


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def placed(text: str, spans: Iterable[_Span]) -> set[str]:
    """The words of `spans` that stand with a place's head noun somewhere in `text`."""
    return {text[s.start:s.end] for s in spans if names_a_place(text, s.start, s.end)}
