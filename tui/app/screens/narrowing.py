"""What the list leaves out, put back or toggled: the search and filter cleared (`c`, and `q`
on a search's results, as newsboat's `q` leaves them) and read articles hidden or shown (`l`).
Split from the main screen, which keeps the state (`filter_query`, `search_text`,
`hide_read`) and lists it (`load_view`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from tui.app.screens.trail import Trail


class Narrowed(Protocol):
    """What `Narrowing` needs of the main screen (a Protocol: the screen imports this)."""

    filter_query: str
    search_text: str
    hide_read: bool
    trail: Trail

    def reload_view(self) -> bool: ...
    def say(self, message: str) -> None: ...
    def key(self, name: str) -> str: ...


class Narrowing:
    """The main screen's `c`, `l` and `q` on a search or filter."""

    def __init__(self, screen: Narrowed) -> None:
        self.screen = screen

    def toggle_hide_read(self) -> None:
        screen = self.screen
        screen.hide_read = not screen.hide_read
        if screen.reload_view():
            screen.say(
                f"read articles hidden ({screen.key('toggle_hide_read')} shows them)"
                if screen.hide_read
                else "read articles shown"
            )

    def clear_query(self) -> None:
        """Back to the whole view: no search, no filter."""
        screen = self.screen
        if not (screen.filter_query or screen.search_text):
            screen.say("no search or filter to clear")
            return
        screen.filter_query = screen.search_text = ""
        if screen.reload_view():
            screen.say("search and filter cleared")

    def leave_query(self) -> None:
        """`q` on a search's or filter's results: the whole view again, and what `q` does
        next."""
        screen = self.screen
        screen.filter_query = screen.search_text = ""
        if screen.reload_view():
            screen.say(
                f"search and filter cleared; {screen.key('close')} again "
                + ("goes back" if screen.trail.places else "quits")
            )
