"""Make untrusted feed and page text safe to store and to print on a terminal.

Titles like ``\\x1b]52;c;...\\x07`` would write the user's clipboard, ``\\x1b[2J`` clears the
screen, bidi overrides disguise text, a lone surrogate cannot even be stored. All of it is
removed before anything is stored, so no later consumer (TUI, CLI, export) has to remember.
Rich markup such as ``[link=file:///etc]`` is plain text here: the faces never interpret it.

Only a real ESC sequence, or a C1 CSI or OSC of that shape (c1.py), takes text with it.
Another C1 character (U+0080..U+009F) is dropped by itself: terminals may read U+009D as the
start of an OSC string, but mis-decoded pages are full of them (a curly quote read as
Latin-1 is ``â\x80\x9d``), and treating them as openers deleted whole
articles. Such mojibake is repaired first (`mojibake.repair_text`).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable

from tui.core.text import c1
from tui.core.text.mojibake import looks_mojibake, repair_text

# Whole escape sequences first (so their payload goes too), then any stray control character.
_ESCAPES = re.compile(
    r"""
    \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC ... BEL/ST (clipboard, titles, links)
  | \x1b[P^_X][^\x1b\x9c]*(?:\x1b\\|\x9c)?        # DCS, PM, APC, SOS strings
  | \x1b\[[0-?]*[ -/]*[@-~]?                      # CSI sequences (colours, cursor, clear)
  | \x1b[ -/]*[0-~]?                              # other ESC sequences
    """,
    re.VERBOSE,
)
# C0 except tab/newline, DEL, C1; bidi embeddings/overrides/isolates and marks; BOM and other
# invisibles that only serve to disguise text; lone surrogates (SQLite cannot store them) and
# the noncharacters U+FFFE/U+FFFF; soft hyphens and word joiners, invisible hints for line
# breaking that split a word for search and actors ("Netan\u00adyahu" in real pages).
# ZWJ/ZWNJ stay: Persian and emoji need them (but see _IN_WORD). The invisible operators
# (U+2061-2064), the Mongolian vowel separator and the combining grapheme joiner split words
# the same way.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff\u00ad\u2060"
    "\u2061-\u2064\u180e\u034f\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]"
)
# Unicode tag characters (U+E0000-E007F) are invisible ASCII: text hidden in a title that the
# terminal never shows ("ASCII smuggling"), or a name split by one. Only a flag's tag sequence
# (a black flag, then tags: England's, Scotland's) keeps them.
_TAGS = re.compile("(\U0001f3f4[\U000e0020-\U000e007f]*)|[\U000e0000-\U000e007f]+")
_CONTROLS_OR_TAGS = re.compile(_CONTROLS.pattern[:-1] + "\U000e0000-\U000e007f]")
# With variation selectors (see _drop below); the supplement's only in astral text.
_CONTROLS_VS = re.compile(_CONTROLS.pattern[:-1] + "\ufe00-\ufe0f]")
_CONTROLS_VS_ASTRAL = re.compile(_CONTROLS_VS.pattern[:-1] + "\U000e0100-\U000e01ef]")
_CONTROLS_OR_TAGS_VS = re.compile(_CONTROLS_VS_ASTRAL.pattern[:-1] + "\U000e0000-\U000e007f]")
_UCS2_ONE = sys.getsizeof("\u0100")


def _astral(text: str) -> bool:
    """`text` holds a character past U+FFFF (a tag, an emoji): CPython then stores it four
    bytes a character (PEP 393), which its size tells at once. The tags' class in _CONTROLS
    cost every page a third more, and max(text) five times more: only such text pays."""
    return sys.getsizeof(text) - _UCS2_ONE >= 4 * len(text)
# A zero-width space, joiner or non-joiner between two letters of a script that never joins
# (Latin, Greek, Cyrillic, Hebrew) does nothing but split the word: "Pezes\u200dhkian" was no
# Pezeshkian to the actors or to search. A zero-width space between Arabic letters likewise;
# Persian's ZWNJ and ZWJ there, and emoji sequences, keep theirs.
_FLAT = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u05d0-\u05ea"
# (The invisible first, its letter looked behind at after it: the search skips to the few
# invisibles; a leading look-behind tried every position, 10 ms on 200 kB of Persian, and a
# leading letter every Latin letter of a page's markup.)
_ZW = "[\u200b-\u200d]"
_IN_WORD = re.compile(f"{_ZW}(?<=[{_FLAT}]{_ZW}){_ZW}*(?=[{_FLAT}])")
_ARABIC = "\u0620-\u064a\u066e-\u06d3"
_IN_ARABIC_WORD = re.compile(f"\u200b(?<=[{_ARABIC}]\u200b)\u200b*(?=[{_ARABIC}])")
# Variation selectors choose a glyph for an emoji (a heart's VS16, a keycap's) or a CJK
# ideograph; between two letters of these scripts they choose nothing and split the word
# ("Pezes\ufe0fhkian"). They share the controls' one pass (a class of its own cost a page a
# fifth more, and a run quantifier twice as much): each goes unless it spells something, a
# letter not standing on both sides past other invisibles (a few: a longer run is no word).
_VS = "\ufe00-\ufe0f\U000e0100-\U000e01ef"
_IS_VS = re.compile(f"[{_VS}]")
_LETTER = re.compile(f"[{_FLAT}{_ARABIC}]")
_INVISIBLE = re.compile(f"[{_VS}\u200b-\u200d{_CONTROLS.pattern[1:-1]}\U000e0000-\U000e007f]")
_REACH = 32


def _in_word(text: str, start: int) -> bool:
    before, after = start - 1, start + 1
    while before >= 0 and start - before <= _REACH and _INVISIBLE.match(text, before):
        before -= 1
    while after - start <= _REACH and _INVISIBLE.match(text, after):
        after += 1
    return (before >= 0 and _LETTER.match(text, before) is not None
            and _LETTER.match(text, after) is not None)


def _drop(found: re.Match[str]) -> str:
    """A match of the _CONTROLS_VS classes: nothing, or a selector that spells something."""
    char = found.group()
    if _IS_VS.match(char) is None or _in_word(found.string, found.start()):
        return ""
    return char


# Characters that break lines without being "\n": treated as line breaks, not deleted, so the
# words on either side stay apart.
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(?:\n\s*)*")

# The ASCII members of _CONTROLS.
_ASCII_CONTROLS = bytes([*range(0x09), *range(0x0B, 0x20), 0x7F])


def strip_controls(text: str, in_words: bool = True) -> str:
    """Remove terminal escape sequences and control/bidi characters; keep \\n and \\t.
    A memchr-speed scan for ESC spares most text the _ESCAPES pass (2 ms of a 200 KB page).
    `in_words`: the zero-width characters and variation selectors inside words go too."""
    if "\x1b" in text:
        text = _ESCAPES.sub("", text)
    if text.isascii():  # bytes.translate deletes in one C loop: 5x faster than the regex
        return text.encode("ascii").translate(None, _ASCII_CONTROLS).decode("ascii")
    if "\x9b" in text or "\x9d" in text:
        text = c1.TEXT.sub("", text)
    if not in_words:
        if not _astral(text):
            return _CONTROLS.sub("", text)
        if "\U0001f3f4" in text:  # a black flag: the tags after it may be a flag's (kept)
            return _TAGS.sub(r"\1", _CONTROLS.sub("", text))
        return _CONTROLS_OR_TAGS.sub("", text)
    if not _astral(text):
        text = _CONTROLS_VS.sub(_drop, text)
    elif "\U0001f3f4" in text:
        text = _TAGS.sub(r"\1", _CONTROLS_VS_ASTRAL.sub(_drop, text))
    else:
        text = _CONTROLS_OR_TAGS_VS.sub(_drop, text)
    if "\u200b" in text:
        text = _IN_ARABIC_WORD.sub("", _IN_WORD.sub("", text))
    elif "\u200c" in text or "\u200d" in text:
        text = _IN_WORD.sub("", text)
    return text


def _safe(text: str) -> str:
    # Normalise after stripping: removing a control between a letter and its accent must not
    # leave a string that a second pass would change (cleaning is idempotent).
    return unicodedata.normalize("NFC", strip_controls(_BREAKS.sub("\n", repair_text(text))))


def _settled(once: Callable[[str], str], text: str) -> str:
    """`once(text)`, repeated while it still changes mojibake: a repair or the stripping and
    spacing after it can expose (or, by context, hide) a pair ftfy takes on a second look.
    Clean text leaves after one pass."""
    out = once(text)
    for _ in range(4):
        if not looks_mojibake(out):
            break
        again = once(out)
        if again == out:
            break
        out = again
    return out


def _line(text: str) -> str:
    return _SPACES.sub(" ", _safe(text).replace("\n", " ")).strip()


def _text(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in _safe(text).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def clean_line(text: str | None) -> str:
    """A one-line field (title, author, feed name): no controls, no line breaks, single spaces."""
    return _settled(_line, text) if text else ""


def clean_text(text: str | None) -> str:
    """A body: paragraphs kept (one blank line between), everything else as in clean_line."""
    return _settled(_text, text) if text else ""


def unhidden(text: str | None, line: int) -> str | None:
    """Stored text cleaned again (migration 0022: what older versions kept, zero-width
    characters and variation selectors inside words, tags), or None when it has nothing to
    lose. `line`: a one-line field (clean_line), else a body (clean_text)."""
    if not text or text.isascii() or strip_controls(text) == text:
        return None
    return clean_line(text) if line else clean_text(text)
