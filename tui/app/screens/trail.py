"""The way back from a drill-down, as newsboat's `q` goes up one level and quits only from
the top; `q`, Esc and Backspace return to where the user was.

Three moves go down a level: an actor's timeline (or a name's search) opened from the reader's
side panel replaces the list; any view but All and Unread chosen in the tree does too (a feed,
a tag, Saved, a saved view, a story, an actor: newsboat's `q` goes from a feed's articles back
to the feed list, and every newsboat user presses it; another one chosen in the tree from
there, or J/K, is a move sideways at that level; a view just saved with `V` is listed so too,
a level down from the list it was made from); a related item opened from the side panel
replaces only the reader's article, and going back from the reader's panes shows the article
it was listed under again.

A place is what the list showed (view, filter, search, its rows), the article selected and
the one in the reader, and the pane that had the focus. All and Unread are the top: chosen in
the tree, they forget the trail, and `q` quits from their list.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from tui.app.said import Give, Said
from tui.app.screens.host import Host
from tui.app.screens.triage import short
from tui.app.views import feed_view, unlisted_view
from tui.app.widgets.side_panel import SideList
from tui.core.visual import isolated

if TYPE_CHECKING:
    from textual.widget import Widget

    from tui.app.paging import Pager
    from tui.app.screens.arrange import Arrange
    from tui.app.screens.reading import Reading
    from tui.app.views import ViewSpec

DEPTH = 50
TOP = ("all", "unread")
"""What the tree lists that is the top level; any other view chosen there is a level down."""


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
    highlighted: int | None = None
    """The focused side list's highlighted item (the related item opened from it)."""
    opened: int | None = None
    """The related article this place was left for (None: the list was replaced)."""
    by_tree: bool = False
    """Left for a timeline chosen in the tree."""


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

    def to_view(self, view: ViewSpec) -> None:
        """A view chosen in the tree (or `e`, J, K): a level down from the top (a new one
        chosen from one picked in the tree replaces it); All and Unread are the top, and
        forget the trail."""
        screen = self.screen
        if view.kind in TOP:
            self.forget()
            screen.filter_query = screen.search_text = ""
            if screen.load_view(view):
                screen.set_focus(screen.articles)
            return
        self._drop_stale(None)
        self.down(view, by_tree=True)

    def to_made(self, view: ViewSpec) -> None:
        """A view just saved with `V`: a level down from where it was made (`q` returns to
        that list, its filter and search), as the view chosen in the tree would be."""
        screen = self.screen
        self._drop_stale(None)
        self.leave(by_tree=True)
        screen.filter_query = screen.search_text = ""
        if screen.load_view(view):
            screen.view_tree.select_view(view)
        else:
            self.back()

    def step_feed(self, delta: int) -> None:
        """J/K, newsboat's next-feed and prev-feed: the next (previous) feed of the tree, a
        move sideways from a feed's list; from any other view, the first (last) feed."""
        screen = self.screen
        names = [feed.name for feed in screen.config.feeds]
        if not names:
            screen.say("no feeds in feeds.toml")
            return
        now = screen.view.feed if screen.view.kind == "feed" else None
        at = names.index(now) + delta if now in names else (0 if delta > 0 else len(names) - 1)
        if not 0 <= at < len(names):
            screen.say(f"{isolated(now or '')} is the {'last' if delta > 0 else 'first'} feed")
            return
        self.to_view(feed_view(names[at]))
        if screen.view.feed == names[at]:
            screen.say(f"feed {at + 1} of {len(names)}: {isolated(names[at])} "
                       f"({screen.key('close')} goes back)")

    def unread_feed_after(self, step: int) -> tuple[str, int] | None:
        """The feed `unread_feed` goes to and its unread count, without going there (one
        query for every feed's count: the reader's hint asks at each article's end)."""
        screen = self.screen
        now = screen.view.feed if screen.view.kind == "feed" else None
        if now is None:
            return None
        feeds = screen.desk.feeds()  # in feeds.toml's order, as J goes
        at = next((i for i, feed in enumerate(feeds) if feed.name == now), None)
        if at is None:
            return None
        order = feeds[at + 1:] + feeds[:at]
        for feed in order if step > 0 else reversed(order):
            if feed.unread:
                return feed.name, feed.unread
        return None

    def unread_feed(self, step: int) -> bool:
        """`n` past a feed's last unread article, as newsboat's next-unread: on to the next
        feed of feeds.toml with unread ones (`p`: the previous), round the list as newsboat
        does, listed as J lists it, its first (last) unread selected and opened if the reader
        was open. Only from a feed's list (the others span feeds); False when no other feed
        has any."""
        screen = self.screen
        now, (name, left) = screen.view.feed, self.unread_feed_after(step) or ("", 0)
        if not name:
            return False
        reading = screen.reader.is_open
        self.to_view(feed_view(name))
        pager = screen.articles.pager
        if screen.view.feed != name or pager is None:
            return True  # the list says why
        found = pager.find_unread(-1 if step > 0 else len(pager), step)
        if found is not None:
            screen.articles.go(found)
            if reading:
                screen.reading.open_selected()
        # The label names the feed it went to; an 80-column line keeps the rest whole (the
        # feed left gives way, a long name only). "on to Tehran Wire Review, 8 unread
        # (Caspian Courier has none left)" lost its tail there.
        way, none = ("next", "none left") if step > 0 else ("prev", "none earlier")
        screen.say(Said(f"{way} feed, {left} unread (", Give(isolated(now or "")),
                        f" has {none})"))
        return True

    def to_related(self, article_id: int) -> None:
        """`enter` on a related item: shown in the reader, a level down from the article it is
        listed under (the list stays as it is)."""
        screen = self.screen
        reader = screen.reader
        came = reader.article if reader.is_open else None
        if came is None or came.id == article_id:
            screen.reading.open(article_id)
            return
        self.leave(opened=article_id)
        screen.reading.open(article_id, Said("related to ", short(came), " (esc goes back)"))

    def down(self, view: ViewSpec, by_tree: bool = False) -> None:
        """List `view` in place of what the list shows, remembering the way back; the list
        takes the focus."""
        screen = self.screen
        sideways = by_tree and bool(self.places) and self.places[-1].by_tree
        if not sideways:
            self.leave(by_tree=by_tree)
        screen.filter_query = screen.search_text = ""
        if screen.load_view(view):
            screen.arranger.close_reader()
            screen.view_tree.select_view(screen.view)
        elif not sideways:
            self.back()

    def leave(self, opened: int | None = None, by_tree: bool = False) -> None:
        """Remember where the user is, before a drill-down replaces the list (or, `opened`,
        the reader's article)."""
        screen = self.screen
        selected = screen.articles.current
        reader = screen.reader
        reading = reader.article.id if reader.is_open and reader.article is not None else None
        focused = screen.focused
        highlighted = focused.highlighted if isinstance(focused, SideList) else None
        self.places.append(Place(screen.view, screen.filter_query, screen.search_text,
                                 selected.id if selected is not None else None, reading,
                                 focused, screen.articles.pager, highlighted, opened,
                                 by_tree))
        del self.places[:-DEPTH]

    def forget(self) -> None:
        self.places.clear()

    def rename_feeds(self, names: dict[str, str]) -> None:
        """Feeds renamed in feeds.toml (old name -> new): the ways back to their lists go by
        the new name (the old one lists nothing now). Such a place's rows are read anew on
        the way back: they were listed by the old name."""
        for at, place in enumerate(self.places):
            old = place.view
            if old.kind == "feed" and old.feed in names:
                new = feed_view(names[old.feed], old.failed, old.warned)
                self.places[at] = replace(place, view=new, pager=None)

    def _drop_stale(self, shown: int | None) -> None:
        """Forget the related articles left behind: a place left for one the reader no longer
        shows (`shown`) is no way back any more (the user moved on with n, ], the list)."""
        self.places[:] = self._kept(shown)

    def _kept(self, shown: int | None) -> list[Place]:
        """The places `_drop_stale(shown)` keeps, without dropping the others."""
        places = list(self.places)
        while places and places[-1].opened not in (None, shown):
            places.pop()
        return places

    def _live(self) -> list[Place]:
        """The places kept for the article the reader shows (for the footer)."""
        reader = self.screen.reader
        return self._kept(reader.article.id if reader.is_open and reader.article else None)

    def from_related(self) -> bool:
        """The reader shows a related article `back_from_related` would go back from."""
        reader = self.screen.reader
        places = self._live()
        return reader.is_open and reader.article is not None and bool(places) \
            and places[-1].opened == reader.article.id

    def can_go_back(self) -> bool:
        """`back` has a place to go to."""
        return bool(self._live())

    def back_from_related(self) -> bool:
        """From the reader's panes: back to the article the related one shown was opened
        from; False when the reader shows no related article."""
        reader = self.screen.reader
        shown = reader.article.id if reader.is_open and reader.article is not None else None
        self._drop_stale(shown)
        if shown is None or not self.places or self.places[-1].opened != shown:
            return False
        return self.back()

    def back(self) -> bool:
        """Return to the last place left; False when there is none (the top)."""
        reader = self.screen.reader
        self._drop_stale(reader.article.id if reader.is_open and reader.article else None)
        if not self.places:
            return False
        place = self.places.pop()
        screen = self.screen
        left = screen.view
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
        if place.by_tree and focused is screen.view_tree:  # newsboat's feed list, on the
            screen.arranger.focus_pane("views")  # feed just left: J, enter, or q to the list
            screen.view_tree.select_view(left)
        elif focused is not None and focused.is_attached and focused.display:
            screen.set_focus(focused)
            if isinstance(focused, SideList) and place.highlighted is not None:
                focused.highlighted = place.highlighted
        else:
            screen.set_focus(screen.articles)
        came = screen.desk.article(place.reading) if place.opened and place.reading else None
        screen.say(Said("back to ", short(came) if came is not None else
                        Give(isolated(place.view.label))))
        return True
