"""Every user command, defined once.

A command is a frozen record (name, title, default key, help). Key bindings, the command
palette and the help screen are all generated from `COMMANDS`, so they cannot drift apart.
`config.keys` (command name -> key) remaps any of them through Textual's keymap. The main
screen runs a command by name (`action_run`), so no command needs a method of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True, slots=True)
class Command:
    """One user command."""

    name: str
    """Stable id: used in `config.keys`, as the binding id and by `MainScreen.action_run`."""
    title: str
    """Short label for the footer and the palette."""
    key: str
    """Default key(s), Textual names, comma separated."""
    help: str
    """One line for the help screen and the palette; `{name}` stands for the key of command
    `name` (see `help_of`), so the prose names the user's `[keys]` remap."""
    footer: bool = False
    """Show in the footer."""
    short: str = ""
    """The footer's shorter title, used when the whole line does not fit (80 columns)."""
    app_action: str | None = None
    """An App action bound on the App (priority) instead of a main-screen command."""
    aliases: tuple[str, ...] = ()
    """Other readers' words for it (newsboat's, Elfeed's, Miniflux's): the palette finds the
    command by them too ("reload" finds Refresh all)."""

    @property
    def action(self) -> str:
        """The Textual action a key or the palette runs."""
        return self.app_action or f"run({self.name!r})"


