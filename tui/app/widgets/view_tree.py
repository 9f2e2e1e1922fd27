"""The left pane: a tree of views with unread counts."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.app.views import ViewGroups, ViewSpec


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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Views"), id=id)
        self.show_root = False
        self.guide_depth = 2

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
