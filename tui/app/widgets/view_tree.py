"""The left pane: a tree of views with unread counts, recounted off the UI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets import Tree

from tui.app.messages import OpenArticle, OpenView
from tui.app.views import (
    TREE_CAP,
    ViewGroups,
    ViewSpec,
    load_groups,
    story_line,
)
from tui.app.widgets.visual_text import drawn_label, reorders

if TYPE_CHECKING:
    from tui.core.config.loader import Config
    from tui.core.desk import Desk

RECOUNT_DELAY = 0.4
"""Seconds a recount waits for more changes: a burst of triage keys costs one recount."""


MORE_HINT = "enter"  # the "… N more" row shows the rest on enter
GUIDE = 2  # columns a group's children are indented by
EDGES = 1  # the scrollbar (`size` is inside the focus border already)


def _label(view: ViewSpec, counts: tuple[int, int] | None = None, room: int = 28,
           middle: bool = False, extra: str = "", reorder: bool = False) -> Text:
    """'name ! 43/49' (an actor: 'name (22)') in `room` columns: the name gives way (with an
    ellipsis), never the counts; `middle` cuts the middle of the name, where siblings cut at
    the end would look the same ("Novaya Ga…ope (EN)", "Novaya Ga…a Europe"); a story that
    would read as another keeps its people before its place. Literal: feed names and tags
    come from users and feeds. An Arabic name is cut, then drawn in visual order (`reorder`)
    on its own, so the counts stay at its right."""
    tail = Text(extra)
    if view.failed:
        tail.append(" !", "bold red")
    elif view.warned:  # read, but not wholly: not the same as failing
        tail.append(" ~", "yellow")
    if counts is not None:  # kept whole: the story's place gives way first (story_line)
        unread, total = counts
        tail.append(f" {unread}/{total}", "bold" if unread else "dim")
    elif view.count:
        tail.append(f" ({view.count})")
    label = view.label
    if view.kind == "story":  # cut in the middle: the place and the dates tell stories apart
        label = story_line(label, max(3, room - tail.cell_len), people=middle)
    text = drawn_label(_cut(label, max(3, room - tail.cell_len), middle), reorder)
    text.append_text(tail)
    return text


def _cut(label: str, room: int, middle: bool) -> Text:
    if cell_len(label) <= room or not middle:
        text = Text(label, no_wrap=True)
        text.truncate(room, overflow="ellipsis")
        return text
    end = len(label)
    while cell_len(label[end - 1:]) <= (room - 1) // 2:
        end -= 1
    head = Text(label, no_wrap=True)
    head.truncate(room - 1 - cell_len(label[end:]))
    return Text.assemble(head, "…", label[end:])


_Items = list[tuple[ViewSpec, tuple[int, int] | None]]
"""A group's views, each with its unread and total counts if it has them."""


def _labels(items: _Items, room: int, reorder: bool = False) -> list[Text]:
    """The lines of one group: a name cut at its end unless that leaves two alike (then in
    the middle); stories still alike end with their id, which `story:ID` lists."""
    plain = [_label(view, counts, room, reorder=reorder) for view, counts in items]
    lines = [_label(view, counts, room, middle=True, reorder=reorder) if n > 1 else text
             for text, n, (view, counts) in zip(plain, _repeats(plain), items, strict=True)]
    for i, (n, (view, counts)) in enumerate(zip(_repeats(lines), items, strict=True)):
        if n > 1 and view.kind == "story" and view.ref:
            lines[i] = _label(view, counts, room, extra=f" · story {view.ref}", reorder=reorder)
    return lines


def _repeats(lines: list[Text]) -> list[int]:
    """How many of `lines` read as each one does."""
    seen: dict[str, int] = {}
    for text in lines:
        seen[text.plain] = seen.get(text.plain, 0) + 1
    return [seen[text.plain] for text in lines]


@dataclass(frozen=True)
class _Row:
    """One line of the tree to be: a view, or a group with its lines (`children`)."""

    label: Text
    view: ViewSpec
    children: tuple[_Row, ...] | None = None
    expand: bool = True