COMMANDS: tuple[Command, ...] = (
    Command("cursor_down", "Down", "j,down", "Move down in the focused pane"),
    Command("cursor_up", "Up", "k,up", "Move up in the focused pane"),
    Command("open", "Open", "enter",
            "Open the article, view, actor or related item under the cursor", footer=True),
    Command("page", "Page", "space",
            "Page the reader down; at the end, go to the next unread article"),
    Command("next_unread", "Next unread", "n",
            "Go to the next unread article (past a feed's last: the next feed with unread "
            "ones, as newsboat's n)", footer=True),
    Command("prev_unread", "Prev unread", "p",
            "Go to the previous unread article (past a feed's first: the previous feed's)"),
    Command("next_feed", "Next feed", "J",
            "List the next feed's articles (the first feed's from another view), as newsboat's J",
            aliases=("next feed",)),
    Command("prev_feed", "Prev feed", "K",
            "List the previous feed's articles (the last feed's from another view)",
            aliases=("previous feed", "prev feed")),
    Command("toggle_read", "Read/unread", "N",
            "Toggle read: the article shown when the reader has the focus, else the selected "
            "(the marked ones when any)", aliases=("mark read", "mark unread", "toggle read")),
    Command("mark_view_read", "Mark view read", "A",
            "Mark every article in the view read (in a feed's list: the feed)",
            aliases=("mark all read", "mark feed read", "catch up", "mark as read")),
    Command("mark_all_read", "Mark all feeds read", "C",
            "Mark every article of every feed read, as newsboat's C ({undo} undoes)",
            aliases=("mark all feeds read", "catch up all", "mark everything read")),
    Command("undo", "Undo", "u",
            "Take back the last read, save, tag, untag, dismiss or mark-view-read"),
    Command("toggle_saved", "Save", "s", "Toggle the saved star (of the marked ones when any)",
            footer=True, aliases=("star", "bookmark", "flag", "favourite")),
    Command("add_tags", "Tag", "t",
            "Add tags to the article, or the marked ones (completes existing tags)", footer=True,
            aliases=("set tag", "label")),
    Command("remove_tag", "Untag", "T", "Remove one of the article's (or marked ones') tags"),
    Command("dismiss", "Dismiss", "x", "Mark read and hide from Unread (the marked ones when any)",
            aliases=("delete article", "hide", "archive")),
    Command("toggle_mark", "Mark", "m",
            "Mark or unmark the article, then go on: {toggle_saved} {toggle_read} {dismiss} "
            "{add_tags} {remove_tag} {export_view} {copy_link} {open_browser} act on every "
            "marked one"),
    Command("mark_all", "Mark all", "M", "Mark every article listed; clear the marks when any"),
    Command("toggle_hide_read", "Hide read", "l",
            "Hide read articles in every list, or show them again",
            aliases=("show read", "toggle show read")),
    Command("actor_alias", "Add alias", "a",
            "Add a spelling to the selected actor, then re-match"),
    Command("new_actor", "New actor", "plus",
            "Add a new actor (name, then kind), then re-match"),
    Command("list_unlisted", "List person", "L",
            "Add the highlighted 'not listed' person to your actors.toml (kind and description "
            "from the article), then re-match"),
    Command("forget_actor", "Forget actor", "minus",
            "Take back a spelling or an actor you added (lists them), then re-match"),
    Command("next_in_story", "Next in story", "right_square_bracket",
            "Open the story's next (older) article"),
    Command("prev_in_story", "Prev in story", "left_square_bracket",
            "Open the story's previous (newer) article"),
    Command("search", "Search", "slash", "Full-text search in the current view", footer=True,
            aliases=("find", "open search")),
    Command("filter", "Filter", "f", "Filter the view with a query (the CLI's language)",
            aliases=("set filter", "limit")),
    Command("clear_query", "Clear", "c", "Clear the search and the filter",
            aliases=("clear filter",)),
    Command("save_view", "Save view", "V",
            "Save the list's query (view, filter, search) as a view in feeds.toml",
            aliases=("save search", "query feed")),
    Command("export_view", "Export", "E",
            "Export the articles listed (the marked ones when any) to a dossier file "
            "(md, html or json)", aliases=("save articles", "dossier")),
    Command("open_browser", "Browser", "o",
            "Open the article's link in the web browser (each marked one's when any; asks "
            "above 5)", aliases=("open in browser", "browse", "visit")),
    Command("copy_link", "Copy link", "y",
            "Copy the article's link to the clipboard (the marked ones', one a line)",
            aliases=("yank", "copy url")),
    Command("open_cited_link", "Open link N", "O",
            "Open a link the article's text cites, by its number (the text shows [n])",
            aliases=("goto url", "show urls", "links")),
    Command("refresh_all", "Refresh all", "R,ctrl+r",
            "Refresh every feed (feeds.toml read again first)", footer=True, short="Refresh",
            aliases=("reload", "reload all", "update", "fetch", "sync", "reload urls")),
    Command("refresh_feed", "Refresh feed", "r", "Refresh the current article's feed",
            aliases=("reload feed", "update feed", "fetch feed")),
    Command("feed_errors", "Feeds", "e",
            "Show feeds and their last refresh errors",
            aliases=("feed list", "subscriptions", "edit urls", "errors")),
    Command("add_feed", "Add feed", "i",
            "Add a feed to feeds.toml (URL, then a name and tags if you like) and fetch it",
            aliases=("add feed", "subscribe", "new feed", "add url")),
    Command("remove_feed", "Remove feed", "X",
            "Take the feed under the tree's cursor (else the one listed) out of feeds.toml, "
            "after asking; its saved and tagged articles stay",
            aliases=("remove feed", "unsubscribe", "delete feed")),
    Command("cycle_panes", "Next pane", "tab", "Move focus to the next pane"),
    Command("focus_views", "Feeds & views", "1",
            "Show and focus the tree of views, tags, feeds, stories and actors (newsboat's "
            "feed list; hidden below about 212 columns until asked for)", footer=True,
            short="Feeds"),
    Command("focus_list", "List pane", "2", "Focus the article list"),
    Command("focus_reader", "Reader pane", "3",
            "Focus the article text (opens the selected article)"),
    Command("focus_actors", "Actors pane", "4", "Focus the reader's actor list"),
    Command("focus_related", "Related pane", "5", "Focus the reader's related coverage"),
    Command("top", "Top", "g,home", "Go to the top"),
    Command("bottom", "Bottom", "G,end", "Go to the bottom"),
    Command("toggle_full", "Full width", "z", "Toggle the reader full screen"),
    Command("toggle_side", "Side panel", "B", "Show or hide the reader's actors and related"),
    Command("close", "Close/quit", "q",
            "Close the reader, leave a search or filter, go back from a timeline or a "
            "related item; quit otherwise",
            footer=True, short="Quit", aliases=("quit", "exit")),
    Command("back", "Back", "escape,backspace",
            "Close the reader, leave a search or filter, go back from a timeline or a related "
            "item (never quits)"),
    Command("help", "Help", "question_mark", "Show every command and its key", footer=True,
            aliases=("keys", "keymap")),
    Command("palette", "Palette", "ctrl+p",
            "Open the command palette: find any command by a word (newsboat's and vim's :)",
            footer=True, app_action="command_palette"),
)

