"""The newsdesk Textual app: wires the Desk and the config to the main screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import BindingType
from textual.command import CommandPalette, Provider
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Input

from tui.app.commands import BY_NAME, app_bindings, clashes, key_label, keymap
from tui.app.key_order import KeyHandled, KeyOrder
from tui.app.palette import NewsdeskCommands, Palette
from tui.app.screens.main import MainScreen
from tui.app.widgets.visual_text import drawn_message, reorders
from tui.core.config.loader import Config
from tui.core.desk import Desk

if TYPE_CHECKING:
    from rich.console import RenderableType


class NewsdeskApp(App[None]):
    """Presents the Desk; never touches SQLite itself."""

    CSS_PATH = "newsdesk.tcss"
    TITLE = "newsdesk"
    BINDINGS: ClassVar[list[BindingType]] = app_bindings()
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        NewsdeskCommands}  # not Textual's system commands (palette.py says why)

    def __init__(self, desk: Desk, config: Config, notices: Sequence[str] = ()) -> None:
        super().__init__()
        self.desk = desk
        desk.analysis.lenient = True  # a broken actors.toml is said, and the reader goes on
        self.config = config
        self.notices = tuple(notices)  # e.g. where a first run wrote feeds.toml
        self.keys = KeyOrder(self, self._route_key)
        """Keys typed in a burst, each routed once the one before it has been handled."""

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Textual's notify, but text is literal unless a caller asks for markup: messages
        carry feed names, titles and errors, and `[/]` in one would crash the app. Literal
        text is drawn as the status line draws it (an Arabic name in visual order)."""
        if not markup:
            message = drawn_message(message, reorders(self.config))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def exit(self, result: None = None, return_code: int = 0,
             message: RenderableType | None = None) -> None:
        """A refresh in a worker thread would hold the exit until its analysis ended (asyncio
        waits for its executor's threads): it is told to stop at its next step. Where the
        reader is is kept for its next start (screens/resume.py)."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.resume.keep()
        self.desk.stop()
        super().exit(result, return_code, message)

    def action_command_palette(self) -> None:
        """Textual's, holding the keys typed after it until its search has listed (Palette)."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(Palette(id="--command-palette"))

    def action_help_quit(self) -> None:
        """Ctrl-C: Textual's hint, written with markup, shows its tags raw through `notify`
        above; this one is plain text and names `q` too."""
        quit_key = next((key for key, active in self.active_bindings.items()
                         if active.binding.action in ("quit", "app.quit")), "ctrl+q")
        close = key_label(keymap(self.config.keys).get("close", BY_NAME["close"].key))
        self.notify(f"Press {quit_key} to quit, or {close} (quits from the list; it first "
                    "closes what is open)", title="Do you want to quit?")

    async def on_event(self, event: events.Event) -> None:
        """A key or a paste from the terminal waits for the keys typed before it
        (key_order.py)."""
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            await self.keys.take(event)
        else:
            await super().on_event(event)

    async def _route_key(self, event: events.Key | events.Paste) -> None:
        await super().on_event(event)

    def on_key_handled(self, message: KeyHandled) -> None:
        self.keys.handled(message)

    def on_key(self, event: events.Key) -> None:
        """A key reaches the app once it has bubbled up, before the app's bindings run. The
        main screen hands printable keys to its bar while the bar has the focus; a habit
        key's hint (`b`) is said from here too, only while the main screen is on top."""
        if isinstance(self.screen, MainScreen):
            if self.screen.take_typing(event):
                event.prevent_default()  # not a binding: it was typed into the bar
                event.stop()
            else:
                self.screen.habit(event)
        elif event.key in ("tab", "shift+tab"):
            self.move_focus(self.screen, event.key == "tab")
            event.prevent_default()
            event.stop()
        elif event.is_printable and event.character and isinstance(self.focused, Input):
            type_into(self.focused, event.character)  # a line has the focus: it is typed
            event.prevent_default()
            event.stop()

    def move_focus(self, screen: Screen[object], forward: bool) -> None:
        """Tab in a dialog: to the next field (previous with shift)."""
        if forward:
            screen.focus_next()
        else:
            screen.focus_previous()

    def on_mount(self) -> None:
        remapped = keymap(self.config.keys)
        if remapped:
            self.set_keymap(remapped)
        unknown = sorted(set(self.config.keys) - set(BY_NAME))
        if unknown:
            self.notify(f"[keys] names no command: {', '.join(unknown)} (see ? for names)",
                        severity="warning", markup=False, timeout=8)
        for clash in clashes(self.config.keys):
            self.notify(f"[keys]: {clash}; only one of them runs: give the other its own key "
                        "in feeds.toml", severity="error", markup=False, timeout=30)
        self.push_screen(MainScreen(self.desk, self.config))
        for notice in self.notices:
            self.notify(notice, markup=False, timeout=8)
        if self.desk.set_aside is not None and self.desk.warning:  # a damaged cache moved
            self.notify(self.desk.warning, title="The cache was damaged", severity="error",
                        markup=False, timeout=60)


def run(desk: Desk, config: Config, notices: Sequence[str] = ()) -> None:
    """Open the TUI on `desk` until the user quits."""
    NewsdeskApp(desk, config, notices).run()


def type_into(line: Input, character: str) -> None:
    """As the line types a key it gets itself: over its selection (the export dialog's path
    is selected, to be typed over), else at the cursor."""
    selection = line.selection
    if selection.is_empty:
        line.insert_text_at_cursor(character)
    else:
        line.replace(character, *selection)
