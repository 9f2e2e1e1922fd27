"""The CLI's lines on a terminal that draws cells left to right (xterm, tmux...), as `show`
and the reader draw right-to-left text there: each line holding Arabic, Persian or Hebrew is
wrapped to the terminal's width and put in visual order, shaped (`tui.core.visual`), laid
out left to right as the columns around it. A pipe or a file, and a terminal that does bidi
itself (`[settings] bidi`), get the text as stored: only what a terminal shows changes.

A name in a column (a feed, an actor) is set in as a bidi isolate, padded by the cells it
takes once shaped, so the columns after it stay in line; only lines with such letters pay.
`tui.core.visual` loads on first use: `fetch`, which draws no line, never loads it.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.desk import Desk


def drawn_here(desk: Desk) -> bool:
    """Whether stdout is a terminal the CLI lays right-to-left text out for."""
    from tui.core import visual

    return sys.stdout.isatty() and visual.app_reorders(desk.config.settings.bidi, os.environ)


def width() -> int:
    """The terminal's columns, less one: a line as wide as the terminal would wrap early."""
    import shutil  # its import loads bz2 and lzma: only for a listing on a terminal

    return shutil.get_terminal_size().columns - 1


def put(line: str, drawn: bool, hang: int = 0) -> None:
    """Print `line` (one or more rows); `drawn`: right-to-left text in visual order, each row
    wrapped here, so the terminal never breaks a reordered row. `hang`: the column a row's
    text starts at (`list`'s titles): on such a terminal every row wider than it wraps at
    words, continued under that column, so the columns before it stay clear."""
    from tui.core import visual

    if drawn and (hang or visual.has_rtl(line)):
        room = width()
        line = "\n".join(shown for row in line.split("\n") for shown in wrapped(row, room, hang))
    print(line)


def wrapped(row: str, room: int, hang: int) -> list[str]:
    """`row` wrapped to `room` cells and each line put in visual order (the row's levels are
    resolved whole, then each line reordered: UAX #9's order), lines after the first indented
    by `hang` while that leaves a title room to read (20 cells)."""
    from tui.core import visual

    par = visual.paragraph(row, False)
    head = visual.wrap(row, room)
    if not row.strip() or not head:
        return [row]
    start, end = head[0]
    lines = [visual.line(par, start, end).text]
    rest = end + len(row[end:]) - len(row[end:].lstrip())
    indent = hang if room - hang >= 20 else 0
    for a, b in visual.wrap(row[rest:], room - indent) if rest < len(row) else ():
        lines.append(" " * indent + visual.line(par, rest + a, rest + b).text)
    return lines


def column(name: str, cells: int, drawn: bool) -> str:
    """`name` cut to `cells` characters (its last an ellipsis) and padded to that many cells:
    as stored, or (drawn) as an isolate padded by the cells its shaped letters take (a
    lam-alef takes one)."""
    from tui.core import visual

    cut = name if len(name) <= cells else name[:cells - 1] + "…"  # a cut name says so
    if not (drawn and visual.has_rtl(cut)):
        return f"{cut:<{cells}}"
    taken = visual.cell_width("".join(visual.paragraph(cut).pieces))
    return visual.isolated(cut) + " " * max(cells - taken, 0)


def name(text: str, drawn: bool) -> str:
    """A title, label or tag set into a line: an isolate when drawn, so the digits and
    punctuation after it keep their places."""
    from tui.core import visual

    return visual.isolated(text) if drawn else text
