"""The `?` screen: every command with its current key, generated from `COMMANDS`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.commands import COMMANDS


def key_label(keys: str) -> str:
    """Textual key names -> what the user types."""
    names = {"question_mark": "?", "slash": "/", "space": "space", "enter": "enter",
             "plus": "+", "right_square_bracket": "]", "left_square_bracket": "["}
    return " ".join(names.get(k, k) for k in keys.split(","))


def help_table(keymap: Mapping[str, str]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column()
    table.add_column(style="dim", no_wrap=True)
    for command in COMMANDS:
        keys = keymap.get(command.name, command.key)
        table.add_row(Text(key_label(keys)), Text(command.title), Text(command.help),
                      Text(command.name))
    return table


class HelpScreen(ModalScreen[None]):
    """Keys and what they do."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
        Binding("j,down", "scroll('down')", show=False),
        Binding("k,up", "scroll('up')", show=False),
    ]

    def __init__(self, keymap: Mapping[str, str], config_path: Path | None = None) -> None:
        super().__init__()
        self.keymap = keymap
        self.config_path = config_path

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "newsdesk keys"
            box.border_subtitle = Text('remap in feeds.toml: [keys] name = "key" · q closes')
            where = str(self.config_path) if self.config_path else "none (built-in feed list)"
            yield Static(Text(f"config: {where}", "italic"), id="help-config")
            yield Static(help_table(self.keymap), id="help-text")

    def action_scroll(self, direction: str) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        if direction == "down":
            box.scroll_down(animate=False)
        else:
            box.scroll_up(animate=False)
