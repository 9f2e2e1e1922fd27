"""Right-to-left text in the order a terminal without bidi draws it.

Most terminals (xterm, kitty, alacritty, Windows Terminal, tmux in most of them) put each
character in the next cell, left to right: Arabic kept in logical order comes out backwards
and unjoined. For them what is drawn is reordered line by line after wrapping, by the Unicode
Bidirectional Algorithm (the levels of python-bidi's Rust unicode-bidi; the reversal of runs,
rule L2, and mirroring are done here from those levels), and Arabic letters are shaped to
their presentation forms (arabic-reshaper). Stored text, search, export and copy keep logical
order: only what is drawn changes. A terminal that does bidi itself (VTE, Konsole, mlterm,
Apple's Terminal) gets logical text, or it would be reordered twice.

Every logical character becomes one "piece" of the drawn line (a shaped letter with its vowel
marks, nothing for the alef of a lam-alef ligature or a joiner), so a span of the logical text
(an actor's name, a search hit) is found again on its own word after reordering.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from tui.core import visual_parts as parts

__all__ = ["BIDI_MODES", "Paragraph", "VisualLine", "app_reorders", "drawn_line", "has_rtl",
           "is_rtl", "isolated", "needs_reorder", "paragraph", "terminal_with_bidi",
           "visual_lines", "wrap"]

BIDI_MODES = parts.BIDI_MODES

_TERMINALS = (("VTE_VERSION", None, "VTE (GNOME Terminal, Tilix, Terminator...)"),
              ("KONSOLE_VERSION", None, "Konsole"), ("MLTERM", None, "mlterm"),
              ("TERM_PROGRAM", "Apple_Terminal", "Apple Terminal"))


def terminal_with_bidi(environ: Mapping[str, str]) -> str | None:
    """The name of the terminal that says (in its environment variables) it does bidi."""
    for variable, value, name in _TERMINALS:
        if environ.get(variable) and value in (None, environ[variable]):
            return name
    return None


def app_reorders(mode: str, environ: Mapping[str, str]) -> bool:
    """Whether the app draws right-to-left text in visual order (see `BIDI_MODES`)."""
    if mode == "auto":
        return terminal_with_bidi(environ) is None
    return mode == "app"


_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff"
                  "\U0001e800-\U0001efff]")


def has_rtl(text: str) -> bool:
    """True when the text holds a right-to-left letter (the one cheap test before any work)."""
    return _RTL.search(text) is not None


def needs_reorder(text: str, reorder: bool) -> bool:
    """Whether a line is drawn in visual order: the app (or the CLI, on a terminal) reorders
    (`app_reorders`) and the line holds right-to-left letters. Every other line is drawn as
    stored."""
    return reorder and has_rtl(text)


def isolated(text: str) -> str:
    """A name or title set into the app's own line (`feed · author · date`, `phrase → name`)
    as a bidi isolate (FSI ... PDI) when it holds right-to-left letters: it is ordered on its
    own, and the digits and words around it keep their places."""
    return f"\u2068{text}\u2069" if has_rtl(text) else text


def is_rtl(text: str) -> bool:
    """The paragraph's direction by its first strong letter, an isolate's skipped (P2-P3)."""
    depth = 0
    for char in text:
        if char in "\u2066\u2067\u2068":
            depth += 1
        elif char == "\u2069":
            depth = max(depth - 1, 0)
        elif not depth:
            kind = unicodedata.bidirectional(char)
            if kind in ("R", "AL"):
                return True
            if kind == "L":
                return False
    return False


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph in logical order, its embedding levels and what each character draws."""

    text: str
    rtl: bool
    levels: tuple[int, ...]
    pieces: tuple[str, ...]


@lru_cache(maxsize=4096)
def paragraph(text: str, rtl: bool | None = None) -> Paragraph:
    """Levels and shaped pieces of a paragraph (no newline); `rtl`: its direction, or None to
    take it from its first strong letter. Kept: the reader draws a text again on each resize."""
    rtl = is_rtl(text) if rtl is None else rtl
    if not has_rtl(text):
        return Paragraph(text, rtl, (int(rtl),) * len(text), tuple(text))
    if rtl and _ALL_RIGHT_TO_LEFT.fullmatch(text):
        levels: tuple[int, ...] = (1,) * len(text)  # no letter or digit of another direction
    else:
        levels = parts.levels(text, rtl)
    return Paragraph(text, rtl, levels, parts.pieces(text))


_ALL_RIGHT_TO_LEFT = re.compile(
    "[\u0606-\u065f\u066a\u066d-\u06dc\u06de-\u06ef\u06fa-\u06ff\u0750-\u077f"
    "\u08a0-\u08e1\u08e3-\u08ff\ufb50-\ufdff\ufe70-\ufefc\u05be-\u05ea\u05f0-\u05f4"
    "\u0591-\u05bd\u05bf-\u05c7\u200c\u200d\u00a0 !-/:-@\\[-`{-~«»…\u2013\u2014"
    "\u2018-\u201f]*")
"""A right-to-left paragraph of only Arabic or Hebrew letters, marks, spaces and punctuation
(no Latin letter, no digit): every character resolves to level 1 (rules W1-I2), so the
library is not asked."""


