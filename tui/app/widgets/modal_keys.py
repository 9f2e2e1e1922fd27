"""The footer line of a screen on top of the main one (help, feeds, a dialog): its own keys,
over the main screen's footer, which named the main screen's (`q Quit` under the help box,
where `q` closes it)."""

from __future__ import annotations

from typing import ClassVar, cast

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static


class ModalKeys(Static):
    """One line of (key, what it does), docked at the bottom of the screen it is on."""

    DEFAULT_CSS = """
    ModalKeys {
        dock: bottom;
        height: 1;
        width: 100%;
        background: $panel;
        color: $text-muted;
    }
    """

    def __init__(self, keys: tuple[tuple[str, str], ...]) -> None:
        super().__init__(_line(keys))

    def say(self, keys: tuple[tuple[str, str], ...]) -> None:
        """Other keys for now (help's find line takes letters: only enter and esc)."""
        self.update(_line(keys))


def _line(keys: tuple[tuple[str, str], ...]) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis")
    for key, title in keys:
        line.append(key, "bold reverse")
        line.append(f" {title} ")
    return line


class KeysOnTop:
    """A modal screen's footer: `KEYS` drawn by a `ModalKeys` mounted on the screen."""

    KEYS: ClassVar[tuple[tuple[str, str], ...]] = ()

    def on_mount(self) -> None:
        cast(Widget, self).mount(ModalKeys(self.keys_now()))  # mixed into a Screen

    def keys_now(self) -> tuple[tuple[str, str], ...]:
        """What the line shows (`KEYS`; a screen whose keys the user remaps says them)."""
        return self.KEYS
