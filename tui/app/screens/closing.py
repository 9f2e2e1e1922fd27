"""What `q` closes, decided in one place: `MainScreen.close_one` carries it out and the footer
names it, so the footer's word for `q` is what `q` does there (at 80 columns it said "Quit"
while `q` closed the reader); and the rest of what the footer says the keys do now."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from textual.widget import Widget

    from tui.app.screens.arrange import Arrange
    from tui.app.screens.narrowing import Narrowing
    from tui.app.screens.trail import Trail
    from tui.app.widgets.panes import Pane
    from tui.app.widgets.query_bar import QueryBar
    from tui.app.widgets.reader import Reader
    from tui.app.widgets.view_tree import ViewTree


class Closing(Protocol):
    """What `innermost` reads of the main screen (a Protocol: the screen imports this)."""

    filter_query: str
    search_text: str
    trail: Trail
    arranger: Arrange
    narrowing: Narrowing

    @property
    def app(self) -> Any: ...
    @property
    def focused(self) -> Widget | None: ...
    @property
    def reader(self) -> Reader: ...
    @property
    def query_bar(self) -> QueryBar: ...
    @property
    def view_tree(self) -> ViewTree: ...
    def focused_pane(self) -> Pane: ...
    def close_query_bar(self) -> None: ...
    def tree_to_list(self) -> None: ...
    def set_focus(self, widget: Widget | None, scroll_visible: bool = True) -> None: ...


@dataclass(frozen=True, slots=True)
class Step:
    """The innermost open thing and how it closes."""

    title: str
    """What the footer says `q` does now ("Close", "Back", "Quit"...)."""
    act: Callable[[], object]
    quits: bool = False
    """The app ends: Esc and Backspace, which never quit, do nothing then."""


def innermost(screen: Closing) -> Step:
    """The query bar, a related article (back to the one it was opened from, from the
    reader's panes), full screen, the side panel's focus, the reader, the tree's focus, the
    search and filter, a drill-down (`Trail`); the app when nothing is open."""
    from tui.app.widgets.side_panel import SideList

    pane = screen.focused_pane()
    reader = screen.reader
    if screen.query_bar.mode is not None:
        return Step("Cancel", screen.close_query_bar)
    if pane in reader.panes and screen.trail.from_related():
        return Step("Back", screen.trail.back_from_related)
    if screen.arranger.full:
        return Step("Back", screen.arranger.leave_full)
    if isinstance(pane, SideList) and screen.arranger.layout.mode != "full":
        return Step("Back", lambda: screen.set_focus(reader.scroller))
    if reader.is_open:
        return Step("Close", screen.arranger.close_reader)
    if pane is screen.view_tree:
        return Step("To list", screen.tree_to_list)
    if screen.filter_query or screen.search_text:  # newsboat's q leaves a search's results
        return Step("Clear", screen.narrowing.leave_query)
    if screen.trail.can_go_back():
        return Step("Back", screen.trail.back)
    return Step("Quit", screen.app.exit, quits=True)


def footer_now(screen: Closing) -> tuple[dict[str, str], frozenset[str],
                                            list[tuple[str, str]]]:
    """`KeyFooter.show`'s words for the screen as it is: `q`'s title; no `enter` in the
    reader's text (it only opens the same article again: the status line names `space`
    there, and `s Save` keeps its place at 80 columns); in the query bar only enter and esc
    (every other key is a letter of the query)."""
    from tui.app.widgets.reader import ArticleText

    if screen.app.screen is not screen:  # the palette (a dialog draws its own keys)
        return {}, frozenset(), [("enter", "Run"), ("esc", "Close")]
    if screen.focused is screen.query_bar:
        what = "Filter" if screen.query_bar.mode == "filter" else "Search"
        return {}, frozenset(), [("enter", what), ("esc", "Cancel")]
    hidden = frozenset({"open"} if isinstance(screen.focused, ArticleText) else ())
    return {"close": innermost(screen).title}, hidden, []