def _key(view: ViewSpec | None) -> tuple[str, str]:
    """What names a line across recounts: a view by kind and query, a group's lines by the
    group's title (without the span in brackets that "Actors (7 days)" carries)."""
    if view is None:
        return ("", "")
    if view.kind == "placeholder":
        return (view.kind, view.label.split(" (")[0])
    if view.kind == "more":
        return (view.kind, view.ref or "")
    return (view.kind, view.query)


def _plan(groups: ViewGroups, room: int, reorder: bool = False) -> list[_Row]:
    """The tree's lines for `groups`, labels cut to `room` columns."""
    def group(title: str, items: _Items,
              expand: bool = True, more: _Row | None = None) -> _Row:
        head = ViewSpec("placeholder", title)
        lines = [_Row(text, view) for text, (view, _counts)
                 in zip(_labels(items, room - GUIDE, reorder), items, strict=True)]
        if not items:
            lines.append(_Row(Text("(none)", "dim"), head))
        if more is not None:
            lines.append(more)
        return _Row(Text(title), head, tuple(lines), expand)

    plan = [_Row(_label(view, (unread, total), room, reorder=reorder), view)
            for view, unread, total in groups.top]
    for title, counted in (("Tags", groups.tags), ("Feeds", groups.feeds),
                           ("Views", groups.saved_views)):
        plan.append(group(title, [(v, (u, t)) for v, u, t in counted]))
    stories: _Items | None = None if groups.stories is None else [
        (v, (u, t)) for v, u, t in groups.stories]
    actors: _Items | None = None if groups.actors is None else [(v, None) for v in groups.actors]
    for title, items, more, which in (
            ("Stories", stories, groups.stories_more, "stories"),
            (f"Actors ({groups.actors_span})", actors, groups.actors_more, "actors")):
        head = ViewSpec("placeholder", title)
        if items is None:
            plan.append(_Row(Text(title), head,
                             (_Row(Text("(not available yet)", "dim"), head),), True))
            continue
        line = None
        if more > 0:  # enter (or space, right) on it lists the rest here
            text = Text(f"… {more} more", "dim italic", no_wrap=True)
            if text.cell_len + len(MORE_HINT) + 3 <= room - GUIDE:
                text.append(f" ({MORE_HINT})")
            line = _Row(text, ViewSpec("more", text.plain, ref=which))
        # long, machine-made lists: folded until asked for
        plan.append(group(title, items, expand=False, more=line))
    return plan


