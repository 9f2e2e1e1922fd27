"""The way back from a drill-down: an actor's timeline (or a name's search) opened from the
reader's side panel replaces the list, and `q`, Esc or Backspace return to where the user was,
as newsboat's `q` goes up one level and quits only from the top.

A place is what the list showed (view, filter, search, its rows), the article selected and
the one in the reader, and the pane that had the focus. Choosing a view in the tree is a move
sideways, not down: it forgets the trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from tui.app.screens.host import Host
from tui.app.views import unlisted_view

if TYPE_CHECKING:
    from textual.widget import Widget

    from tui.app.paging import Pager
    from tui.app.screens.arrange import Arrange
    from tui.app.screens.reading import Reading
    from tui.app.views import ViewSpec

DEPTH = 50


@dataclass(frozen=True, slots=True)
class Place:
    view: ViewSpec
    filter_query: str
    search_text: str
    selected: int | None
    reading: int | None
    focused: Widget | None
    pager: Pager | None
    """The list's rows as they were: read ones stay in Unread, as before the drill-down."""


class Drilled(Host, Protocol):
    """What `Trail` needs of the screen besides `Host`."""

    arranger: Arrange
    reading: Reading

    def show_actor(self, actor_id: str, name: str) -> None: ...
    def load_view(self, view: ViewSpec, pager: Pager | None = None) -> bool: ...
    def set_focus(self, widget: Widget | None, scroll_visible: bool = True,
                  from_app_focus: bool = False) -> None: ...


class Trail:
    """The places left by drilling down, the last on top."""

    def __init__(self, screen: Drilled) -> None:
        self.screen = screen
        self.places: list[Place] = []

    def __bool__(self) -> bool:
        return bool(self.places)

    def to_actor(self, actor_id: str) -> None:
        """`enter` on an actor of the side panel: its timeline; a person the gazetteer
        lacks ("not listed") is searched for by name."""
        screen = self.screen
        actor = screen.desk.actor(actor_id)
        unlisted = next((a for a in screen.reader.side.actors
                         if a.id == actor_id and not a.listed), None)
        if actor is None and unlisted is not None:
            self.down(unlisted_view(unlisted.name))
        else:
            screen.show_actor(actor_id, actor.name if actor else actor_id)

    def down(self, view: ViewSpec) -> None:
        """List `view` in place of what the list shows, remembering the way back; the list
        takes the focus."""
        screen = self.screen
        self.leave()
        screen.filter_query = screen.search_text = ""
        if screen.load_view(view):
            screen.arranger.close_reader()
            screen.view_tree.select_view(screen.view)
        else:
            self.back()

    def leave(self) -> None:
        """Remember where the user is, before a drill-down replaces the list."""
        screen = self.screen
        selected = screen.articles.current
        reader = screen.reader
        reading = reader.article.id if reader.is_open and reader.article is not None else None
        self.places.append(Place(screen.view, screen.filter_query, screen.search_text,
                                 selected.id if selected is not None else None, reading,
                                 screen.focused, screen.articles.pager))
        del self.places[:-DEPTH]

    def forget(self) -> None:
        self.places.clear()

    def back(self) -> bool:
        """Return to the last place left; False when there is none (the top)."""
        if not self.places:
            return False
        place = self.places.pop()
        screen = self.screen
        screen.filter_query, screen.search_text = place.filter_query, place.search_text
        if not screen.load_view(place.view, place.pager):
            return True
        screen.articles.reload_keep_place()  # flags and tags changed in the meantime
        screen.view_tree.select_view(place.view)
        if place.selected is not None:
            screen.articles.select(place.selected)
        if place.reading is not None:
            screen.reading.open(place.reading, None)
        focused = place.focused
        if focused is not None and focused.is_attached and focused.display:
            screen.set_focus(focused)
        else:
            screen.set_focus(screen.articles)
        screen.say(f"back to {place.view.label}")
        return True
