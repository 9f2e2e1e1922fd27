"""The `?` screen: every command with its current key, generated from `COMMANDS` in groups
(`help_table.py`: two columns of keys on a narrow terminal); `/` finds commands by a word of
their title, help, name or other readers' words for them ("reload") and says what they do. It
scrolls with the keys every pager has: j/k, space/b, g/G, q or esc to close."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.app.commands import COMMANDS, Command, help_of, key_label
from tui.app.screens.help_table import help_table
from tui.app.widgets.modal_keys import KeysOnTop, ModalKeys


def found(command: Command, keymap: Mapping[str, str], words: str) -> bool:
    """Every word of `words` is in the command's key, title, help, name or aliases."""
    about = " ".join((key_label(keymap.get(command.name, command.key)), command.title,
                      help_of(command, keymap), command.name, *command.aliases)).casefold()
    return all(word in about for word in words.casefold().split())


class HelpScreen(KeysOnTop, ModalScreen[None]):
    """Keys and what they do."""

    KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("q", "Close"), ("j k", "Scroll"), ("space b", "Page"), ("g G", "Top/bottom"),
        ("/", "Find"))
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
        Binding("j,down", "scroll('down')", show=False),
        Binding("k,up", "scroll('up')", show=False),
        Binding("space,pagedown", "scroll('page')", show=False),
        Binding("b,pageup", "scroll('page_up')", show=False),
        Binding("g,home", "scroll('home')", show=False),
        Binding("G,end", "scroll('end')", show=False),
    ]  # `/` is taken in `on_key`: a binding runs once the key has bubbled up to the app

    def __init__(self, keymap: Mapping[str, str], config_path: Path | None = None) -> None:
        super().__init__()
        self.keymap = keymap
        self.config_path = config_path
        self.finding = False
        """Between `/` and enter or esc: printable keys are words for the find line, wherever
        they were sent (the line's focus can come after keys typed with `/`)."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = f"newsdesk keys ({len(COMMANDS)} commands)"
            where = str(self.config_path) if self.config_path else "none (built-in feed list)"
            yield Static(Text(f"config: {where}", "italic"), id="help-config")
            find = Input(placeholder="find a command: words of its name or help (esc: all)",
                         id="help-find")
            find.display = False
            yield find
            yield Static(help_table(self.keymap, self._room()), id="help-text")
            yield Static(Text('remap any key in feeds.toml: [keys] name = "key"', "dim"),
                         id="help-remap")

    def action_find(self) -> None:
        """`/`: a line to type words in; the table keeps the commands that have them all.
        The focus moves now, not a tick later (`focus()`): words typed in the same burst as
        `/` went to the box, and were lost."""
        find = self.query_one("#help-find", Input)
        find.display = True
        self.finding = True
        self.set_focus(find)
        self._keys((("⏎", "Done"), ("esc", "All commands")))

    def _keys(self, keys: tuple[tuple[str, str], ...] | None = None) -> None:
        """The footer: the find line's keys while it takes letters, else the screen's."""
        for line in self.query(ModalKeys):
            line.say(keys or self.KEYS)

    @on(Input.Changed, "#help-find")
    def _find(self, event: Input.Changed) -> None:
        words = event.value
        self._draw()
        box = self.query_one("#help-box", VerticalScroll)
        shown = len(self._chosen())
        box.border_title = (f"newsdesk keys ({shown} of {len(COMMANDS)} commands have "
                            f"{words.strip()!r})" if words.strip()
                            else f"newsdesk keys ({len(COMMANDS)} commands)")
        box.scroll_home(animate=False)
        self.call_after_refresh(self._where)  # it said "more below" of the whole table

    @on(Input.Submitted, "#help-find")
    def _found(self) -> None:
        self.finding = False
        self._keys()
        self.query_one("#help-box", VerticalScroll).focus()  # j k space scroll, q closes

    def on_key(self, event: events.Key) -> None:
        """`/` opens the find line here, not by a binding: bindings run once a key has bubbled
        up to the app, after the keys typed in the same burst had reached this screen, and
        the words after `/` were lost. A printable key that reaches the screen between `/` and
        enter was sent to the box before the line had the focus (the line eats its own keys):
        it is typed into the line, as the main screen's bar takes such keys, and no binding
        runs from it.
        Esc in the find line takes the words back and shows every command again."""
        find = self.query_one("#help-find", Input)
        if event.key == "slash" and not self.finding:
            event.stop()
            event.prevent_default()
            self.action_find()
        elif event.key == "escape" and find.display:
            event.stop()
            event.prevent_default()
            find.value = ""
            find.display = False
            self.finding = False
            self._keys()
            self.query_one("#help-box", VerticalScroll).focus()
            self.call_after_refresh(self._where)
        elif self.finding and event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            find.insert_text_at_cursor(event.character)

    def on_mount(self) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        self.watch(box, "scroll_y", self._where, init=False)
        self.call_after_refresh(self._where)

    def on_resize(self) -> None:
        self._draw()  # two columns or one, as the box's width allows
        self.call_after_refresh(self._where)  # the lines shown change with the window

    def _room(self) -> int:
        """The columns inside the help box: the app's less the box's border and padding,
        at the stylesheet's width (90%, at most 110)."""
        return min(110, self.app.size.width * 9 // 10) - 4

    def _chosen(self) -> list[Command]:
        words = self.query_one("#help-find", Input).value
        return [c for c in COMMANDS if found(c, self.keymap, words)]

    def _draw(self) -> None:
        self.query_one("#help-text", Static).update(
            help_table(self.keymap, self._room(), self._chosen()))

    def _where(self) -> None:
        """The border says how much is below or above, and how to get there."""
        box = self.query_one("#help-box", VerticalScroll)
        height, total = box.scrollable_content_region.height, box.virtual_size.height
        top = int(box.scroll_y)
        if total <= height:
            box.border_subtitle = "q closes"
            return
        below = total - top - height
        where = f"lines {top + 1}-{min(total, top + height)} of {total}"
        more = "↓ j/space: more below" if below > 0 else "↑ k: more above"
        box.border_subtitle = f"{where} · {more} · q closes"

    def action_scroll(self, direction: str) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        scroll = {"down": box.scroll_down, "up": box.scroll_up, "page": box.scroll_page_down,
                  "page_up": box.scroll_page_up, "home": box.scroll_home, "end": box.scroll_end}
        scroll[direction](animate=False)
