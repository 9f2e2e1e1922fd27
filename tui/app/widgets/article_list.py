"""The article list: a Line API widget that renders only the visible rows.

One widget for the whole list (not one per article), rows pulled from a `Pager`, so a
50k-article view paints as fast as a 50-article one. As a pane it moves its own cursor,
finds the next unread row and says which article `enter` opens.
"""

from __future__ import annotations

import sys
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.arrivals import placed
from tui.app.messages import OpenArticle
from tui.app.paging import Pager
from tui.app.widgets.row_time import local_time, short_time
from tui.app.widgets.tag_column import HEADLINE, tag_column
from tui.app.widgets.visual_text import drawn_label, fitted, reorders
from tui.core import tagnames
from tui.core.models import ArticleRow

FIND_LIMIT = 2000
"""An article not among the rows in memory is looked for row by row only in a view this
small: in a larger one the search would page through SQLite on the UI thread."""
LINE_CACHE = 4000
"""Finished lines kept for redrawing (a few screens' worth; cleared when full)."""


COMPACT = 60
"""Below this many columns the list shows the short date and no tags: the headline is what
the list is read for, and the reader beside it shows the rest."""


class ArticleList(ScrollView, can_focus=True, inherit_bindings=False):
    """Virtualised list of `ArticleRow`s with a cursor.

    Scrolling bindings are not inherited: up/down/home/end are commands that move the
    cursor (screen bindings); only paging is bound here."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown,ctrl+f", "page(1)", "Page down", show=False),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--read",
        "article-list--star",
        "article-list--outlet",
        "article-list--date",
        "article-list--tags",
        "article-list--empty",
        "article-list--marked",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor moved onto a row."""

        def __init__(self, row: ArticleRow | None) -> None:
            self.row = row
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pager: Pager | None = None
        self.empty_text = "No articles in this view."
        self._styles: dict[str, Style] | None = None
        self._lines: dict[tuple[ArticleRow, bool, int, bool], Strip] = {}
        self.feed_tags: frozenset[str] = frozenset()
        self.marked: set[int] = set()  # marked (`m`, `M`) for a triage key to act on (`Marks`)
        self.reorder = True  # right-to-left headlines in visual order (`[settings] bidi`)
        self.new_above = 0  # rows a reload put above the selection, out of sight, until seen

    def on_mount(self) -> None:
        self.set_reorder(reorders(getattr(self.app, "config", None)))

    def set_reorder(self, reorder: bool) -> None:
        self.reorder, self._lines = reorder, {}
        self.refresh()

    # -- data ----------------------------------------------------------------------------
    def set_pager(self, pager: Pager, cursor: int = 0) -> None:
        """Show another view; cursor at `cursor`."""
        self.pager, self.new_above = pager, 0
        self.keep_listed_marks()
        self._resize()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = min(cursor, max(0, len(pager) - 1))
        self.refresh()

    def _resize(self) -> None:
        count = len(self.pager) if self.pager else 0
        self.virtual_size = Size(0, count)

    def reload_keep_place(self) -> None:
        """Reload after a refresh. The selected article (or, if it has left the view, the
        next one) keeps the cursor; where the window goes, `arrivals.placed`."""
        if self.pager is None:
            return
        pager = self.pager
        old_cursor = self.cursor
        anchor = pager.anchor(old_cursor)
        gone = pager.departed_before(anchor[1]) if anchor else 0
        grown = pager.soft_reload()
        self.keep_listed_marks()
        new_cursor = old_cursor
        if anchor is not None and grown != 0:
            found = pager.locate(anchor[0], anchor[1] - gone, abs(grown))
            if found is None:  # moved further than the rows that came or went: by id
                found = self.locate(anchor[0])
            if found is not None:
                new_cursor = found
        self._resize()
        top, hidden = placed(int(self.scroll_y), old_cursor, new_cursor,
                             self.scrollable_content_region.height or 1)
        self.new_above = min(self.new_above + hidden, new_cursor)
        if top != int(self.scroll_y):
            self.call_after_refresh(self.scroll_to, y=top, animate=False, immediate=True)
        self.set_reactive(ArticleList.cursor, self.validate_cursor(new_cursor))
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    def keep_listed_marks(self) -> int:
        """Marks are for rows in sight: those of articles the list no longer has (read
        from the CLI, pruned, gone after a reload) go, so a batch key never reaches them.
        Returns how many went."""
        marked = self.marked
        if not marked:
            return 0
        before = len(marked)
        marked.intersection_update(self.pager.listed(marked) if self.pager is not None else ())
        return before - len(marked)

    def select(self, article_id: int) -> bool:
        """Put the cursor on `article_id` if the list has it (False when not)."""
        index = self.locate(article_id)
        if index is None:
            return False
        self.cursor = index
        return True

    @property
    def current(self) -> ArticleRow | None:
        return self.pager.row(self.cursor) if self.pager else None

    def update_current(self, *, read: bool | None = None, saved: bool | None = None,
                       dismissed: bool | None = None,
                       tags: tuple[str, ...] | None = None) -> None:
        """The current row changed in the Desk; redraw it without reloading the view."""
        if self.pager is None or self.current is None:
            return
        before = len(self.pager)
        self.pager.update(self.cursor, read=read, saved=saved, dismissed=dismissed, tags=tags)
        if len(self.pager) != before:
            self._resize()
        self.refresh_line_at(self.cursor)

    def update_article(self, article_id: int, *, read: bool | None = None,
                       saved: bool | None = None, dismissed: bool | None = None,
                       tags: tuple[str, ...] | None = None) -> None:
        """An article changed in the Desk: redraw its row wherever it is in the list (the
        reader's article need not be the selected one)."""
        pager = self.pager
        index = pager.index_of(article_id) if pager else None
        if pager is None or index is None:
            return
        before = len(pager)
        pager.update(index, read=read, saved=saved, dismissed=dismissed, tags=tags)
        if len(pager) != before:
            self._resize()
        self.refresh_line_at(index)

    def refresh_line_at(self, index: int) -> None:
        self.refresh(Region(0, index - int(self.scroll_y), self.size.width, 1))

    # -- cursor --------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        count = len(self.pager) if self.pager else 0
        return max(0, min(value, count - 1)) if count else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line_at(old)
        self.refresh_line_at(new)
        self.scroll_to_cursor()
        self.post_message(self.Highlighted(self.current))

    def scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        if not height:  # hidden by a full-screen reader: on_resize scrolls once it shows
            return
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def go(self, index: int) -> None:
        self.cursor = index

    def action_page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        self.cursor = self.cursor + direction * height

    # -- as a pane -----------------------------------------------------------------------
    def move(self, delta: int) -> None:
        self.cursor = self.cursor + delta

    def to_top(self) -> None:
        self.go(0)

    def to_bottom(self) -> None:
        self.go(len(self.pager or ()) - 1)

    def open(self) -> OpenArticle | None:
        row = self.current
        return None if row is None else OpenArticle(row.id, note=None)

    def locate(self, article_id: int) -> int | None:
        """Where `article_id` is in this view, or None (not looked for far in a big one)."""
        pager = self.pager
        if pager is None:
            return None
        index = pager.index_of(article_id)
        if index is None and len(pager) <= FIND_LIMIT:
            index = pager.find(-1, 1, lambda row: row.id == article_id)
        return index

    def find_unread(self, step: int) -> int | None:
        """The next (step 1) or previous (-1) unread row from the cursor, or None."""
        return self.pager.find_unread(self.cursor, step) if self.pager is not None else None

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if int(new) == 0 and self.new_above:  # the top row in sight: all arrivals seen
            self.new_above = 0
            self.post_message(self.Highlighted(self.current))

    def on_resize(self) -> None:
        """The list shrank (the reader opened below it) or grew: the selection stays in
        sight."""
        self._resize()
        self.scroll_to_cursor()

    # -- the mouse -------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        index = int(self.scroll_y) + event.y
        if self.pager and 0 <= index < len(self.pager):
            self.cursor = index
            row = self.current
            if row is not None and event.chain >= 2:
                self.post_message(OpenArticle(row.id, note=None))

    # -- rendering -----------------------------------------------------------------------
    # Styles are looked up once per style change and finished lines are cached by content,
    # so scrolling one line re-renders one line, not the whole screen.
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_styles()

    def on_focus(self) -> None:
        self._forget_styles()

    def on_blur(self) -> None:
        self._forget_styles()

    def _forget_styles(self) -> None:
        self._styles = None
        self._lines = {}
        self.refresh()

    def _style(self, name: str) -> Style:
        styles = self._styles
        if styles is None:
            styles = {"base": self.rich_style}
            for component in self.COMPONENT_CLASSES:
                full = self.get_component_rich_style(component)
                styles[component] = full
                # colour and text style without the background, so the cursor's
                # background shows through every cell of the row
                styles["fg:" + component] = Style(color=full.color, bold=full.bold,
                                                  italic=full.italic, dim=full.dim)
            self._styles = styles
            self._lines = {}
        return styles[name]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._style("base")
        index = int(self.scroll_y) + y
        if self.pager is None or not len(self.pager):
            # the next step, wrapped: a path in it must stay whole to be copied
            lines = Text(self.empty_text, style=self._style("article-list--empty")).wrap(
                self.app.console, max(width, 1), overflow="fold")
            if y < len(lines):  # the app's own line, a query or feed in it as it reads
                return self._strip(drawn_label(lines[y], self.reorder, rtl=False), width, base)
            return Strip.blank(width, base)
        row = self.pager.row(index)
        if row is None:
            return Strip.blank(width, base)
        key = (row, index == self.cursor, width, row.id in self.marked)
        strip = self._lines.get(key)
        if strip is None:
            if len(self._lines) > LINE_CACHE:
                self._lines.clear()
            strip = self._strip(self._row_text(row, width), width,
                                base + self._row_style(index, row))
            self._lines[key] = strip
        return strip

    def _row_style(self, index: int, row: ArticleRow) -> Style:
        style = self._style("article-list--read" if row.read else "article-list--unread")
        if row.id in self.marked:
            style += self._style("article-list--marked")
        if index == self.cursor:
            style += self._style("article-list--cursor")
        return style

    def _row_text(self, row: ArticleRow, width: int) -> Text:
        wide, compact = width >= 90, width < COMPACT
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("●" if not row.read else " ")
        text.append("★" if row.saved else " ", self._style("fg:article-list--star"))
        text.append("✓" if row.id in self.marked else " ")  # as mutt's `*` for tagged mail
        outlet_width = 16 if wide else 10
        outlet = fitted(Text(row.feed or "", no_wrap=True, overflow="ellipsis"), outlet_width,
                        self.reorder)
        outlet.stylize(self._style("fg:article-list--outlet"))
        text.append_text(outlet)
        text.append(" ")
        when = short_time(row.published) if compact else local_time(row.published, wide)
        text.append(when, self._style("fg:article-list--date"))
        text.append(" ")
        room = width - text.cell_len
        title = Text(row.title or "", no_wrap=True, overflow="ellipsis")
        tags = Text()
        if not compact and row.tags:
            ordered = self._ordered(row.tags)
            # the user's own tags get what a headline leaves beyond HEADLINE columns; the
            # ones every article of its feed has, only what the whole headline leaves
            own = tagnames.key(ordered[0]) not in self.feed_tags
            floor = HEADLINE if own else room
            headline = min(title.cell_len, max(floor, room - self._tag_width(row) - 1))
            cut = headline < title.cell_len  # the feed's tags give their room back to it
            tags = tag_column(ordered, min(room - headline - 1, self._own_width(ordered, cut)))
        if tags:
            room -= tags.cell_len + 1
        # pad: the tags line up at the right edge; cut before Arabic is put in visual order
        title = fitted(title, max(room, 1), self.reorder, pad=room > 10)
        text.append_text(title)
        if tags:
            text.append(" ")
            tags = drawn_label(tags, self.reorder, rtl=False)
            tags.stylize(self._style("fg:article-list--tags"))
            text.append_text(tags)
        return text

    def _ordered(self, tags: tuple[str, ...]) -> tuple[str, ...]:
        """The user's own tags (and rules') before the ones every article of a feed has."""
        quiet = self.feed_tags
        return tuple(sorted(tags, key=lambda tag: tagnames.key(tag) in quiet))

    def _own_width(self, ordered: tuple[str, ...], cut: bool) -> int:
        """Columns the tags may take: beside a cut headline, the user's own and a "+N" for
        the feed's, whose room goes back to the headline (they show once it fits whole)."""
        if not cut:
            return sys.maxsize
        own = [tag for tag in ordered if tagnames.key(tag) not in self.feed_tags]
        rest = [f"+{len(ordered) - len(own)}"] if len(own) < len(ordered) else []
        return Text(" ".join([*map(tagnames.hashtag, own), *rest])).cell_len

    @staticmethod
    def _tag_width(row: ArticleRow) -> int:
        return sum(len(tag) + 2 for tag in row.tags) - 1

    def set_feed_tags(self, tags: frozenset[str]) -> None:
        """The tags feeds.toml gives whole feeds (`tagnames.key`): listed last in a row."""
        if tags != self.feed_tags:
            self.feed_tags = tags
            self._lines = {}
            self.refresh()

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = list(text.render(self.app.console))
        return Strip(Segment.apply_style(segments, style), width).crop(0, width)
