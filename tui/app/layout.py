"""Where the panes go, from the terminal's size: no Textual, so every size is a unit test.

While reading, three things compete for the columns, in this order: the article text at a
reading measure (`[settings] text_width`, about 80 columns, down to 70 when short), headlines
in the list (at least `LIST_MIN` columns, `LIST_WANT` when there is room: the list is how the
reader moves on), then the side panel (narrower before it goes). Where the list cannot keep
its width beside the text, it sits above it, or, on a small terminal, gives the whole screen
to the reader until `q`. The view tree shows only where it leaves the list its width: `1`
asks for it, and then the side panel makes way before the text does. On a wide terminal the
tree takes a share of the columns (`tree_width`), so story labels and actor counts show whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TREE = 30  # the view tree's width where it stays shown, at the least
TREE_SHARE = 3  # a wider terminal gives it a third of its columns beyond NARROW...
TREE_MAX = 64  # ...up to this many: a story's whole dateline with its counts
TREE_ASKED = 26  # its width when shown only because it has the focus
NARROW = 120  # below this many columns the tree hides while the reader is closed
SIDE = 36  # the reader's side panel (actors, related), with its border
SIDE_NARROW = 28
SIDE_FROM = 100  # narrower terminals hide the side panel until asked for (B, 4, 5)
LIST_MIN = 50  # the narrowest list worth keeping beside the reader (~28-column headlines)
LIST_WANT = 60  # the list's width when the text can spare it (the list's normal columns)
MIN_MEASURE = 70  # the text may give up columns to the list down to this measure
PAD = 4  # around the text: focus border, padding on both sides, scrollbar
STACK_MIN_HEIGHT = 36  # below this many rows the reader takes the screen instead
NO_CAP = 10_000

Mode = Literal["list", "side", "stacked", "full"]


@dataclass(frozen=True, slots=True)
class Layout:
    """What the main screen shows, and how wide or high."""

    mode: Mode
    """list: no reader; side: list | reader; stacked: list over reader; full: reader only."""
    tree: int
    """The view tree's width (0: hidden)."""
    side: int
    """The reader's side panel width (0: hidden)."""
    list_width: int | None = None
    """The list's width beside the reader (None: the rest)."""
    list_height: int | None = None
    """The list's height above the reader (None: the rest)."""
    measure: int | None = None
    """The longest line of article text (None: no cap)."""

    @property
    def shows_list(self) -> bool:
        return self.mode != "full"


def tree_width(width: int) -> int:
    """The view tree's width where it stays shown: 30 columns, and a share of what a wider
    terminal adds (43 at 160 columns, 63 at 220, 64 at most)."""
    return max(TREE, min(TREE_MAX, TREE + (width - NARROW) // TREE_SHARE))


def split(room: int, measure: int) -> tuple[int, int] | None:
    """(text, list) widths side by side in `room` columns, or None when the list would be
    narrower than `LIST_MIN`. The text gives up columns down to `MIN_MEASURE` until the list
    has `LIST_WANT`; columns beyond both go to the text up to its measure, then the list."""
    full, least = measure + PAD, min(measure, MIN_MEASURE) + PAD
    text = max(least, min(full, room - LIST_WANT))
    if room - text < LIST_MIN:
        return None
    return text, room - text


def plan(width: int, height: int, *, reader: bool, full: bool = False,
         side: bool | None = None, text_width: int = 80, tree_focused: bool = False) -> Layout:
    """The layout for a `width` x `height` terminal (the status line and footer included).
    `side`: the side panel shown or hidden by the user; None: shown from `SIDE_FROM`
    columns."""
    measure = text_width or NO_CAP
    cap = text_width or None
    if not reader:
        tree = tree_width(width) if width >= NARROW else (TREE_ASKED if tree_focused else 0)
        return Layout("list", tree, 0)
    if side is None:
        side = width >= SIDE_FROM
    sides = (SIDE, SIDE_NARROW) if side and width >= NARROW else (SIDE_NARROW,) if side else ()
    if full:
        return Layout("full", 0, sides[0] if sides else 0, measure=cap)
    fits = [(w, parts) for w in sides or (0,) if (parts := split(width - w, measure))]
    if fits:  # side by side: the side panel narrows before the list's headlines do
        side_width, (_text, rest) = next(
            (fit for fit in fits if fit[1][1] >= LIST_WANT), fits[-1])
        if rest - TREE >= LIST_WANT:  # the tree too, without taking the list's headlines
            tree = min(tree_width(width), TREE + (rest - TREE - LIST_WANT) // 2)  # halves
            return Layout("side", tree, side_width, rest - tree, measure=cap)
        if tree_focused:
            return _tree_asked(width, side_width, measure, cap)
        return Layout("side", 0, side_width, rest, measure=cap)
    if height >= STACK_MIN_HEIGHT:
        side_width = sides[0] if sides else 0
        list_height = max(7, (height - 2) // 3)
        room = width - side_width - min(measure, MIN_MEASURE) - PAD
        tree = min(tree_width(width), room) if room >= TREE else \
            (TREE_ASKED if tree_focused else 0)
        return Layout("stacked", tree, side_width, list_height=list_height, measure=cap)
    return Layout("full", 0, sides[0] if sides else 0, measure=cap)


def _tree_asked(width: int, side_width: int, measure: int, cap: int | None) -> Layout:
    """The tree has the focus (`1`, tab) beside the list and the text: the side panel makes
    way for it while it is used; the text is squeezed only when that is not enough."""
    for shown in (side_width, 0):
        parts = split(width - TREE_ASKED - shown, measure)
        if parts is not None:
            return Layout("side", TREE_ASKED, shown, parts[1], measure=cap)
    rest = max(LIST_MIN, width - TREE_ASKED - (PAD + 20))
    return Layout("side", TREE_ASKED, 0, max(1, min(rest, width - TREE_ASKED - PAD - 20)),
                  measure=cap)
