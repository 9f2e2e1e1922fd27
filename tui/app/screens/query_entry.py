"""The query bar: `/` searches, `f` filters the list with the query language. The bar opens
over the status line, takes the keys typed in the burst that opened it, and applies what is
entered to the view listed, or keeps itself open on a bad query with the cursor on the error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from tui.app.screens.host import Host, guarded
from tui.core.query import QueryError
from tui.core.words import counted

if TYPE_CHECKING:
    from textual import events

    from tui.app.paging import Pager
    from tui.app.screens.arrange import Arrange
    from tui.app.views import ViewSpec
    from tui.app.widgets.query_bar import Mode, QueryBar, QueryNote
    from tui.app.widgets.status import StatusLine


class Queried(Host, Protocol):
    """What `QueryEntry` needs of the screen besides `Host`."""

    arranger: Arrange

    @property
    def query_bar(self) -> QueryBar: ...

    @property
    def query_note(self) -> QueryNote: ...

    @property
    def status_line(self) -> StatusLine: ...

    def show_query_error(self, error: QueryError) -> None: ...

    def load_view(self, view: ViewSpec, pager: Pager | None = None, *,
                  new_query: bool = False) -> bool: ...


class QueryEntry:
    """What the main screen's query bar does (the screen routes its events here)."""

    def __init__(self, screen: Queried) -> None:
        self.screen = screen

    def warn(self, message: str) -> None:
        self.screen.warn(message)

    def open(self, mode: Mode) -> None:
        """`/` starts empty (a new search replaces the last); `f` shows the filter to edit."""
        screen = self.screen
        screen.query_bar.show(mode, "" if mode == "search" else screen.filter_query)

    def close(self) -> None:
        screen = self.screen
        screen.query_bar.hide()
        screen.query_note.clear()
        screen.set_focus(screen.articles)

    def has_focus(self) -> bool:
        """No command runs from a key while the query bar has the focus: a `/` or `f` typed in
        the burst after the one that opened it reached a pane first, and is text (`take_typing`)."""
        return self.screen.focused is self.screen.query_bar

    def take_typing(self, event: events.Key) -> bool:
        """Put a printable key that reached the app into the bar, if the bar has the focus:
        the bar eats the keys it gets itself, so this one was sent to a pane before the bar
        opened. True when taken."""
        if not self.has_focus() or not (event.is_printable and event.character):
            return False
        self.screen.query_bar.insert_text_at_cursor(event.character)
        return True

    def escape(self, event: events.Key) -> bool:
        """Esc closes an open bar; True when it did."""
        if event.key != "escape" or self.screen.query_bar.mode is None:
            return False
        event.stop()
        self.close()
        return True

    @guarded
    def submitted(self, value: str) -> None:
        """Apply the bar's query; a bad one keeps the bar open with the cursor where the fix goes
        (on the error; after the text for an unclosed quote)."""
        screen = self.screen
        old = (screen.filter_query, screen.search_text)
        if value:
            try:  # alone first, so an error's column points into what the user typed
                screen.desk.count(value)
            except QueryError as error:
                screen.show_query_error(error)
                screen.query_bar.cursor_position = max(0, error.fix_at - 1)
                return
        if screen.query_bar.mode == "search":
            screen.search_text = value
        else:
            screen.filter_query = value
        if screen.load_view(screen.view, new_query=bool(value)):
            screen.status_line.clear_message()
            self.close()
            if screen.reader.is_open and not screen.articles.pager:  # a search that matched
                screen.arranger.close_reader()  # nothing: the list says so, not the last read
            elif screen.reader.is_open and not screen.arranger.layout.shows_list:
                # the reader has the screen (80x24): the list it changed is behind it
                listed = len(screen.articles.pager) if screen.articles.pager else 0
                screen.say(f"{counted(listed, 'article')} listed; "
                           f"{screen.key('close')} shows the list")
        else:
            screen.filter_query, screen.search_text = old  # keep the bar open to fix it