class ViewTree(Tree[ViewSpec]):
    """All / Unread / Saved, tags, feeds, saved views, stories, actors."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("right", "unfold", show=False)]

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
        self._asked = 0  # recounts asked for: only the last one's counts are shown
        self._filled_for = 0
        self.in_full: set[str] = set()
        """The capped groups ("stories", "actors") the user asked to see whole."""
        self._land: str | None = None  # the group whose first row shown anew takes the cursor

    # -- counts ----------------------------------------------------------------------------
    def recount(self) -> None:
        """Count again off the UI thread (counts over 50k rows take ~100 ms)."""
        self._asked += 1
        self._load(self._asked)

    def recount_soon(self) -> None:
        """Count again soon, once for a burst of changes (counts cost queries)."""
        if self._recount_timer is not None:
            self._recount_timer.stop()
        self._recount_timer = self.set_timer(RECOUNT_DELAY, self.recount, name="tree-counts")

    @work(thread=True, group="tree", exclusive=True, exit_on_error=False)
    def _load(self, asked: int) -> None:
        groups = load_groups(self.desk, self.config, frozenset(self.in_full))
        self.app.call_from_thread(self._counted, asked, groups)

    def _counted(self, asked: int, groups: ViewGroups) -> None:
        """A thread worker cannot be stopped: one started before a refresh ended may finish
        after the one started when it ended, and its counts (a failing feed without its "!")
        must not replace the newer ones."""
        if asked == self._asked:
            self.fill(groups, self.listed)

    def on_resize(self) -> None:
        """Labels are cut to the tree's width: cut them again when it changes."""
        if self._groups is not None and self.size.width != self._filled_for:
            self.fill(self._groups)

    def fill(self, groups: ViewGroups, selected: ViewSpec | None = None) -> None:
        """Show fresh counts. When the views are the same ones, only their labels change, so
        the cursor, the folds and the scroll stay where the user left them (a recount lands
        ~0.4 s after a key: it must not undo the keys typed meanwhile). Otherwise rebuild,
        keeping each group's fold and the cursor's view."""
        self._groups = groups
        self._filled_for = width = self.size.width or 30
        plan = _plan(groups, width - EDGES, reorders(self.config))
        if self._relabel(plan):
            return
        cursor_view = self.cursor_node.data if self.cursor_node else selected
        folds = {_key(node.data): node.is_expanded for node in self.root.children
                 if node.data is not None and node.allow_expand}
        self.clear()
        for row in plan:
            if row.children is None:
                self.root.add_leaf(row.label, data=row.view)
                continue
            node = self.root.add(row.label, data=row.view,
                                 expand=folds.get(_key(row.view), row.expand))
            for child in row.children:
                node.add_leaf(child.label, data=child.view)
        if self._landed():
            return
        if cursor_view is not None:
            self.select_view(cursor_view)

    def _landed(self) -> bool:
        """After "… N more": the cursor on the first of the rows it brought."""
        which, self._land = self._land, None
        if which is None:
            return False
        for node in self.root.children:
            if node.data is not None and node.data.kind == "placeholder" and \
                    node.data.label.lower().startswith(which) and len(node.children) > TREE_CAP:
                node.expand()
                first = node.children[TREE_CAP].data
                if first is not None:
                    self.select_view(first)
                return True
        return False

    def show_in_full(self, which: str) -> None:
        """List every story or actor, not only the first TREE_CAP (the "… N more" row)."""
        self.in_full.add(which)
        self._land = which
        self.recount()

    def action_toggle_node(self) -> None:
        """Space: on the "… N more" row, the rest (a leaf has nothing to fold)."""
        if not self._on_more():
            super().action_toggle_node()

    def action_unfold(self) -> None:
        """Right: unfold a folded group, or show the rest from the "… N more" row."""
        node = self.cursor_node
        if node is not None and not self._on_more() and node.allow_expand:
            node.expand()

    def _on_more(self) -> bool:
        node = self.cursor_node
        if node is None or node.data is None or node.data.kind != "more":
            return False
        self.show_in_full(node.data.ref or "")
        return True

    def _relabel(self, plan: list[_Row]) -> bool:
        """New labels on the tree as it is, if `plan` has the same views in the same places."""
        nodes = self.root.children
        if len(nodes) != len(plan) or any(
                _key(node.data) != _key(row.view)
                or (row.children is None) != (not node.allow_expand)
                or [_key(c.data) for c in node.children]
                != [_key(c.view) for c in row.children or ()]
                for node, row in zip(nodes, plan, strict=True)):
            return False
        for node, row in zip(nodes, plan, strict=True):
            node.set_label(row.label)
            node.data = row.view  # a feed's failed mark lives in its data
            for child, fresh in zip(node.children, row.children or (), strict=True):
                child.set_label(fresh.label)
                child.data = fresh.view
        return True

    def select_view(self, view: ViewSpec) -> None:
        """Move the cursor to `view` (a view by kind and query, a group by its title)."""
        for line in range(self.last_line + 1):
            node = self.get_node_at_line(line)
            if node is not None and node.data is not None and _key(node.data) == _key(view):
                self.move_cursor(node, animate=False)
                return

    @property
    def highlighted_feed(self) -> str | None:
        """The feed under the cursor, if it is on one (`r` refreshes it, as in newsboat)."""
        node = self.cursor_node
        return node.data.feed if node is not None and node.data is not None else None

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
        if view is not None and view.kind == "more":
            self.show_in_full(view.ref or "")
        elif view is not None and view.selectable:
            self.post_message(OpenView(view))