FOOTER_GIVES_WAY: tuple[str, ...] = (
    "add_tags", "toggle_saved", "refresh_all", "focus_views", "next_unread", "palette",
    "search", "open", "close")
"""The footer's commands in the order they give way on a narrow line (after their titles
have shortened): the first-hour keys (quit, open, search, the palette that finds the rest)
stay longest; help is always shown."""

BY_NAME: Mapping[str, Command] = {command.name: command for command in COMMANDS}
SCREEN_COMMANDS: tuple[Command, ...] = tuple(c for c in COMMANDS if c.app_action is None)


def screen_bindings() -> list[BindingType]:
    """Bindings for the main screen, one per command, each with the command name as id."""
    return [Binding(c.key, c.action, c.title, show=c.footer, id=c.name)
            for c in SCREEN_COMMANDS]


def app_bindings() -> list[BindingType]:
    """Bindings that must work everywhere (the palette)."""
    return [Binding(c.key, c.action, c.title, show=False, id=c.name, priority=True)
            for c in COMMANDS if c.app_action is not None]


def keymap(keys: Mapping[str, str]) -> dict[str, str]:
    """`config.keys` -> Textual keymap, ignoring names that are not commands."""
    return {name: key for name, key in keys.items() if name in BY_NAME and key}


def clashes(keys: Mapping[str, str]) -> list[str]:
    """One line per key that two commands would share once `config.keys` is applied (a
    remap onto another command's default key leaves that command without one): Textual would
    run only one of them, silently."""
    remapped = keymap(keys)
    owners: dict[str, list[str]] = {}
    for command in COMMANDS:
        for key in remapped.get(command.name, command.key).split(","):
            owners.setdefault(key.strip(), []).append(command.name)
    return [f"{key_label(key)} is the key of {' and '.join(names)}"
            for key, names in owners.items() if len(names) > 1]


KEY_NAMES = {"question_mark": "?", "slash": "/", "space": "space", "enter": "enter",
             "plus": "+", "minus": "-", "right_square_bracket": "]", "left_square_bracket": "[",
             "escape": "esc", "number_sign": "#", "colon": ":"}


def key_label(keys: str) -> str:
    """Textual key names -> what the user types."""
    return " ".join(KEY_NAMES.get(k, k) for k in keys.split(","))


def key_of(keymap: Mapping[str, str], name: str) -> str:
    """The key a hint names for command `name`: the first of the user's `[keys]` remap
    (`keymap`), else of its default, so a message never names a key that does nothing."""
    return key_label(keymap.get(name, BY_NAME[name].key).split(",")[0].strip())


class _KeysOf(dict[str, str]):
    """`{name}` in a command's help -> `key_of` that command."""

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def __missing__(self, name: str) -> str:
        return key_of(self.keymap, name)


def help_of(command: Command, keymap: Mapping[str, str]) -> str:
    """The command's help as the help screen and the palette show it: the keys it names are
    the user's (`[keys]`), as the status messages say them; "(u undoes)" after a remap of
    undo named a key that did nothing."""
    return command.help.format_map(_KeysOf(keymap))


def default_key(name: str) -> str:
    """`key_of` with no remaps: for parts shown without a screen's keymap (tests)."""
    return key_of({}, name)
