"""Small input dialogs: one line of text, a yes/no question, an export (path and format); the
actor dialogs are in actor_dialogs.py."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.app.widgets.modal_keys import KeysOnTop
from tui.app.widgets.visual_input import VisualInput
from tui.app.widgets.visual_text import app_reorders, drawn_label, own_line
from tui.core.visual import isolated

FIELD_KEYS: list[BindingType] = [
    Binding("tab", "next_field(True)", show=False, priority=True),
    Binding("shift+tab", "next_field(False)", show=False, priority=True),
]
"""Tab and shift+tab of a dialog with more than one field (`FieldKeys`): a priority binding
moves the focus as the app takes the key, before the line could take it."""


class FieldKeys:
    """The action of FIELD_KEYS (the keys after a tab wait for it: key_order.py)."""

    def action_next_field(self, forward: bool) -> None:
        screen: Any = self
        if forward:
            screen.focus_next()
        else:
            screen.focus_previous()


class TextDialog(KeysOnTop, ModalScreen[str | None]):
    """Ask for one line of text; returns it stripped, or None when cancelled."""

    KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("⏎", "OK"), ("esc", "Cancel"))
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, about: str, placeholder: str = "", *, default: str = "",
                 enter: str = "saves") -> None:
        """`default`: what `enter` on an empty line answers (O's only link: "1"); `enter`:
        what it does, for the footer ("opens")."""
        super().__init__()
        self.title_text = title
        self.about = about
        self.placeholder = placeholder
        self.default = default
        self.enter = enter

    def compose(self) -> ComposeResult:
        with Vertical(id="text-dialog", classes="dialog") as box:
            reorder = app_reorders(self)  # names and titles as the reader draws them
            box.border_title = drawn_label(Text(self.title_text), reorder, rtl=False)
            box.border_subtitle = f"enter {self.enter} · esc cancels"
            yield Label(own_line(self.about, reorder), classes="dialog-about")
            yield VisualInput(placeholder=self.placeholder, id="dialog-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or self.default or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(KeysOnTop, ModalScreen[bool]):
    """A yes/no question: y answers yes; n, esc or any other key no."""

    KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("y", "Yes"), ("any other key", "No"))

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self.title_text, self.question = title, question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog") as box:
            reorder = app_reorders(self)
            box.border_title = drawn_label(Text(self.title_text), reorder, rtl=False)
            box.border_subtitle = "y yes · any other key no"
            yield Label(own_line(self.question, reorder), classes="dialog-about")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss(event.key == "y")


FORMATS = ("md", "html", "json")


def with_format(path: str, fmt: str) -> str:
    """`path` with the extension of `fmt` (replacing md/html/json, else appended)."""
    stem, dot, ext = path.rpartition(".")
    if dot and ext.lower() in FORMATS and "/" not in ext:
        return f"{stem}.{fmt}"
    return f"{path}.{fmt}"


def format_of(path: str) -> str | None:
    ext = path.rpartition(".")[2].lower()
    return ext if ext in FORMATS else None


class ExportDialog(KeysOnTop, FieldKeys, ModalScreen[tuple[str, str] | None]):
    """Where to write the dossier and in which format; returns (path, format) or None. A
    file already there is replaced only when `enter` is pressed again on its name: the name
    offered is made from the list, so the same list exported again would replace it."""

    KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("⏎", "Write"), ("tab", "Formats"), ("esc", "Cancel"))
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel"),
                                             *FIELD_KEYS]

    def __init__(self, what: str, count: int, path: str) -> None:
        super().__init__()
        self.what = what
        self.count = count
        self.path = path
        self.warned = ""
        """The path said to exist: `enter` on it again replaces the file."""

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog") as box:
            box.border_title = "Export the list"
            box.border_subtitle = "enter writes · tab: formats · esc cancels"
            noun = "article" if self.count == 1 else "articles"
            yield Label(own_line(f"{self.count} {noun}: {isolated(self.what)}",
                                 app_reorders(self)), classes="dialog-about")
            yield VisualInput(value=self.path, id="dialog-input")
            yield Label("", id="export-verdict", classes="name-verdict")
            yield OptionList(*[Option(Text(f"{fmt}  ({FORMAT_HELP[fmt]})"), id=fmt)
                               for fmt in FORMATS], id="format-list")

    def on_mount(self) -> None:
        self.query_one("#export-verdict", Label).display = False
        self.query_one("#format-list", OptionList).highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = event.value.strip()
        if path:
            self._write(path, format_of(path) or "md")

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.value.strip() != self.warned:
            self.query_one("#export-verdict", Label).display = False

    def _write(self, path: str, fmt: str) -> None:
        """Answer (path, format), unless a file is there that was not named to replace."""
        target = Path(path).expanduser()
        if target.is_dir():
            self._say(f"{isolated(path)} is a folder: give a file name")
        elif target.exists() and path != self.warned:
            self.warned = path
            self._say(f"{isolated(path)} exists ({_written(target)}): enter again replaces it, "
                      "or change the name")
        else:
            self.dismiss((path, fmt))

    def _say(self, text: str) -> None:
        note = self.query_one("#export-verdict", Label)
        note.update(own_line(text, app_reorders(self)))
        note.display = True
        field = self.query_one("#dialog-input", Input)
        field.select_on_focus = False  # to edit the name, not to retype it
        field.cursor_position = len(field.value)
        field.focus()
        self.app.bell()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The path follows the format under the cursor: what Enter writes is what shows."""
        event.stop()
        field = self.query_one("#dialog-input", Input)
        if field.value.strip():
            field.value = with_format(field.value.strip(), str(event.option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        fmt = str(event.option.id)
        field = self.query_one("#dialog-input", Input)
        self._write(with_format(field.value.strip() or "newsdesk-export", fmt), fmt)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _written(target: Path) -> str:
    """When the file there was written, as the user would say it."""
    try:
        moment = datetime.fromtimestamp(target.stat().st_mtime)
    except OSError:
        return "unreadable"
    same_day = moment.date() == datetime.now().date()
    return f"written {moment:%H:%M}" if same_day else f"written {moment:%Y-%m-%d %H:%M}"


FORMAT_HELP = {"md": "Markdown", "html": "one web page", "json": "for scripts"}
