"""What the libraries give `tui.core.visual`: embedding levels (python-bidi's Rust
unicode-bidi), Arabic letters shaped (arabic-reshaper) as one piece per logical character,
and the mirrored forms of brackets. Both libraries are imported on first use: the CLI and the
fetch path never load them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache

from tui.core.basics import BIDI_MODES as BIDI_MODES

_LEVEL = re.compile(r"\d+")


def levels(text: str, rtl: bool) -> tuple[int, ...]:
    """Each character's resolved level (rules X1-I2) from the Rust unicode-bidi crate, whose
    python-bidi binding gives them only in its debug output (one per UTF-8 byte); python-bidi's
    own Python algorithm if that output ever changes shape."""
    try:
        from bidi.bidi import get_display_inner  # the Rust binding's inner call: not public
    except ImportError:
        return _python_levels(text, rtl)
    debug = str(get_display_inner(text, "R" if rtl else "L", True))
    cut, stop = debug.find("levels:"), debug.find("paragraphs:")
    per_byte = [int(n) for n in _LEVEL.findall(debug, cut, stop)] if cut >= 0 else []
    if len(per_byte) != len(text.encode("utf-8", "surrogatepass")):
        return _python_levels(text, rtl)
    out: list[int] = []
    at = 0
    for char in text:
        out.append(per_byte[at])
        at += len(char.encode("utf-8", "surrogatepass"))
    return tuple(out)


def _python_levels(text: str, rtl: bool) -> tuple[int, ...]:
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    storage["base_level"], storage["base_dir"] = int(rtl), "R" if rtl else "L"
    algorithm.get_embedding_levels(text, storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    levels = [int(char["level"]) for char in storage["chars"]]
    return tuple(levels) if len(levels) == len(text) else (int(rtl),) * len(text)


_LAM_ALEF = frozenset("\ufef5\ufef6\ufef7\ufef8\ufef9\ufefa\ufefb\ufefc")
# joiners (they shaped the letters), marks and isolates (they ordered the text) draw nothing
_HIDDEN = frozenset("\u200c\u200d\u200e\u200f\u061c\u2066\u2067\u2068\u2069")


@lru_cache(maxsize=1)
def _reshaper() -> Callable[[str], str]:
    from arabic_reshaper import ArabicReshaper

    # vowel marks kept; of the ligatures only the mandatory lam-alef (a terminal font has it)
    reshaper = ArabicReshaper(configuration={"delete_harakat": False,
                                             "ARABIC LIGATURE ALLAH": False})
    return reshaper.reshape  # type: ignore[no-any-return]


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me")


_ARABIC_WORD = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff"
                          "\ufe70-\ufefc\u200c\u200d]+")


def pieces(text: str) -> tuple[str, ...]:
    """What each logical character draws: its shaped form with the marks that follow it (so
    they stay on their letter when a run is reversed); nothing for marks, joiners and
    isolates. Letters join only inside a word, so each Arabic-script word is shaped once and
    kept (a long article repeats its words), the new words of a paragraph in one call."""
    words = _ARABIC_WORD.findall(text)
    _shape_words([w for w in dict.fromkeys(words) if w not in SHAPED])
    pieces: list[str] = []
    done = 0
    for match in _ARABIC_WORD.finditer(text):
        if match.start() > done:
            pieces.extend(_plain_pieces(text[done:match.start()]))
        pieces.extend(SHAPED[match.group()])
        done = match.end()
    if done < len(text):
        pieces.extend(_plain_pieces(text[done:]))
    return tuple(pieces)


SHAPED: dict[str, tuple[str, ...]] = {}
"""Arabic-script words and their pieces (see `_word_pieces`), emptied past 50,000 words."""


def _shape_words(words: list[str]) -> None:
    if not words:
        return
    if len(SHAPED) > 50_000:
        SHAPED.clear()
    shaped = _reshaper()(" ".join(words)).split(" ")  # a space joins nothing
    if len(shaped) != len(words):
        shaped = [_reshaper()(word) for word in words]
    for word, form in zip(words, shaped, strict=True):
        SHAPED[word] = _word_pieces(word, form)


def _plain_pieces(text: str) -> list[str]:
    """Characters outside Arabic words: as they are, marks on their letter (Hebrew points)."""
    pieces = list(text)
    base = -1
    for i, char in enumerate(text):
        if char in _HIDDEN:
            pieces[i] = ""
        elif unicodedata.combining(char) and base >= 0:
            pieces[base] += char
            pieces[i] = ""
        else:
            base = i
    return pieces


def _word_pieces(word: str, shaped: str) -> tuple[str, ...]:
    """One Arabic-script word and its shaped form, a piece per character: nothing for the
    alef a lam-alef ligature took in; unshaped letters if the two cannot be lined up."""
    pieces = [""] * len(word)
    i = j = 0
    try:
        while i < len(word):
            out = shaped[j]
            pieces[i] = out
            if out in _LAM_ALEF and word[i] == "\u0644":
                k = i + 1
                while _is_mark(word[k]):  # marks between lam and alef come after the ligature
                    k += 1
                j += 1
                for m in range(i + 1, k):
                    pieces[m] = shaped[j]
                    j += 1
                i = k + 1  # the alef: nothing of its own
                continue
            i += 1
            j += 1
        if j != len(shaped):
            raise IndexError(j)
    except IndexError:
        pieces = list(word)
    base = -1
    for i, char in enumerate(word):
        if char in _HIDDEN:
            pieces[i] = ""
        elif _is_mark(char) and base >= 0:
            pieces[base] += pieces[i]
            pieces[i] = ""
        elif not _is_mark(char):
            base = i
    return tuple(pieces)


@lru_cache(maxsize=1)
def mirrors() -> Mapping[str, str]:
    """Characters drawn mirrored at an odd level (L4): "(" for ")"."""
    from bidi.mirror import MIRRORED

    return dict(MIRRORED)
