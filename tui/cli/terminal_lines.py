"""The CLI's lines on a terminal that draws cells left to right (xterm, tmux...), as `show`
and the reader draw right-to-left text there: each line holding Arabic, Persian or Hebrew is
wrapped to the terminal's width and put in visual order, shaped (`tui.core.visual`), laid
out left to right as the columns around it. A pipe or a file, and a terminal that does bidi
itself (`[settings] bidi`), get the text as stored: only what a terminal shows changes.

A name in a column (a feed, an actor) is set in as a bidi isolate, padded by the cells it
takes once shaped, so the columns after it stay in line; only lines with such letters pay.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING

from tui.core import visual

if TYPE_CHECKING:
    from tui.core.desk import Desk


def drawn_here(desk: Desk) -> bool:
    """Whether stdout is a terminal the CLI lays right-to-left text out for."""
    return sys.stdout.isatty() and visual.app_reorders(desk.config.settings.bidi, os.environ)


def width() -> int:
    """The terminal's columns, less one: a line as wide as the terminal would wrap early."""
    return shutil.get_terminal_size().columns - 1


def put(line: str, drawn: bool) -> None:
    """Print `line` (one or more rows); `drawn`: right-to-left text in visual order, each row
    wrapped here, so the terminal never breaks a reordered row."""
    if visual.needs_reorder(line, drawn):
        room = width()
        line = "\n".join(shown.text for row in line.split("\n")
                         for shown in visual.visual_lines(row, room, rtl=False))
    print(line)


def column(name: str, cells: int, drawn: bool) -> str:
    """`name` cut to `cells` characters and padded to that many cells: as stored, or (drawn)
    as an isolate padded by the cells its shaped letters take (a lam-alef takes one)."""
    cut = name[:cells]
    if not visual.needs_reorder(cut, drawn):
        return f"{cut:<{cells}}"
    taken = visual.cell_width("".join(visual.paragraph(cut).pieces))
    return visual.isolated(cut) + " " * max(cells - taken, 0)


def name(text: str, drawn: bool) -> str:
    """A title, label or tag set into a line: an isolate when drawn, so the digits and
    punctuation after it keep their places."""
    return visual.isolated(text) if drawn else text
