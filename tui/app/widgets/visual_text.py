"""Rich renderables that draw right-to-left paragraphs as the terminal needs them.

The text is wrapped at the width it is drawn at, then each line of a paragraph holding
right-to-left letters is put in visual order and shaped (`tui.core.visual`), its styles
(actors, search hits, link markers) moved with their characters, and right-aligned when the
paragraph is right-to-left. For a terminal that does bidi itself (`reorder=False`) the text
stays in logical order: right-to-left paragraphs are right-aligned, each line opening with a
direction mark (RLM, or LRM for a left-to-right line holding Arabic) so a terminal that takes
a line's direction from its first letter lays out the frame as the app means it.
Paragraphs without right-to-left letters are drawn by Rich as before.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from tui.core import visual
from tui.core.config.loader import Config

if TYPE_CHECKING:
    from textual.dom import DOMNode

RLM, LRM = "\u200f", "\u200e"


def reorders(config: Config | None) -> bool:
    """Whether this app draws right-to-left text in visual order (`[settings] bidi`)."""
    mode = config.settings.bidi if config is not None else "auto"
    return visual.app_reorders(mode, os.environ)


def app_reorders(node: DOMNode) -> bool:
    """`reorders` for the app a widget or dialog belongs to (its config's `bidi`)."""
    return reorders(getattr(node.app, "config", None))


class VisualText:
    """A Text whose right-to-left paragraphs are drawn line by line in visual order.
    `ltr_from`: paragraphs from that index on are the app's own lines (the reader's meta and
    role lines), laid out left to right whatever the first letter."""

    def __init__(self, text: Text, *, reorder: bool, ltr_from: int | None = None) -> None:
        self.text = text
        self.reorder = reorder
        self.ltr_from = ltr_from

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions
                         ) -> Iterator[Segment]:
        width = options.max_width
        if not visual.has_rtl(self.text.plain):  # drawn by Rich as any text
            yield from console.render(self.text, options)
            return
        for index, para in enumerate(self.text.split("\n", allow_blank=True)):
            plain = para.plain
            if not visual.has_rtl(plain):
                yield from console.render(para, options)
                continue
            ltr = self.ltr_from is not None and index >= self.ltr_from
            for line in self._lines(para, width, False if ltr else None):
                yield from line.render(console)
                yield Segment.line()

    def _lines(self, para: Text, width: int, rtl: bool | None) -> Iterable[Text]:
        plain = para.plain
        direction = visual.is_rtl(plain) if rtl is None else rtl
        if not self.reorder:
            mark = RLM if direction else LRM
            for start, end in visual.wrap(plain, width, cell_len):
                line = para[start:end]
                line = Text(mark, end="") + line
                yield _aligned(line, width, direction)
            return
        for drawn in visual.visual_lines(plain, width, direction, cell_len):
            yield _aligned(styled(para, drawn), width, direction)


def drawable(text: Text, *, reorder: bool, ltr_from: int | None = None) -> Text | VisualText:
    """What a Static or an option draws: the Text itself when it has no right-to-left letter
    (Textual lays it out as any text), else a `VisualText`."""
    if not visual.has_rtl(text.plain):
        return text
    return VisualText(text, reorder=reorder, ltr_from=ltr_from)


def styled(para: Text, drawn: visual.VisualLine) -> Text:
    """The drawn line with the paragraph's styles on the characters they covered."""
    line = Text(drawn.text, style=para.style, end="")
    for span in para.spans:
        if span.end > drawn.start and span.start < drawn.end:
            for start, end in drawn.spans(span.start, span.end):
                line.stylize(span.style, start, end)
    return line


def _aligned(line: Text, width: int, rtl: bool) -> Text:
    room = width - line.cell_len
    if rtl and room > 0:
        line = Text(" " * room, end="") + line
    return line


def own_line(text: str | Text, reorder: bool) -> Text | VisualText:
    """One of the app's own lines that names titles, feeds or actors (a dialog's question, a
    feed's detail): laid out left to right and wrapped where it is drawn, whatever its first
    letter, each right-to-left name in it in visual order. Names followed by digits or
    punctuation of their own are best set in as `visual.isolated`."""
    return drawable(Text(text) if isinstance(text, str) else text, reorder=reorder, ltr_from=0)


def drawn_message(message: str, reorder: bool, width: int | None = None) -> str:
    """A toast's text as the status line draws its messages: each line left to right, each
    right-to-left name in it (set in as `visual.isolated`) in visual order. Toasts are drawn
    by Textual as stored: an Arabic name read backwards. A line holding one is wrapped at the
    toast's `width` first and each part reordered on its own (reordered whole, then wrapped by
    Textual, a long name's words fell on the wrong lines)."""
    out: list[str] = []
    for line in message.split("\n"):
        if not visual.needs_reorder(line, reorder):
            out.append(line)
        elif width is None:
            out.append(visual.drawn_line(line, rtl=False).text)
        else:
            out.extend(drawn.text for drawn in visual.visual_lines(line, width, False, cell_len))
    return "\n".join(out)


TOAST_WIDTH, TOAST_CHROME = 60, 3
"""Textual's toast: 60 cells, or half the screen when that is less, of which its padding and
its left border take 3."""


def toast_room(screen_width: int) -> int:
    """The cells a toast's text has on a screen `screen_width` wide."""
    return max(1, min(TOAST_WIDTH, screen_width // 2) - TOAST_CHROME)


def drawn_label(label: Text, reorder: bool, rtl: bool | None = None) -> Text:
    """One line (a headline, an outlet's name, already cut to its room) as it is drawn: in
    visual order when the app reorders and the label holds right-to-left letters. `rtl`:
    its direction (False for the app's own lines), else its first strong letter's."""
    plain = label.plain
    if not visual.needs_reorder(plain, reorder):
        return label
    drawn = styled(label, visual.drawn_line(plain, rtl))
    drawn.no_wrap, drawn.overflow, drawn.end = label.no_wrap, label.overflow, label.end
    return drawn


def fitted(label: Text, room: int, reorder: bool, *, pad: bool = True) -> Text:
    """A list's label cut to `room` cells (with an ellipsis) before it is put in visual order,
    so the cut falls at the logical end, then padded to the room (left-aligned, as the
    column's other labels; `pad` False: left as it is unless it must be reordered)."""
    if not pad and not visual.needs_reorder(label.plain, reorder):
        return label
    label.truncate(room, overflow="ellipsis")
    label = drawn_label(label, reorder)
    if pad:
        label.truncate(room, pad=True)
    return label
