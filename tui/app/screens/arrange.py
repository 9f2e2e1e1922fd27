"""Which panes the main screen shows and which has the focus: the layout for the terminal's
size (`layout.plan`), full screen (`z`), the side panel (`B`), the direct pane keys (1-5)
and `tab`.

Focus is visible without colour: the focused pane's left border turns from a thin line to a
heavy one (`newsdesk.tcss`), and a side list's title gets a marker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, Protocol

from tui.app import layout
from tui.app.screens.host import Host
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.reader import ArticleText
from tui.app.widgets.side_panel import SideList
from tui.app.widgets.view_tree import ViewTree

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.widget import Widget

    from tui.app.screens.reading import Reading
    from tui.app.widgets.status import StatusLine

PaneWidget = ArticleList | ArticleText | SideList | ViewTree
PaneName = Literal["views", "list", "reader", "actors", "related"]


class Stage(Host, Protocol):
    """What `Arrange` needs of the screen besides `Host`."""

    reading: Reading
    keymap: dict[str, str]

    @property
    def status_line(self) -> StatusLine: ...

    def watch(self, obj: DOMNode, attribute_name: str, callback: Callable[..., Any],
              init: bool = True) -> None: ...

    def call_after_refresh(self, callback: Callable[..., Any], *args: Any) -> bool: ...

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True) -> None: ...

    def set_class(self, add: bool, *class_names: str, update: bool = True) -> object: ...


class Arrange:
    """Owns the layout state: full screen, side panel shown, the current `Layout`."""

    def __init__(self, stage: Stage) -> None:
        self.stage = stage
        self.full = False
        self.side_choice: bool | None = None
        """B's choice; None until then: shown where the terminal is wide enough."""
        self.layout = layout.plan(80, 24, reader=False)
        self._unread_asked: tuple[tuple[Any, ...], bool] | None = None

    def relayout(self) -> None:
        """Place the panes for the terminal's size (see `layout.plan`)."""
        stage = self.stage
        size = stage.app.size
        plan = layout.plan(size.width, size.height, reader=stage.reader.is_open,
                           full=self.full, side=self.side_choice,
                           text_width=stage.config.settings.text_width,
                           tree_focused=isinstance(stage.focused, ViewTree))
        self.layout = plan
        tree, articles, reader = stage.view_tree, stage.articles, stage.reader
        tree.display = plan.tree > 0
        if plan.tree:
            tree.styles.width = plan.tree
        articles.display = plan.shows_list
        articles.styles.width = plan.list_width if plan.list_width else "1fr"
        articles.styles.height = plan.list_height if plan.list_height else "1fr"
        for mode in ("side", "stacked", "full"):
            stage.set_class(plan.mode == mode, f"-{mode}")
        reader.side.display = plan.side > 0
        if plan.side:
            reader.side.styles.width = plan.side
        reader.set_measure(plan.measure)
        self._refocus(plan)
        if plan.shows_list:  # the list may have shrunk: the selection stays in sight
            articles.call_after_refresh(articles.scroll_to_cursor)
        stage.call_after_refresh(self.show_where)

    def _refocus(self, plan: layout.Layout) -> None:
        """A pane the new size hides gives the focus to the reader (as `B` does for the side
        panel), else to the list: keys sent to a pane no one sees act on things no one sees
        (a shrunk terminal hid the side panel under the focus)."""
        stage = self.stage
        focused, reader = stage.focused, stage.reader
        hidden = ((isinstance(focused, SideList) and not plan.side)
                  or (focused is stage.view_tree and not plan.tree)
                  or (focused is stage.articles and not plan.shows_list))
        if hidden:
            stage.set_focus(reader.scroller if reader.is_open else stage.articles)

    def follow_reading(self) -> None:
        """Keep the status line's word on how much of the article is below up to date."""
        scroller = self.stage.reader.scroller
        for moved in ("scroll_y", "virtual_size"):
            self.stage.watch(scroller, moved, self.show_where, init=False)
        scroller.placed = self.show_where

    def show_where(self) -> None:
        """How far into the article the reader is, on the status line: a scrollbar alone is
        easy to miss (`space` pages on, then goes to the next unread article)."""
        stage = self.stage
        page = stage.key("page")
        where = stage.reader.scroller.place(page, self._unread_next) \
            if stage.reader.is_open else ("", "")
        stage.status_line.show_where(*where)

    def _unread_next(self) -> bool:
        """Whether `space` at the end of the text has an unread article to go to (what
        `Reading.step_unread` finds), remembered while the article, the selection and the
        rows stay the same: the status line asks on every scroll that reaches the end."""
        articles, reader = self.stage.articles, self.stage.reader
        pager = articles.pager
        key = (reader.article.id if reader.article else None, articles.cursor, id(pager),
               len(pager) if pager is not None else 0)
        if self._unread_asked is None or self._unread_asked[0] != key:
            try:
                onward = self.stage.reading.onward_left  # a feed's list: the next feed's
                found = articles.find_unread(1) is not None or bool(onward and onward(1))
            except Exception:  # a hint must not stop the scroll: promise what space tries
                found = True
            self._unread_asked = (key, found)
        return self._unread_asked[1]

    def set_reader_open(self, open_: bool) -> None:
        self.stage.reader.display = open_
        if not open_:
            self.full = False
        self.relayout()

    @property
    def side_shown(self) -> bool:
        """Whether the reader shows (or would show) its side panel at this size."""
        size = self.stage.app.size
        return layout.plan(size.width, size.height, reader=True,
                           side=self.side_choice).side > 0

    def toggle_side(self) -> None:
        stage = self.stage
        self.side_choice = not self.side_shown
        if not self.side_choice and isinstance(stage.focused, SideList):
            stage.set_focus(stage.reader.scroller)
        self.relayout()
        stage.say("side panel shown" if self.side_choice else
                  f"side panel hidden ({stage.key('toggle_side')} shows it)")

    def toggle_full(self) -> None:
        stage = self.stage
        if not stage.reader.is_open:
            if stage.articles.current is None:
                return
            stage.reading.open_selected()
        self.full = not self.full
        self.relayout()
        if self.full:
            stage.set_focus(stage.reader.scroller)
        elif self.layout.shows_list:
            stage.set_focus(stage.articles)

    def leave_full(self) -> None:
        """`q` in full screen: back to the list beside the reader, or, where the reader
        takes the screen anyway, back to the list alone."""
        self.full = False
        self.relayout()
        if self.layout.mode == "full":
            self.close_reader()
        else:
            self.stage.set_focus(self.stage.articles)

    def close_reader(self) -> None:
        """Back to the list (the selection in sight)."""
        self.set_reader_open(False)
        self.stage.set_focus(self.stage.articles)

    # -- focus -------------------------------------------------------------------------------
    def focused_pane(self) -> PaneWidget:
        """The pane the keys act on: the focused one, else the article list."""
        stage = self.stage
        panes: list[PaneWidget] = [stage.view_tree]
        if stage.reader.is_open:
            panes.extend(stage.reader.panes)
        return next((pane for pane in panes if pane is stage.focused), stage.articles)

    def focus_pane(self, name: PaneName) -> None:
        """1-5: straight to a pane. The reader's panes open the selected article when the
        reader is closed; the side lists show the side panel when it is hidden."""
        stage = self.stage
        if name in ("views", "list"):
            if self.layout.mode == "full":  # the list and tree are not beside the reader
                self.close_reader()
            stage.set_focus(stage.view_tree if name == "views" else stage.articles)
            return
        reader = stage.reader
        if not reader.is_open:
            if stage.articles.current is None:
                stage.say("no article selected")
                return
            stage.reading.open_selected()
        if name != "reader" and not self.side_shown:
            self.toggle_side()
        side = reader.side
        target = {"reader": reader.scroller, "actors": side.actor_list,
                  "related": side.related_list}[name]
        stage.set_focus(target)

    def cycle_panes(self) -> None:
        """articles -> reader -> its actors -> related items -> views -> articles (only the
        panes shown)."""
        stage = self.stage
        reader = stage.reader
        order: list[PaneWidget] = []
        if self.layout.shows_list:
            order.append(stage.articles)
        if reader.is_open:
            order.append(reader.scroller)
            if self.side_shown:
                order += reader.side.listing()
        if self.layout.shows_list:
            order.append(stage.view_tree)
        at = next((i for i, pane in enumerate(order) if pane is stage.focused), -1)
        # set_focus at once (Widget.focus waits a tick): a fast second tab must see it
        stage.set_focus(order[(at + 1) % len(order)])
