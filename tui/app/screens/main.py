"""The main screen: views | article list | reader, a query bar and a status line.

The screen lays the panes out, keeps what the list shows (view, filter, search) and the
status line, and carries out what the panes ask: open an article, list an actor's timeline
or a view. Every key is a command run by name (`action_run`): movement and `enter` go to the
focused pane; opening and stepping through articles is `Reading`'s, changing them
`Triage`'s, long work `Jobs`'. Every data operation is a `Desk` call.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from tui.app.commands import keymap, screen_bindings
from tui.app.empty_state import empty_text
from tui.app.messages import OpenArticle, OpenView, ShowActor
from tui.app.paging import Pager
from tui.app.screens.help import HelpScreen
from tui.app.screens.host import guarded
from tui.app.screens.jobs import Jobs
from tui.app.screens.reading import Reading
from tui.app.screens.triage import Triage
from tui.app.views import ALL, UNREAD, ViewSpec, actor_view, combine, title_of
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.panes import Pane
from tui.app.widgets.query_bar import Mode, QueryBar
from tui.app.widgets.reader import ArticleText, Reader
from tui.app.widgets.side_panel import SideList
from tui.app.widgets.view_tree import ViewTree
from tui.core.config.loader import Config
from tui.core.desk import Desk
from tui.core.query import QueryError

NARROW = 120  # below this many columns the view tree hides (tab shows it)
WIDE = 170  # from this many columns the reader sits beside the list, with its side panel

PaneWidget = ArticleList | ArticleText | SideList | ViewTree


class MainScreen(Screen[None]):
    """Where the reading happens."""

    BINDINGS: ClassVar[list[BindingType]] = screen_bindings()
    AUTO_FOCUS = "#articles"

    def __init__(self, desk: Desk, config: Config) -> None:
        super().__init__()
        self.desk = desk
        self.config = config
        self.keymap = keymap(config.keys)
        self.view: ViewSpec = UNREAD if _has_unread(desk) else ALL
        self.filter_query = ""
        self.search_text = ""
        self.message = ""
        self.reading = Reading(self)
        self.triage = Triage(self)
        self.jobs = Jobs(self)
        self._commands = self._command_table()

    # -- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ViewTree(self.desk, self.config, id="views")
            with Container(id="work"):
                yield ArticleList(id="articles")
                yield Reader(id="reader")
        yield QueryBar(id="query-bar")
        yield Static(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.reader.display = False
        self._layout(self.app.size.width)
        self.load_view(self.view)
        self.view_tree.recount()
        minutes = self.config.settings.refresh_minutes
        if minutes > 0:
            self.set_interval(minutes * 60, self.jobs.refresh_all, name="auto-refresh")

    def on_resize(self, event: events.Resize) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        self.set_class(width < NARROW, "-narrow")
        self.set_class(width >= WIDE, "-wide")

    def set_reader_open(self, open_: bool) -> None:
        self.reader.display = open_
        self.set_class(open_, "-reader")
        if not open_:
            self.set_class(False, "-full")

    def on_descendant_focus(self) -> None:
        # The focus as it is now, not the event's widget: focus events bubble up from
        # different depths, so after fast tabs the reader's may arrive after the tree's.
        self.set_class(isinstance(self.focused, ViewTree), "-show-views")

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def view_tree(self) -> ViewTree:
        return self.query_one(ViewTree)

    @property
    def query_bar(self) -> QueryBar:
        return self.query_one(QueryBar)

    # -- commands ------------------------------------------------------------------------
    def _command_table(self) -> dict[str, Callable[[], object]]:
        """Who does each command of `COMMANDS` (a test checks that none is missing)."""
        reading, triage, jobs = self.reading, self.triage, self.jobs
        return {
            "cursor_down": lambda: self.focused_pane().move(1),
            "cursor_up": lambda: self.focused_pane().move(-1),
            "top": lambda: self.focused_pane().to_top(),
            "bottom": lambda: self.focused_pane().to_bottom(),
            "open": self.open_focused,
            "page": reading.page,
            "next_unread": lambda: reading.step_unread(1),
            "prev_unread": lambda: reading.step_unread(-1),
            "next_in_story": lambda: reading.step_story(1),
            "prev_in_story": lambda: reading.step_story(-1),
            "cycle_panes": self.cycle_panes,
            "toggle_full": self.toggle_full,
            "close": self.close_one,
            "help": lambda: self.app.push_screen(HelpScreen(self.keymap, self.config.path)),
            "search": lambda: self.open_query_bar("search"),
            "filter": lambda: self.open_query_bar("filter"),
            "toggle_read": triage.toggle_read,
            "toggle_saved": triage.toggle_saved,
            "dismiss": triage.dismiss,
            "mark_view_read": triage.mark_view_read,
            "undo": triage.undo,
            "add_tags": triage.add_tags,
            "remove_tag": triage.remove_tag,
            "open_browser": triage.open_browser,
            "copy_link": triage.copy_link,
            "feed_errors": triage.feed_errors,
            "refresh_all": jobs.refresh_all,
            "refresh_feed": jobs.refresh_feed,
            "actor_alias": jobs.add_alias,
            "new_actor": jobs.new_actor,
        }

    def action_run(self, name: str) -> None:
        """Run the command `name`: its key, the palette, or any widget's
        `run_action("screen.run('name')")`."""
        self._commands[name]()

    def in_thread(self, work: Callable[[], object], group: str) -> None:
        self.run_worker(work, thread=True, group=group, exit_on_error=False)

    # -- the panes -----------------------------------------------------------------------
    def focused_pane(self) -> Pane:
        """The pane the keys act on: the focused one, else the article list."""
        panes: list[PaneWidget] = [self.view_tree]
        if self.reader.is_open:
            panes.extend(self.reader.panes)
        return next((pane for pane in panes if pane is self.focused), self.articles)

    def open_focused(self) -> None:
        request = self.focused_pane().open()
        if request is not None:
            self.reading.open(request.article_id, request.note)

    def cycle_panes(self) -> None:
        """articles -> reader -> its actors -> related items -> views -> articles."""
        order: list[PaneWidget] = [self.articles]
        reader = self.reader
        if reader.is_open:
            order += [reader.scroller, *reader.side.listing()]
        order.append(self.view_tree)
        at = next((i for i, pane in enumerate(order) if pane is self.focused), 0)
        # set_focus at once (Widget.focus waits a tick): a fast second tab must see it
        self.set_focus(order[(at + 1) % len(order)])

    @on(OpenArticle)
    def _open_requested(self, message: OpenArticle) -> None:
        self.reading.open(message.article_id, message.note)

    @on(Reader.PageWanted)
    def _page_wanted(self, message: Reader.PageWanted) -> None:
        self.jobs.fetch_page(message.article_id)

    @on(ShowActor)
    def _actor_requested(self, message: ShowActor) -> None:
        actor = self.desk.actor(message.actor_id)
        self.show_actor(message.actor_id, actor.name if actor else message.actor_id)

    @on(OpenView)
    def _view_requested(self, message: OpenView) -> None:
        self.filter_query = self.search_text = ""
        if self.load_view(message.view):
            self.articles.focus()

    @on(ArticleList.Highlighted)
    def _highlighted(self) -> None:
        self.update_status()

    # -- what the list shows -------------------------------------------------------------
    @property
    def current_query(self) -> str:
        return combine(self.view.query, self.filter_query, self.search_text)

    def load_view(self, view: ViewSpec) -> bool:
        """Show `view` (with the active filter/search); False on a bad query."""
        try:
            pager = Pager(self.desk, combine(view.query, self.filter_query, self.search_text))
        except QueryError as error:
            self.show_query_error(error)
            return False
        except (sqlite3.Error, OSError) as error:
            self.warn(f"storage error: {error}")
            return False
        self.view = view
        self.view_tree.listed = view
        if not len(pager):
            narrowed = bool(self.filter_query or self.search_text)
            self.articles.empty_text = empty_text(self.desk, self.config, view.label,
                                                  pager.query, narrowed)
        self.articles.set_pager(pager)
        self.update_status()
        return True

    def reload_view(self) -> bool:
        return self.load_view(self.view)

    def show_actor(self, actor_id: str, name: str) -> None:
        """The actor's timeline: every article naming it, newest first."""
        self.filter_query = self.search_text = ""
        count = self.desk.count(f"actor:{actor_id}")
        if self.load_view(actor_view(actor_id, name, count)):
            self.set_reader_open(False)
            self.articles.focus()
            self.view_tree.select_view(self.view)

    # -- reading ---------------------------------------------------------------------------
    def open_article(self, article_id: int, note: str | None = "") -> None:
        """Show any article in the reader (see `Reading.open`)."""
        self.reading.open(article_id, note)

    def toggle_full(self) -> None:
        if not self.reader.is_open:
            row = self.articles.current
            if row is None:
                return
            self.reading.open_selected()
        self.toggle_class("-full")
        if self.has_class("-full"):
            self.reader.scroller.focus()

    def close_one(self) -> None:
        """Close the innermost open thing: the query bar, full width, the side panel's
        focus, the reader, the tree's focus; quit when nothing is open."""
        pane = self.focused_pane()
        if self.query_bar.mode is not None:
            self.close_query_bar()
        elif self.has_class("-full"):
            self.set_class(False, "-full")
            self.articles.focus()
        elif isinstance(pane, SideList):
            self.reader.scroller.focus()
        elif self.reader.is_open:
            self.set_reader_open(False)
            self.articles.focus()
        elif pane is self.view_tree:
            self.articles.focus()
        else:
            self.app.exit()

    # -- the query bar ---------------------------------------------------------------------
    def open_query_bar(self, mode: Mode) -> None:
        self.query_bar.show(mode, self.search_text if mode == "search" else self.filter_query)

    def close_query_bar(self) -> None:
        self.query_bar.hide()
        self.articles.focus()

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape" and self.query_bar.mode is not None:
            event.stop()
            self.close_query_bar()

    @on(Input.Submitted, "#query-bar")
    @guarded
    def _query_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        old = (self.filter_query, self.search_text)
        value = event.value.strip()
        if value:
            try:  # alone first, so an error's column points into what the user typed
                self.desk.count(value)
            except QueryError as error:
                self.show_query_error(error)
                event.input.cursor_position = max(0, error.column - 1)
                return
        if self.query_bar.mode == "search":
            self.search_text = value
        else:
            self.filter_query = value
        if self.load_view(self.view):
            self.message = ""
            self.update_status()
            self.close_query_bar()
        else:
            self.filter_query, self.search_text = old  # keep the bar open to fix it

    # -- the status line -------------------------------------------------------------------
    def update_status(self) -> None:
        pager = self.articles.pager
        total = len(pager) if pager else 0
        text = Text()
        text.append(title_of(self.view), "bold")
        if self.filter_query:
            text.append(f"  f:{self.filter_query}")
        if self.search_text:
            text.append(f"  /{self.search_text}")
        text.append(f"  {self.articles.cursor + 1 if total else 0}/{total}")
        if self.message:
            text.append("  " + self.message)
        self.query_one("#status", Static).update(text)

    def say(self, message: str) -> None:
        self.message = message
        self.update_status()

    def warn(self, message: str) -> None:
        self.say(message)
        self.app.bell()

    def show_query_error(self, error: QueryError) -> None:
        self.say(f"query error (column {error.column}): {error.message or error}")


def _has_unread(desk: Desk) -> bool:
    try:
        return bool(desk.count(UNREAD.query))
    except (QueryError, sqlite3.Error):
        return False
