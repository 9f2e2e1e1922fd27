"""The newsdesk Textual app: wires the Desk and the config to the main screen."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App
from textual.binding import BindingType

from tui.app.commands import BY_NAME, app_bindings, keymap
from tui.app.palette import NewsdeskCommands
from tui.app.screens.main import MainScreen


class NewsdeskApp(App[None]):
    """Presents the Desk; never touches SQLite itself."""

    CSS_PATH = "newsdesk.tcss"
    TITLE = "newsdesk"
    BINDINGS: ClassVar[list[BindingType]] = app_bindings()
    COMMANDS = App.COMMANDS | {NewsdeskCommands}

    def __init__(self, desk: Any, config: Any) -> None:
        super().__init__()
        self.desk = desk
        self.config = config
        self.keymap_in_use = keymap(getattr(config, "keys", None))

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Textual's notify, but text is literal unless a caller asks for markup: messages
        carry feed names, titles and errors, and `[/]` in one would crash the app."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def on_mount(self) -> None:
        if self.keymap_in_use:
            self.set_keymap(self.keymap_in_use)
        unknown = sorted(set(getattr(self.config, "keys", None) or ()) - set(BY_NAME))
        if unknown:
            self.notify(f"[keys] names no command: {', '.join(unknown)} (see ? for names)",
                        severity="warning", markup=False, timeout=8)
        self.push_screen(MainScreen(self.desk, self.config))


def run(desk: Any, config: Any) -> None:
    """Open the TUI on `desk` until the user quits."""
    NewsdeskApp(desk, config).run()
