# ruff: noqa: RUF001  (the right single quotation mark is one of a word's characters)
"""Whether an article can hold an unlisted name at all, asked before the finder runs.

Most articles name only people the gazetteer lists (the bench site's 10,000 all do), yet the
finder (unlisted.py) scanned each one for its triggers, split words around them and tried
the lists and appositions: ~110 µs an article, a sixth of the pool's text halves, to find
nothing. Every name it yields in Latin or Cyrillic script holds a word that `en_word` or
`ru_word` accepts (a run opens with one, a run read backwards ends with one, appositions and
lists are made of them) and that no taken span touches (each pattern drops a run at a taken
word). Such a word starts with a capital (an "al-"/"аль-" word has one after the hyphen), so
one regex pass finds the runs of word characters holding a capital, and only those few are
tested as the patterns test them. No such word outside the taken spans: the finder would
return nothing, and is not asked. Arabic script has no capitals: a text with an Arabic letter
always goes to the finder, as does one with a character beyond the Basic Multilingual Plane
(an emoji, a mathematical capital) and a run holding a ZWNJ (the lists' and appositions' own
regexes may cut a word there).
"""

from __future__ import annotations

import re

from tui.core.actors.name_patterns import _PARTICLES, en_word, ru_word
from tui.core.scripts import ARABIC as ARABIC_BLOCK

_WORD_CHARS = r"\w’'\-\u200c"  # what name_patterns.TOKEN's words are made of
_EDGES = "_’'-"  # a word's characters that TOKEN never starts or ends a word with
_EDGES_ZWNJ = _EDGES + "\u200c"
_RUN = re.compile(f"[{_WORD_CHARS}]*")
# between two words of a name: one space (Window.joined; the lists' and appositions' regexes
# let a word end in an apostrophe or a hyphen before it), blanked characters counted as any
_SKIPPED = r"_’'\-\u200c\0"  # a word's edges, and the blanked characters
_GAP = f"[{_SKIPPED}]*[ \u00a0\\0][{_SKIPPED}]*"
_WORD = f"([^\\W_](?:[{_WORD_CHARS}]*[^\\W_])?)"  # name_patterns.TOKEN, as a group
_NEXT = re.compile(_GAP + _WORD)
_PREVIOUS = re.compile(_WORD + _GAP + r"\Z")
_LOOK_BACK = 80
_NO_CAPITALS = re.compile(f"[{ARABIC_BLOCK}\U00010000-\U0010ffff]")  # Arabic; astral planes


def _capitals() -> str:
    """A character class of every capital letter of the Basic Multilingual Plane this
    interpreter knows (`str.isupper`), as ranges: the regex engine tests such a class as one
    bitmap, where each range beyond the plane was a test of its own for every character."""
    ranges: list[list[int]] = []
    for ch in filter(str.isupper, map(chr, range(0x10000))):
        if ch.isalnum():  # a capital inside a word ("Ⓐ" is no word character)
            at = ord(ch)
            if ranges and ranges[-1][1] == at - 1:
                ranges[-1][1] = at
            else:
                ranges.append([at, at])
    return "".join(
        re.escape(chr(a)) + ("" if a == b else "-" + re.escape(chr(b))) for a, b in ranges
    )


class UnlistedGate:
    """Built with the recognizer (the class of capitals takes ~15 ms to list; a prebuilt
    copy keeps the compiled pattern)."""

    def __init__(self) -> None:
        self._capital = re.compile(f"[{_capitals()}]")

    def may_name(self, text: str, blocked: list[tuple[int, int]]) -> bool:
        """False when the finder cannot find anyone in `text` (the joined title and body)
        outside the `blocked` spans; True when it may."""
        if not text.isascii() and _NO_CAPITALS.search(text):
            return True  # no capitals to go by, or some the class does not hold
        text = _blanked(text, blocked)
        find, at = self._capital.search, 0
        while (capital := find(text, at)) is not None:
            start = capital.start()  # the run of word characters holding it, whole
            while start and _is_word_char(text[start - 1]):
                start -= 1
            rest = _RUN.match(text, capital.end())
            at = rest.end() if rest is not None else capital.end()
            word = text[start:at]
            if "\u200c" in word:
                return True
            if _name_word(word.strip(_EDGES)) and _beside_another(text, start, at):
                return True
        return False


def _name_word(word: str) -> bool:
    """`word` (as TOKEN cuts it) may be a name's word: what the patterns' runs open with."""
    return en_word((0, 0, word)) or ru_word((0, 0, word))


def _beside_another(text: str, start: int, end: int) -> bool:
    """The run of word characters `text[start:end]` has a neighbour a name may hold beside
    it: every name is two words or more, one space apart, each a name's word or a particle
    between them ("Abu Obeida", "de Gaulle"); "Shipments of grain" has none."""
    after = _NEXT.match(text, end)
    if after is not None and _may_join(after.group(1)):
        return True
    lo = max(0, start - _LOOK_BACK)
    before = _PREVIOUS.search(text[lo:start])
    if before is None:
        return False
    if before.start() == 0 and lo and _is_word_char(text[lo - 1]):
        return True  # a longer word than the look back: asked in full
    return _may_join(before.group(1))


def _may_join(word: str) -> bool:
    return "\u200c" in word or _name_word(word) or word.lower() in _PARTICLES


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in _EDGES_ZWNJ


def _blanked(text: str, blocked: list[tuple[int, int]]) -> str:
    """`text` with each blocked span's characters NULs: a word no span touches stays as it
    was; what is left of one a span cut is only ever asked about more than the word."""
    parts: list[str] = []
    at = 0
    for start, end in sorted(blocked):
        if end > at:
            start = max(start, at)
            parts += (text[at:start], "\0" * (end - start))
            at = end
    parts.append(text[at:])
    return "".join(parts)
