# ruff: noqa: RUF002  (Arabic text is the point here)
"""A text without the marks a writer may add to a word, and spans found in it mapped back.

Arabic writers add vowel marks and the shadda where a name could be misread ("إسماعيل
هَنِيَّة") and stretch a word with the tatweel ("هنيـة"); Hebrew may carry points, Russian a
stress accent. The matcher's normal form keeps the text's length (text.py), so a mark became a
space there and cut the word: "إسماعيل هَنِيَّة" was no Haniyeh but a "not listed" "إسماعيل ه".
Search folds the marks away (arabic_search.py); so do the actors analyzers, by reading the text
without them (`unmark`) and mapping what they find back (`Unmarked.back`): a span still covers
the whole word as written, marks included.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from typing import NamedTuple, Protocol, TypeVar

# Arabic marks (Quranic signs, harakat, shadda, sukun, superscript alef, small high signs),
# the tatweel; Hebrew points and cantillation; the combining grave and acute (stress marks)
_MARKS = re.compile("[\u0300\u0301\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
                    "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8"
                    "\u06ea-\u06ed]")


class Unmarked(NamedTuple):
    text: str  # the text without marks
    where: tuple[int, ...] | None  # each kept character's index in the original, then its
    # length; None when nothing was taken out

    def back(self, start: int, end: int) -> tuple[int, int]:
        """A span of `text` as a span of the original: to the next kept character, so the
        marks on its last letter are inside."""
        if self.where is None:
            return start, end
        return self.where[start], self.where[end] if end > start else self.where[start]

    def forth(self, start: int, end: int) -> tuple[int, int]:
        """A span of the original as a span of `text` (what it keeps of it)."""
        if self.where is None:
            return start, end
        return bisect.bisect_left(self.where, start), bisect.bisect_left(self.where, end)


def unmark(text: str) -> Unmarked:
    """`text` without vowel marks, tatweel, points and stress accents."""
    if text.isascii() or _MARKS.search(text) is None:
        return Unmarked(text, None)
    kept: list[int] = []
    done = 0
    for mark in _MARKS.finditer(text):  # whole ranges at a time: a loop per letter took 1 ms
        kept.extend(range(done, mark.start()))
        done = mark.end()
    kept.extend(range(done, len(text) + 1))
    return Unmarked(_MARKS.sub("", text), tuple(kept))


class _Placed(Protocol):
    @property
    def field(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


P = TypeVar("P", bound=_Placed)


def placed_back(found: Sequence[P], title: Unmarked, body: Unmarked) -> list[P]:
    """Mentions (dataclasses with field, start, end) found in the unmarked title and body, as
    spans of the original ones."""
    if title.where is None and body.where is None:
        return list(found)
    out = []
    for item in found:
        start, end = (title if item.field == "title" else body).back(item.start, item.end)
        out.append(dataclasses.replace(item, start=start, end=end))  # type: ignore[type-var]
    return out
