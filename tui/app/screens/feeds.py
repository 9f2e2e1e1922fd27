"""Feed health: every feed with its counts and last refresh error."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui.app.commands import default_key
from tui.app.widgets.modal_keys import KeysOnTop
from tui.app.widgets.row_time import short_time
from tui.app.widgets.visual_text import app_reorders, drawn_label, own_line
from tui.core.models import FeedStatus

NARROW = 100
"""Below this many columns the box takes the whole width, so every column shows: at 80, the
time and the failures went off the right edge."""


def _when(moment: datetime | None, now: datetime | None = None) -> str:
    """When a feed was last read whole, by one rule at every width, the list's by age: the
    time today ("14:05"), the day within six months ("Jan 18"), else the month ("Jan'24")."""
    if moment is None:
        return "never"
    return short_time(moment, now).strip()


def _mark(feed: FeedStatus) -> Text:
    """`!` failing, `~` read with a warning (cut off, malformed, pages waiting)."""
    if feed.failures:
        return Text("!", "bold red")
    return Text("~", "yellow") if feed.warning else Text(" ")


TABLE_ROWS = 16
"""The table's tallest, header included; on a small terminal it gives way to the detail
below it (the table is `1fr` in the dialog's CSS), which says why the chosen feed fails."""


class FeedsScreen(KeysOnTop, ModalScreen[str | None]):
    """A table of `desk.feeds()`; failing feeds first, then warned ones, in full below.
    `enter` lists the chosen feed's articles, as newsboat's feed list does (its name is the
    answer; closing answers None)."""

    KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("q", "Close"), ("⏎", "List its articles"), ("j k", "Move"))
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,e", "dismiss", "Close"),
                Binding("i", "edit('add')", show=False, id="add_feed"),  # the user's [keys] too
                Binding("X", "edit('remove')", show=False, id="remove_feed"),
                Binding("j", "move(1)", show=False), Binding("k", "move(-1)", show=False),
                Binding("g", "move(-1_000_000)", show=False),
                Binding("G", "move(1_000_000)", show=False),
                # before the table's own home and end, which scroll its columns sideways (the
                # first and last feed, as in the list, did nothing)
                Binding("home", "move(-1_000_000)", show=False, priority=True),
                Binding("end", "move(1_000_000)", show=False, priority=True)]

    def __init__(self, feeds: list[FeedStatus], note: str | None = None,
                 where: Path | None = None,
                 edit: Callable[[str, str | None], None] | None = None,
                 key: Callable[[str], str] = default_key) -> None:
        super().__init__()
        self.key = key
        """command name -> the key the user presses for it, for the hints here"""
        self.edit = edit
        """`i` and `X` here: ("add", None) or ("remove", the feed under the cursor), run
        once the list is closed (the reader's own i and X)."""
        self.where = where
        """The feeds.toml feeds are added to and removed from."""
        self.feeds = sorted(feeds, key=lambda f: (not f.failures, not f.warning, f.name.lower()))
        self.note = note
        """Why every failing feed fails, said under each (the demo's site not served)."""

    def keys_now(self) -> tuple[tuple[str, str], ...]:
        """The footer's keys: `i` and `X` as the user's `[keys]` remap them."""
        return (*self.KEYS, (self.key("add_feed"), "Add feed"),
                (self.key("remove_feed"), "Remove feed"))

    def compose(self) -> ComposeResult:
        with Vertical(id="feeds-box", classes="dialog") as box:
            failing = sum(1 for f in self.feeds if f.failures)
            warned = sum(1 for f in self.feeds if not f.failures and f.warning)
            box.border_title = Text(f"Feeds ({len(self.feeds)}, {failing} failing, "
                                    f"{warned} with warnings)")
            box.border_subtitle = (f"enter lists its articles · {self.key('add_feed')} adds a "
                                   f"feed · {self.key('remove_feed')} removes it · q / esc "
                                   "closes")
            yield DataTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="feeds-error")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.styles.max_height = min(TABLE_ROWS, len(self.feeds) + 1)
        narrow = self.app.size.width < NARROW
        if narrow:
            self.query_one("#feeds-box").styles.width = "100%"
        # as `newsdesk feeds` counts: stored under the feed, unread among them, and how many
        # items the feed itself sent at its last read (fewer once it drops old ones)
        table.add_columns("", "feed", "unread", "articles", "in feed", "last ok", "failures")
        reorder = app_reorders(self)  # an Arabic outlet's name as it reads (`[settings] bidi`)
        for feed in self.feeds:
            table.add_row(_mark(feed), drawn_label(Text(feed.name), reorder),
                          str(feed.unread), str(feed.articles), str(feed.item_count),
                          _when(feed.last_ok), str(feed.failures), key=feed.name)
        table.focus()
        self._show(0)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if self.feeds:
            self.dismiss(self.feeds[max(0, min(event.cursor_row, len(self.feeds) - 1))].name)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def _show(self, row: int) -> None:
        if not self.feeds:
            self.query_one("#feeds-error", Static).update(Text("No feeds configured."))
            return
        feed = self.feeds[max(0, min(row, len(self.feeds) - 1))]
        text = Text(f"{feed.name}\n{feed.url}\n")
        warning = feed.warning
        if feed.failures:
            text.append(f"failing: {feed.last_error}", "bold red")
            if self.note:
                text.append(f"\n{self.note[0].upper()}{self.note[1:]}.")
        elif warning:
            text.append(f"warning: {warning}", "yellow")
        elif feed.state == "not_fetched":
            text.append(f"not fetched yet ({self.key('refresh_all')} fetches every feed)", "dim")
        else:
            text.append("no error at the last refresh", "dim")
        if self.where is not None:
            text.append(f"\n{self.key('add_feed')} adds a feed, {self.key('remove_feed')} removes "
                        f"this one; or edit {self.where} (the reader follows it as it is saved)",
                        "dim")
        self.query_one("#feeds-error", Static).update(own_line(text, app_reorders(self)))

    def action_edit(self, what: str) -> None:
        table = self.query_one(DataTable)
        name = self.feeds[table.cursor_row].name if self.feeds and what == "remove" else None
        self.dismiss(None)  # off the stack now: the dialog opens over the main screen
        if self.edit is not None and (name or what == "add"):
            # now, not a tick later: keys typed in the same burst as `i` (a tab, the name)
            # reached the main screen in between, lost or run as its commands
            self.edit(what, name)

    def action_move(self, delta: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + delta)
