"""The filter (`f`) and search (`/`) bar under the list.

Both take the CLI's query language; a query is checked on its own first, so a
`QueryError`'s column points into what the user typed (the cursor jumps there).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tui.app.screens.base import DeskScreen


class QueryBarMixin(DeskScreen):
    """Mixed into `MainScreen`."""

    def open_query_bar(self, mode: str) -> None:
        bar = self.query_one("#query-bar", Input)
        self.input_mode = mode
        bar.placeholder = ("full-text search (enter applies, empty clears, esc cancels)"
                           if mode == "search" else
                           "filter query, e.g. tag:iran is:unread (esc cancels)")
        bar.value = self.search_text if mode == "search" else self.filter_query
        bar.border_title = "/ search" if mode == "search" else "f filter"
        bar.display = True
        bar.focus()

    def close_query_bar(self) -> None:
        bar = self.query_one("#query-bar", Input)
        bar.display = False
        self.input_mode = None
        self.articles.focus()

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape" and self.input_mode is not None:
            event.stop()
            self.close_query_bar()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # A named handler, not @on: Textual only collects @on from its own classes.
        if event.input.id != "query-bar":
            return
        event.stop()
        old = (self.filter_query, self.search_text)
        value = event.value.strip()
        if value:
            try:  # alone first, so an error's column points into what the user typed
                self.desk.count(value)
            except Exception as error:  # QueryError goes to the user
                self.show_query_error(error)
                column = getattr(error, "column", None)
                if isinstance(column, int):
                    event.input.cursor_position = max(0, column - 1)
                return
        if self.input_mode == "search":
            self.search_text = value
        else:
            self.filter_query = value
        if self.load_view(self.view):
            self.message = ""
            self.update_status()
            self.close_query_bar()
        else:
            self.filter_query, self.search_text = old  # keep the bar open to fix it

    def action_search(self) -> None:
        self.open_query_bar("search")

    def action_filter(self) -> None:
        self.open_query_bar("filter")

