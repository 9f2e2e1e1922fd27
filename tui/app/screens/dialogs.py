"""Small input dialogs: one line of text, a yes/no question, an export (path and format); the
actor dialogs are in actor_dialogs.py."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option


class TextDialog(ModalScreen[str | None]):
    """Ask for one line of text; returns it stripped, or None when cancelled."""

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
            box.border_title = Text(self.title_text)  # holds an actor's name: never markup
            box.border_subtitle = f"enter {self.enter} · esc cancels"
            yield Label(Text(self.about), classes="dialog-about")
            yield Input(placeholder=self.placeholder, id="dialog-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or self.default or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question: y answers yes; n, esc or any other key no."""

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self.title_text, self.question = title, question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog") as box:
            box.border_title = Text(self.title_text)  # holds an actor's name: never markup
            box.border_subtitle = "y yes · any other key no"
            yield Label(Text(self.question), classes="dialog-about")

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


class ExportDialog(ModalScreen[tuple[str, str] | None]):
    """Where to write the dossier and in which format; returns (path, format) or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, what: str, count: int, path: str) -> None:
        super().__init__()
        self.what = what
        self.count = count
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog") as box:
            box.border_title = "Export the list"
            box.border_subtitle = "enter writes · tab: formats · esc cancels"
            noun = "article" if self.count == 1 else "articles"
            yield Label(Text(f"{self.count} {noun}: {self.what}"), classes="dialog-about")
            yield Input(value=self.path, id="dialog-input")
            yield OptionList(*[Option(Text(f"{fmt}  ({FORMAT_HELP[fmt]})"), id=fmt)
                               for fmt in FORMATS], id="format-list")

    def on_mount(self) -> None:
        self.query_one("#format-list", OptionList).highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = event.value.strip()
        if path:
            self.dismiss((path, format_of(path) or "md"))

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
        path = with_format(field.value.strip() or "newsdesk-export", fmt)
        self.dismiss((path, fmt))

    def action_cancel(self) -> None:
        self.dismiss(None)


FORMAT_HELP = {"md": "Markdown", "html": "one web page", "json": "for scripts"}
