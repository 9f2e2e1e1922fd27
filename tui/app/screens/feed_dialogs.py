"""The dialog that asks for a new feed (`i`): its URL, and a name and tags if the user likes.

`enter` in any field checks the whole feed as `newsdesk add-feed` does (an http(s) URL, not
listed already however spelt, a name no other feed has); a mistake is said under the fields
and the dialog stays open on the field to fix, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.app.screens.dialogs import FIELD_KEYS, FieldKeys
from tui.app.widgets.modal_keys import KeysOnTop
from tui.app.widgets.visual_input import VisualInput
from tui.app.widgets.visual_text import app_reorders, own_line
from tui.core.config.feed_edits import FeedEditError, NewFeed
from tui.core.tagnames import typed_list

FeedCheck = Callable[[str, str, list[str]], NewFeed]
"""(url, name, tags) -> the feed as it would be written, or FeedEditError saying why not."""


class AddFeedDialog(KeysOnTop, FieldKeys, ModalScreen[NewFeed | None]):
    """Returns the checked feed, or None when cancelled."""

    KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("⏎", "Add"), ("tab", "Next field"), ("esc", "Cancel"))
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel"),
                                             *FIELD_KEYS]

    def __init__(self, check: FeedCheck, where: str) -> None:
        super().__init__()
        self.check = check
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(id="feed-dialog", classes="dialog") as box:
            box.border_title = "Add a feed"
            box.border_subtitle = "enter adds · tab: name, tags · esc cancels"
            yield Label(Text(f"Written to {self.where}, then fetched."), classes="dialog-about")
            # no select-all when tab reaches a field: letters of a burst typed in before the
            # field heard of its focus were selected by it, and the next letter replaced them
            yield VisualInput(placeholder="URL, e.g. https://meduza.io/rss/en/all",
                              id="feed-url", select_on_focus=False)
            yield VisualInput(placeholder="name (optional: else the title the feed sends)",
                              id="feed-name", select_on_focus=False)
            yield VisualInput(placeholder='tags (optional), e.g. russia "Middle East"',
                              id="feed-tags", select_on_focus=False)
            yield Label("", id="feed-verdict", classes="name-verdict refused")

    def on_mount(self) -> None:
        self.query_one("#feed-verdict", Label).display = False
        self.query_one("#feed-url", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#feed-verdict", Label).display = False  # it was about the text before

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        url = self.query_one("#feed-url", Input)
        if not url.value.strip():
            url.focus()
            return
        name = self.query_one("#feed-name", Input).value
        tags = typed_list(self.query_one("#feed-tags", Input).value)
        try:
            feed = self.check(url.value, name, tags)
        except FeedEditError as error:
            self._refuse(str(error))
            return
        self.dismiss(feed)

    def _refuse(self, why: str) -> None:
        note = self.query_one("#feed-verdict", Label)
        note.update(own_line(why, app_reorders(self)))
        note.display = True
        field = self.query_one("#feed-name" if "named" in why else "#feed-url", Input)
        field.focus()
        self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)
