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


def _label(view: ViewSpec, unread: int | None = None) -> Text:
    text = Text(view.label)  # literal: feed names and tags come from users and feeds
    if view.failed:
        text.append(" !", "bold red")
    elif view.warned:  # read, but not wholly: not the same as failing
        text.append(" ~", "yellow")
    if unread:
        text.append(f" {unread}", "bold")
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

    def fill(self, groups: ViewGroups, selected: ViewSpec | None = None) -> None:
        """Rebuild from fresh counts; keep the cursor on the same view when possible."""
        cursor_view = self.cursor_node.data if self.cursor_node else selected
        self.clear()
        root = self.root
        for view, unread in groups.top:
            root.add_leaf(_label(view, unread), data=view)
        self._group(root, "Tags", [(v, n) for v, n in groups.tags])
        self._group(root, "Feeds", [(v, n) for v, n in groups.feeds])
        self._group(root, "Views", [(v, None) for v in groups.saved_views])
        for title, items in (("Stories", groups.stories),
                             (f"Actors ({groups.actors_span})", groups.actors)):
            if items is None:
                node = root.add(Text(title), data=ViewSpec("placeholder", title), expand=True)
                node.add_leaf(Text("(not available yet)", "dim"),
                              data=ViewSpec("placeholder", title))
            else:  # long, machine-made lists: folded until asked for
                self._group(root, title, [(v, None) for v in items], expand=False)
        if cursor_view is not None:
            self.select_view(cursor_view)

    def _group(self, root: TreeNode[ViewSpec], title: str,
               items: list[tuple[ViewSpec, int | None]], expand: bool = True) -> None:
        node = root.add(Text(title), data=ViewSpec("placeholder", title), expand=expand)
        for view, unread in items:
            node.add_leaf(_label(view, unread), data=view)
        if not items:
            node.add_leaf(Text("(none)", "dim"), data=ViewSpec("placeholder", title))

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
