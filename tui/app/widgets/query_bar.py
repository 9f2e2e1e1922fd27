"""The filter (`f`) and search (`/`) bar under the list, and the note under it that shows a
query error in full.

Both take the CLI's query language. The screen checks a submitted query and applies it; the
bar only knows which of the two it is asking for.
"""

from __future__ import annotations

from typing import Literal

from textual.widgets import Static

from tui.app.widgets.visual_input import VisualInput

Mode = Literal["filter", "search"]


class QueryBar(VisualInput):
    """One line of query, shown only while asked for; Arabic and Persian words drawn as
    they read, as in the dialogs."""

    def __init__(self, *, id: str | None = None) -> None:
        # Never select on focus: the focus event can land after the first keys of a burst
        # were typed in (`f is:unread`), and selecting them lets the next key replace them.
        super().__init__(id=id, select_on_focus=False)
        self.mode: Mode | None = None
        """What the bar is asking for while it is shown."""
        self.display = False

    def show(self, mode: Mode, value: str) -> None:
        self.mode = mode
        self.placeholder = ("full-text search (enter applies, empty clears, esc cancels)"
                            if mode == "search" else
                            "filter query, e.g. tag:iran is:unread (esc cancels)")
        self.value = value
        self.cursor_position = len(value)  # to edit the filter, not to retype it
        self.border_title = "/ search" if mode == "search" else "f filter"
        self.display = True
        # Now, not through focus()'s call_later: keys that arrive from here on go to the bar.
        self.screen.set_focus(self)

    def hide(self) -> None:
        self.display = False
        self.mode = None


class QueryNote(Static):
    """A query error, whole and wrapped: the status line cuts it at its width (at 80 columns
    only "query error (column 1): unknown" was left) and its messages fade. It stays until
    the query is edited, applied or the bar closed."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.display = False

    def show(self, text: str) -> None:
        self.update(text)
        self.display = True

    def clear(self) -> None:
        if self.display:
            self.update("")
            self.display = False
