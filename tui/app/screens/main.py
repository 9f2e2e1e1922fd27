"""The main screen: views | article list | reader, a filter bar and a status line.

Only presentation and dispatch live here: every data operation is a `Desk` call. The
state-changing commands are in `TriageMixin`, refreshing in `RefreshMixin`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container, Horizontal
from textual.widgets import Footer, Input, OptionList, Static, Tree

from tui.app.commands import screen_bindings
from tui.app.screens.base import guarded
from tui.app.screens.context import ContextMixin
from tui.app.screens.help import HelpScreen
from tui.app.screens.querybar import QueryBarMixin
from tui.app.screens.refreshing import RefreshMixin
from tui.app.screens.triage import TriageMixin
from tui.app.views import ALL, UNREAD, ViewSpec, combine
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.reader import Reader
from tui.app.widgets.view_tree import ViewTree

NARROW = 120  # below this many columns the view tree hides (tab shows it)
WIDE = 170  # from this many columns the reader sits beside the list, with its side panel


class MainScreen(TriageMixin, RefreshMixin, QueryBarMixin, ContextMixin):
    """Where the reading happens."""

    BINDINGS: ClassVar[list[BindingType]] = screen_bindings()
    AUTO_FOCUS = "#articles"

    def __init__(self, desk: Any, config: Any) -> None:
        super().__init__(desk, config)
        self.view = UNREAD if _has_unread(desk) else ALL

    # -- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ViewTree(id="views")
            with Container(id="work"):
                yield ArticleList(id="articles")
                yield Reader(id="reader")
        yield Input(id="query-bar")
        yield Static(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#query-bar", Input).display = False
        self.query_one(Reader).display = False
        self._layout(self.app.size.width)
        self.load_view(self.view)
        self.refresh_tree()
        self.start_auto_refresh()

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

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.set_class(isinstance(event.widget, ViewTree), "-show-views")

    @on(Tree.NodeSelected, "#views")
    def _view_chosen(self, event: Tree.NodeSelected[ViewSpec]) -> None:
        view = event.node.data
        if view is None or not view.selectable:
            return
        self.filter_query = self.search_text = ""
        if self.load_view(view):
            self.articles.focus()

    @on(ArticleList.Highlighted)
    def _highlighted(self) -> None:
        self.update_status()

    @on(ArticleList.Clicked)
    def _clicked(self) -> None:
        self.action_open()

    # -- reader --------------------------------------------------------------------------
    @guarded
    def open_row(self, row: Any) -> None:
        article = self.desk.article(row.id)
        if article is None:
            self.say("article no longer in the cache")
            return
        if not article.read and getattr(self.config.settings, "mark_read_on_open", True):
            self.desk.set_read([article.id], True)
            self.articles.update_current(read=True)
            article = _replace(article, read=True)
            self.schedule_tree_refresh()
        self.reader.show(article, self.desk)
        self.outside_view = None
        self.set_reader_open(True)

    # -- navigation commands ----------------------------------------------------------
    def _focused_pane(self) -> str:
        focused = self.focused
        if isinstance(focused, ViewTree):
            return "views"
        if focused is not None and self.reader_open:
            panes = {"reader-scroll": "reader", "actor-list": "actors",
                     "related-list": "related"}
            if focused.id in panes:
                return panes[focused.id]
        return "articles"

    def _side_list(self, pane: str) -> OptionList | None:
        side = self.reader.side
        return {"actors": side.actor_list, "related": side.related_list}.get(pane)

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def _move(self, delta: int) -> None:
        pane = self._focused_pane()
        side = self._side_list(pane)
        if side is not None:
            (side.action_cursor_down if delta > 0 else side.action_cursor_up)()
        elif pane == "views":
            (self.view_tree.action_cursor_down if delta > 0 else self.view_tree.action_cursor_up)()
        elif pane == "reader":
            scroller = self.reader.scroller
            (scroller.scroll_down if delta > 0 else scroller.scroll_up)(animate=False)
        else:
            self.articles.move(delta)

    def action_top(self) -> None:
        pane = self._focused_pane()
        side = self._side_list(pane)
        if side is not None:
            side.action_first()
        elif pane == "views":
            self.view_tree.action_scroll_home()
        elif pane == "reader":
            self.reader.scroller.scroll_home(animate=False)
        else:
            self.articles.go(0)

    def action_bottom(self) -> None:
        pane = self._focused_pane()
        side = self._side_list(pane)
        if side is not None:
            side.action_last()
        elif pane == "views":
            self.view_tree.action_scroll_end()
        elif pane == "reader":
            self.reader.scroller.scroll_end(animate=False)
        else:
            self.articles.go(len(self.articles.pager or ()) - 1)

    def action_open(self) -> None:
        pane = self._focused_pane()
        side = self._side_list(pane)
        if side is not None:
            side.action_select()
            return
        if pane == "views":
            self.view_tree.action_select_cursor()
            return
        row = self.articles.current
        if row is not None:
            self.open_row(row)

    def action_page(self) -> None:
        if self.reader_open and self.reader.page_down():
            return
        if not self.reader_open and self.articles.current is not None:
            self.open_row(self.articles.current)
            return
        self.action_next_unread()

    def _goto_unread(self, step: int) -> None:
        pager = self.articles.pager
        if pager is None:
            return
        if self.desk.count(combine(pager.query, UNREAD.query)) == 0:
            # Nothing unread in the database: look only at rows already in memory (a row
            # marked unread here may have left this view), never page through 50k rows.
            cached = [i for i, row in pager.cached() if not row.read
                      and (i - self.articles.cursor) * step > 0]
            found = (min(cached) if step > 0 else max(cached)) if cached else None
        else:
            found = pager.find(self.articles.cursor, step, lambda row: not row.read)
        if found is None:
            self.say("no more unread articles" if step > 0 else "no earlier unread articles")
            return
        self.articles.go(found)
        if self.reader_open:
            self.open_row(self.articles.current)

    def action_next_unread(self) -> None:
        self._goto_unread(1)

    def action_prev_unread(self) -> None:
        self._goto_unread(-1)

    def action_cycle_panes(self) -> None:
        """articles -> reader -> its actors -> related items -> views -> articles."""
        panes: dict[str, Any] = {"articles": self.articles}
        if self.reader_open:
            panes["reader"] = self.reader.scroller
            side = self.reader.side
            for name in ("actors", "related"):
                if side.has_items(name):
                    panes[name] = self._side_list(name)
        panes["views"] = self.view_tree
        names = list(panes)
        current = self._focused_pane()
        at = names.index(current) if current in names else 0
        # set_focus at once (Widget.focus waits a tick): a fast second tab must see it
        self.set_focus(panes[names[(at + 1) % len(names)]])

    def action_toggle_full(self) -> None:
        if not self.reader_open:
            row = self.articles.current
            if row is None:
                return
            self.open_row(row)
        self.toggle_class("-full")
        if self.has_class("-full"):
            self.reader.scroller.focus()

    def action_close(self) -> None:
        if self.input_mode is not None:
            self.close_query_bar()
        elif self.has_class("-full"):
            self.set_class(False, "-full")
            self.articles.focus()
        elif self._focused_pane() in ("actors", "related"):
            self.reader.scroller.focus()
        elif self.reader_open:
            self.set_reader_open(False)
            self.articles.focus()
        elif self._focused_pane() == "views":
            self.articles.focus()
        else:
            self.app.exit()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(getattr(self.app, "keymap_in_use", {}),
                                        getattr(self.config, "path", None)))


def _has_unread(desk: Any) -> bool:
    try:
        return bool(desk.count(UNREAD.query))
    except Exception:
        return False


def _replace(article: Any, **changes: Any) -> Any:
    import dataclasses

    return dataclasses.replace(article, **changes)
