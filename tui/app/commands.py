"""Every user command, defined once.

Each command is a class (name, help, default key, action). Key bindings, the command
palette and the help screen are all generated from `COMMANDS`, so they cannot drift
apart. `config.keys` (command name -> key) remaps any of them through Textual's keymap.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.binding import Binding, BindingType


class Command:
    """One user command. Subclasses set the class attributes; never instantiated."""

    name: ClassVar[str]
    """Stable id: used in `config.keys` and as the binding id."""
    title: ClassVar[str]
    """Short label for the footer and the palette."""
    help: ClassVar[str]
    """One line for the help screen and the palette."""
    key: ClassVar[str]
    """Default key(s), Textual names, comma separated."""
    action: ClassVar[str]
    """Action run on the main screen (`action_<name>`)."""
    footer: ClassVar[bool] = False
    """Show in the footer."""
    app_level: ClassVar[bool] = False
    """Bound on the App (priority) instead of the main screen."""


def _command(
    name: str, title: str, key: str, help: str, *, action: str | None = None, footer: bool = False
) -> type[Command]:
    attrs = {
        "name": name,
        "title": title,
        "key": key,
        "help": help,
        "action": action or name,
        "footer": footer,
        "__doc__": help,
    }
    cls = type("".join(part.title() for part in name.split("_")), (Command,), attrs)
    return cls


class Palette(Command):
    """Search every command by name."""

    name = "palette"
    title = "Palette"
    key = "ctrl+p"
    help = "Open the command palette"
    action = "app.command_palette"
    app_level = True


COMMANDS: tuple[type[Command], ...] = (
    _command("cursor_down", "Down", "j,down", "Move down in the focused pane"),
    _command("cursor_up", "Up", "k,up", "Move up in the focused pane"),
    _command("open", "Open", "enter",
             "Open the article, view, actor or related item under the cursor",
             footer=True),
    _command("page", "Page", "space",
             "Page the reader down; at the end, go to the next unread article"),
    _command("next_unread", "Next unread", "n", "Go to the next unread article", footer=True),
    _command("prev_unread", "Prev unread", "p", "Go to the previous unread article"),
    _command("toggle_read", "Read/unread", "N", "Toggle the article's read flag"),
    _command("mark_view_read", "Mark view read", "A",
             "Mark every article in the current view read (u undoes)"),
    _command("undo", "Undo", "u", "Undo the last mark-view-read or dismiss"),
    _command("toggle_saved", "Save", "s", "Toggle the saved star", footer=True),
    _command("add_tags", "Tag", "t", "Add tags to the article (completes existing tags)",
             footer=True),
    _command("remove_tag", "Untag", "T", "Remove one of the article's tags"),
    _command("dismiss", "Dismiss", "x", "Mark read and hide from Unread",
             action="dismiss_article"),  # not action_dismiss: Screen has one
    _command("actor_alias", "Add alias", "a",
             "Add a spelling to the selected actor, then re-match"),
    _command("new_actor", "New actor", "plus",
             "Add a new actor (name, then kind), then re-match"),
    _command("next_in_story", "Next in story", "right_square_bracket",
             "Open the story's next article (by time)"),
    _command("prev_in_story", "Prev in story", "left_square_bracket",
             "Open the story's previous article (by time)"),
    _command("search", "Search", "slash", "Full-text search in the current view", footer=True),
    _command("filter", "Filter", "f", "Filter the view with a query (the CLI's language)"),
    _command("open_browser", "Browser", "o", "Open the article's link in the web browser"),
    _command("copy_link", "Copy link", "y", "Copy the article's link to the clipboard"),
    _command("refresh_all", "Refresh all", "R", "Refresh every feed", footer=True),
    _command("refresh_feed", "Refresh feed", "r", "Refresh the current article's feed"),
    _command("feed_errors", "Feeds", "e", "Show feeds and their last refresh errors"),
    _command("cycle_panes", "Next pane", "tab", "Move focus to the next pane"),
    _command("top", "Top", "g,home", "Go to the top"),
    _command("bottom", "Bottom", "G,end", "Go to the bottom"),
    _command("toggle_full", "Full width", "z", "Toggle the reader full width"),
    _command("close", "Close/quit", "q", "Close the reader or the filter; quit otherwise",
             footer=True),
    _command("help", "Help", "question_mark", "Show every command and its key", footer=True),
    Palette,
)

BY_NAME: Mapping[str, type[Command]] = {command.name: command for command in COMMANDS}


def screen_bindings() -> list[BindingType]:
    """Bindings for the main screen, one per command, each with the command name as id."""
    return [
        Binding(c.key, c.action, c.title, show=c.footer, id=c.name)
        for c in COMMANDS
        if not c.app_level
    ]


def app_bindings() -> list[BindingType]:
    """Bindings that must work everywhere (the palette)."""
    return [
        Binding(c.key, c.action.removeprefix("app."), c.title, show=False, id=c.name,
                priority=True)
        for c in COMMANDS
        if c.app_level
    ]


def keymap(keys: Mapping[str, str] | None) -> dict[str, str]:
    """`config.keys` -> Textual keymap, ignoring names that are not commands."""
    return {name: key for name, key in (keys or {}).items() if name in BY_NAME and key}
