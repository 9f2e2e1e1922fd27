"""The left pane: a tree of views with unread counts, recounted off the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.timer import Timer
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.app.messages import OpenArticle, OpenView
from tui.app.views import ViewGroups, ViewSpec, load_groups

if TYPE_CHECKING:
    from tui.core.config.loader import Config
    from tui.core.desk import Desk

RECOUNT_DELAY = 0.4
"""Seconds a recount waits for more changes: a burst of triage keys costs one recount."""


GUIDE = 2  # columns a group's children are indented by
EDGES = 2  # the tree's focus border and scrollbar


def _label(view: ViewSpec, counts: tuple[int, int] | None = None, room: int = 28) -> Text:
    """'name ! 43/49' in `room` columns: the name gives way (with an ellipsis), never the
    counts. Literal: feed names and tags come from users and feeds."""
    tail = Text()
    if view.failed:
        tail.append(" !", "bold red")
    elif view.warned:  # read, but not wholly: not the same as failing
        tail.append(" ~", "yellow")
    if counts is not None:
        unread, total = counts
        tail.append(f" {unread}/{total}", "bold" if unread else "dim")
    text = Text(view.label, no_wrap=True)
    text.truncate(max(3, room - tail.cell_len), overflow="ellipsis")
    text.append_text(tail)
    return text


class ViewTree(Tree[ViewSpec]):
    """All / Unread / Saved, tags, feeds, saved views, stories, actors."""

    def __init__(self, desk: Desk, config: Config, *, id: str | None = None) -> None:
        super().__init__(Text("Views"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.desk = desk
        self.config = config
        self.listed: ViewSpec | None = None
        """The view the article list shows: the cursor's place when it has none."""
        self._recount_timer: Timer | None = None
        self._groups: ViewGroups | None = None
        self._filled_for = 0

    # -- counts ----------------------------------------------------------------------------
    def recount(self) -> None:
        """Count again off the UI thread (counts over 50k rows take ~100 ms)."""
        self._load()

    def recount_soon(self) -> None:
        """Count again soon, once for a burst of changes (counts cost queries)."""
        if self._recount_timer is not None:
            self._recount_timer.stop()
        self._recount_timer = self.set_timer(RECOUNT_DELAY, self.recount, name="tree-counts")

    @work(thread=True, group="tree", exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        groups = load_groups(self.desk, self.config)
        self.app.call_from_thread(self.fill, groups, self.listed)

    def on_resize(self) -> None:
        """Labels are cut to the tree's width: cut them again when it changes."""
        if self._groups is not None and self.size.width != self._filled_for:
            self.fill(self._groups)

    def fill(self, groups: ViewGroups, selected: ViewSpec | None = None) -> None:
        """Rebuild from fresh counts; keep the cursor on the same view when possible."""
        self._groups = groups
        self._filled_for = width = self.size.width or 30
        room = width - EDGES
        cursor_view = self.cursor_node.data if self.cursor_node else selected
        self.clear()
        root = self.root
        for view, unread, total in groups.top:
            root.add_leaf(_label(view, (unread, total), room), data=view)
        for title, counted in (("Tags", groups.tags), ("Feeds", groups.feeds),
                               ("Views", groups.saved_views)):
            self._group(root, title, [(v, (u, t)) for v, u, t in counted], room)
        for title, items, more, where in (
                ("Stories", groups.stories, groups.stories_more, "newsdesk stories"),
                (f"Actors ({groups.actors_span})", groups.actors, groups.actors_more,
                 "newsdesk actors")):
            if items is None:
                node = root.add(Text(title), data=ViewSpec("placeholder", title), expand=True)
                node.add_leaf(Text("(not available yet)", "dim"),
                              data=ViewSpec("placeholder", title))
            else:  # long, machine-made lists: folded until asked for
                node = self._group(root, title, [(v, None) for v in items], room,
                                   expand=False)
                if more > 0:  # the CLI lists them all, when the name fits
                    line = Text(f"… {more} more", "dim italic", no_wrap=True)
                    if line.cell_len + len(where) + 3 <= room - GUIDE:
                        line.append(f" ({where})")
                    node.add_leaf(line, data=ViewSpec("placeholder", title))
        if cursor_view is not None:
            self.select_view(cursor_view)

    def _group(self, root: TreeNode[ViewSpec], title: str,
               items: list[tuple[ViewSpec, tuple[int, int] | None]], room: int,
               expand: bool = True) -> TreeNode[ViewSpec]:
        node = root.add(Text(title), data=ViewSpec("placeholder", title), expand=expand)
        for view, counts in items:
            node.add_leaf(_label(view, counts, room - GUIDE), data=view)
        if not items:
            node.add_leaf(Text("(none)", "dim"), data=ViewSpec("placeholder", title))
        return node

    def select_view(self, view: ViewSpec) -> None:
        """Move the cursor to `view` (matched by kind and query)."""
        for line in range(self.last_line + 1):
            node = self.get_node_at_line(line)
            if node is not None and node.data is not None and \
                    (node.data.kind, node.data.query) == (view.kind, view.query):
                self.move_cursor(node, animate=False)
                return

    # -- as a pane ---------------------------------------------------------------------------
    def move(self, delta: int) -> None:
        (self.action_cursor_down if delta > 0 else self.action_cursor_up)()

    def to_top(self) -> None:
        self.action_scroll_home()

    def to_bottom(self) -> None:
        self.action_scroll_end()

    def open(self) -> OpenArticle | None:
        self.action_select_cursor()  # a group folds or unfolds; a view comes to `_chosen`
        return None

    @on(Tree.NodeSelected)
    def _chosen(self, event: Tree.NodeSelected[ViewSpec]) -> None:
        event.stop()
        view = event.node.data
        if view is not None and view.selectable:
            self.post_message(OpenView(view))
