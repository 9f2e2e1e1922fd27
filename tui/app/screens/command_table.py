"""Who does each command of `COMMANDS` on the main screen: one table, so a key binding, the
palette and the help screen all run the same thing (a test checks that none is missing)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from textual.app import App

from tui.app.screens.arrange import Arrange
from tui.app.screens.feed_editing import FeedEditing
from tui.app.screens.help import HelpScreen
from tui.app.screens.jobs import Jobs
from tui.app.screens.keeping import Keeping
from tui.app.screens.marks import Marks
from tui.app.screens.narrowing import Narrowing
from tui.app.screens.reading import Reading
from tui.app.screens.teaching import Teaching
from tui.app.screens.trail import Trail
from tui.app.screens.triage import Triage
from tui.app.widgets.panes import Pane
from tui.app.widgets.query_bar import Mode
from tui.core.config.loader import Config


class Commanded(Protocol):
    """What the table needs of the main screen (a Protocol: the screen imports this module)."""

    reading: Reading
    triage: Triage
    marks: Marks
    jobs: Jobs
    teaching: Teaching
    keeping: Keeping
    feed_editing: FeedEditing
    arranger: Arrange
    trail: Trail
    narrowing: Narrowing
    keymap: dict[str, str]
    config: Config

    @property
    def app(self) -> App[None]: ...
    def focused_pane(self) -> Pane: ...
    def open_focused(self) -> None: ...
    def close_one(self, quit_at_top: bool = True) -> None: ...
    def open_query_bar(self, mode: Mode) -> None: ...


def command_table(screen: Commanded) -> dict[str, Callable[[], object]]:
    reading, triage, jobs, keeping = screen.reading, screen.triage, screen.jobs, screen.keeping
    reading.onward = screen.trail.unread_feed  # n past a feed's last unread: newsboat's way
    reading.onward_left = screen.trail.unread_feed_after
    marks = screen.marks
    arrange = screen.arranger
    return {
        "cursor_down": lambda: screen.focused_pane().move(1),
        "cursor_up": lambda: screen.focused_pane().move(-1),
        "top": lambda: screen.focused_pane().to_top(),
        "bottom": lambda: screen.focused_pane().to_bottom(),
        "open": screen.open_focused,
        "page": reading.page,
        "next_unread": lambda: reading.step_unread(1, reading.onward),
        "prev_unread": lambda: reading.step_unread(-1, reading.onward),
        "next_feed": lambda: screen.trail.step_feed(1),
        "prev_feed": lambda: screen.trail.step_feed(-1),
        "next_in_story": lambda: reading.step_story(1),
        "prev_in_story": lambda: reading.step_story(-1),
        "cycle_panes": arrange.cycle_panes,
        "toggle_full": arrange.toggle_full,
        "toggle_side": arrange.toggle_side,
        "focus_views": lambda: arrange.focus_pane("views"),
        "focus_list": lambda: arrange.focus_pane("list"),
        "focus_reader": lambda: arrange.focus_pane("reader"),
        "focus_actors": lambda: arrange.focus_pane("actors"),
        "focus_related": lambda: arrange.focus_pane("related"),
        "close": screen.close_one,
        "back": lambda: screen.close_one(quit_at_top=False),
        "help": lambda: screen.app.push_screen(HelpScreen(screen.keymap, screen.config.path)),
        "search": lambda: screen.open_query_bar("search"),
        "filter": lambda: screen.open_query_bar("filter"),
        "clear_query": screen.narrowing.clear_query,
        "toggle_hide_read": screen.narrowing.toggle_hide_read,
        "save_view": keeping.save_view,
        "export_view": keeping.export_view,
        "toggle_read": marks.either(marks.toggle_read, triage.toggle_read),
        "toggle_saved": marks.either(marks.toggle_saved, triage.toggle_saved),
        "dismiss": marks.either(marks.dismiss, triage.dismiss),
        "mark_view_read": triage.mark_view_read,
        "mark_all_read": lambda: triage.mark_view_read(everywhere=True),
        "undo": triage.undo,
        "add_tags": marks.either(marks.add_tags, triage.add_tags),
        "remove_tag": marks.either(marks.remove_tag, triage.remove_tag),
        "toggle_mark": marks.toggle,
        "mark_all": marks.mark_all,
        "open_browser": marks.either(marks.open_links, triage.open_browser),
        "copy_link": marks.either(marks.copy_links, triage.copy_link),
        "open_cited_link": triage.open_cited_link,
        "feed_errors": screen.feed_editing.feed_errors,
        "add_feed": screen.feed_editing.add_feed,
        "remove_feed": screen.feed_editing.remove_feed,
        "refresh_all": jobs.refresh_all,
        "refresh_feed": jobs.refresh_feed,
        "actor_alias": screen.teaching.add_alias,
        "new_actor": screen.teaching.new_actor,
        "list_unlisted": screen.teaching.list_unlisted,
        "forget_actor": screen.teaching.forget_actor,
    }