@dataclass(frozen=True, slots=True)
class VisualLine:
    """One drawn line: `text` in visual order; `start` and `end` its slice of the paragraph;
    `at[i]` where the piece of the paragraph's character `start + i` starts in `text`."""

    text: str
    rtl: bool
    start: int
    end: int
    at: tuple[int, ...]
    sizes: tuple[int, ...]

    def spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Where the paragraph's characters [start, end) are drawn on this line: one range
        for a word, several when the span crosses a change of direction."""
        first, last = max(start, self.start), min(end, self.end)
        cells = sorted((self.at[k], self.at[k] + self.sizes[k])
                       for k in range(first - self.start, last - self.start) if self.sizes[k])
        out: list[tuple[int, int]] = []
        for a, b in cells:
            if out and out[-1][1] == a:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out


def line(par: Paragraph, start: int, end: int) -> VisualLine:
    """The paragraph's characters [start, end) as drawn (rules L1, L2 and L4 on its levels)."""
    pieces = par.pieces[start:end]
    if not has_rtl(par.text[start:end]) and not par.rtl:
        order = list(range(end - start))
    else:
        levels = list(par.levels[start:end])
        base = int(par.rtl)
        i = len(levels)
        while i and par.text[start + i - 1].isspace():  # L1: trailing spaces take the base
            i -= 1
            levels[i] = base
        order = _reordered(levels)
        mirror = parts.mirrors()
        pieces = tuple(mirror.get(p, p) if levels[k] % 2 else p for k, p in enumerate(pieces))
    sizes = [len(p) for p in pieces]
    at = [0] * len(order)
    offset = 0
    for k in order:
        at[k] = offset
        offset += sizes[k]
    return VisualLine("".join([pieces[k] for k in order]), par.rtl, start, end, tuple(at),
                      tuple(sizes))


def drawn_line(text: str, rtl: bool | None = None) -> VisualLine:
    """One line, already cut to its room, as drawn; `rtl`: its direction (False for the app's
    own lines: a message, a dialog's input), else its first strong letter's."""
    return line(paragraph(text, rtl), 0, len(text))


def _reordered(levels: list[int]) -> list[int]:
    """L2: from the highest level down to the lowest odd one, reverse every run at that level
    or above. The logical indices in drawing order."""
    order = list(range(len(levels)))
    if not levels:
        return order
    top, low = max(levels), min(levels) | 1
    if top == min(levels):  # one level: all of it one way (a paragraph of only Arabic)
        return order[::-1] if top % 2 else order
    for level in range(top, low - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def wrap(text: str, width: int, measure: Callable[[str], int] | None = None
         ) -> list[tuple[int, int]]:
    """Greedy word wrap of one paragraph to `width` cells: the (start, end) of each line, the
    spaces a line breaks at left out; a word wider than a line is cut."""
    size = measure or cell_width
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    start, end, used = 0, -1, 0  # the line so far is text[start:end]; end -1: nothing yet
    for match in re.finditer(r"\S+", text):
        word_start, word_end = match.span()
        word_size = size(match.group())
        if end < 0 and lines:
            start = word_start  # a line after a break starts at its word
        gap = size(text[(start if end < 0 else end):word_start])
        if end >= 0 and used + gap + word_size > width:
            lines.append((start, end))
            start, end, used, gap = word_start, -1, 0, 0
        at = word_start
        while used + gap + word_size > width:  # a word wider than the line: cut it
            cut = max(1, _fit(text[at:word_end], width - used - gap, size))
            lines.append((start, at + cut))
            at += cut
            start, used, gap = at, 0, 0
            word_size = size(text[at:word_end])
        used += gap + word_size
        end = word_end
    if end >= 0:
        lines.append((start, end))
    elif not lines:
        lines.append((0, 0))
    return lines


def _fit(word: str, room: int, size: Callable[[str], int]) -> int:
    """How many of the word's characters fit in `room` cells."""
    used = 0
    for i, char in enumerate(word):
        used += size(char)
        if used > room:
            return i
    return len(word)


def cell_width(text: str) -> int:
    """Terminal cells of a text: wide East Asian letters two, marks and format characters
    none (the app measures with Rich's table instead)."""
    return sum(_char_width(char) for char in text)


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def visual_lines(text: str, width: int, rtl: bool | None = None,
                 measure: Callable[[str], int] | None = None) -> list[VisualLine]:
    """One paragraph wrapped to `width` cells, each line in drawing order."""
    par = paragraph(text, rtl)
    return [line(par, start, end) for start, end in wrap(text, width, measure)]


def drawn_text(text: str, width: int) -> str:
    """A whole text as a terminal without bidi must be sent it (`newsdesk show` on one): each
    paragraph holding right-to-left letters wrapped to `width` cells and put in visual order,
    right-aligned when it is right-to-left; the others as they are (the terminal wraps them).
    A rule of `=` under such a paragraph (a title's) is drawn under it as drawn: as wide as
    its widest line (shaping joins letters, so fewer cells than characters), on its side."""
    out: list[str] = []
    above: list[VisualLine] = []
    for para in text.split("\n"):
        if above and para and set(para) == {"="}:
            rule = "=" * min(max(cell_width(d.text) for d in above), width, MAX_RULE)
            out.append(rule.rjust(width) if above[0].rtl else rule)
            above = []
            continue
        above = visual_lines(para, width) if has_rtl(para) else []
        if not above:
            out.append(para)
            continue
        for drawn in above:
            room = width - cell_width(drawn.text)
            out.append(" " * room + drawn.text if drawn.rtl and room > 0 else drawn.text)
    return "\n".join(out)


MAX_RULE = 78
"""`show`'s title rule is at most this long (tui/cli/output.py), drawn or not."""
