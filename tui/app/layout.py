"""Where the panes go, from the terminal's size: no Textual, so every size is a unit test.

The article text gets a reading measure first (`[settings] text_width`, about 80 columns);
the list takes what is left beside it, or sits above it, or, on a small terminal, gives the
whole screen to the reader until `q`. The view tree shows only where it leaves that room.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TREE = 30  # the view tree's width where it stays shown
TREE_ASKED = 26  # its width when shown only because it has the focus
NARROW = 120  # below this many columns the tree hides while the reader is closed
SIDE = 36  # the reader's side panel (actors, related), with its border
SIDE_NARROW = 28
SIDE_FROM = 100  # narrower terminals hide the side panel until asked for (B, 4, 5)
LIST_MIN = 44  # the narrowest list worth keeping beside the reader
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


def plan(width: int, height: int, *, reader: bool, full: bool = False,
         side: bool | None = None, text_width: int = 80, tree_focused: bool = False) -> Layout:
    """The layout for a `width` x `height` terminal (the status line and footer included).
    `side`: the side panel shown or hidden by the user; None: shown from `SIDE_FROM`
    columns."""
    measure = text_width or NO_CAP
    cap = text_width or None
    if not reader:
        tree = TREE if width >= NARROW else (TREE_ASKED if tree_focused else 0)
        return Layout("list", tree, 0)
    if side is None:
        side = width >= SIDE_FROM
    side_width = (SIDE if width >= NARROW else SIDE_NARROW) if side else 0
    if full:
        return Layout("full", 0, side_width, measure=cap)
    least = min(measure, MIN_MEASURE) + PAD
    if width >= LIST_MIN + least + side_width:  # side by side
        text = min(measure + PAD, width - side_width - LIST_MIN)
        rest = width - side_width - text
        if rest >= TREE + LIST_MIN:
            return Layout("side", TREE, side_width, rest - TREE, measure=cap)
        if tree_focused:  # while the tree is used, the text gives it room
            text = max(PAD + 20, text - TREE_ASKED)
            rest = width - side_width - text
            return Layout("side", TREE_ASKED, side_width, max(1, rest - TREE_ASKED),
                          measure=cap)
        return Layout("side", 0, side_width, rest, measure=cap)
    if height >= STACK_MIN_HEIGHT:
        list_height = max(7, (height - 2) // 3)
        room = width - side_width - TREE >= least
        tree = TREE if room else (TREE_ASKED if tree_focused else 0)
        return Layout("stacked", tree, side_width, list_height=list_height, measure=cap)
    return Layout("full", 0, side_width, measure=cap)
