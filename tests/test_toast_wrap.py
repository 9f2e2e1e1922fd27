"""A toast naming a long Arabic name that wraps: each line is wrapped where the toast wraps it,
then put in visual order on its own (the whole line was reordered, then wrapped by Textual:
the name's words fell on the wrong lines, its end read first)."""

from __future__ import annotations

from rich.cells import cell_len

from tui.app.widgets.visual_text import drawn_message, toast_room
from tui.core import visual

NAME = "عبد الرحمن بن محمد بن عبد الله الحسيني المقدسي الجزائري"  # invented, long


def test_each_wrapped_line_is_reordered_on_its_own() -> None:
    message = f"added {visual.isolated(NAME)} to your actors; - forgets it again"
    width = 30
    lines = drawn_message(message, True, width).split("\n")
    logical = [message[start:end] for start, end in visual.wrap(message, width, cell_len)]
    assert len(lines) == len(logical) > 1
    assert lines == [visual.drawn_line(line, rtl=False).text for line in logical]
    assert all(cell_len(line) <= width for line in lines)
    assert drawn_message(message, False, width) == message  # a bidi terminal's: as stored


def test_the_room_is_the_toasts() -> None:
    """Textual's toast is 60 cells wide, at most half the screen; 3 go to its frame."""
    assert (toast_room(160), toast_room(80), toast_room(40)) == (57, 37, 17)
