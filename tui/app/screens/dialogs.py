"""Small input dialogs for the actor commands: one line of text, or a new actor."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.app.widgets.side_panel import KINDS

KIND_HELP = {"person": "a person", "org": "an organisation, party, group or company",
             "state": "a state or government", "media": "a news agency or outlet cited as a source"}


class TextDialog(ModalScreen[str | None]):
    """Ask for one line of text; returns it stripped, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, about: str, placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.about = about
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="text-dialog", classes="dialog") as box:
            box.border_title = Text(self.title_text)  # holds an actor's name: never markup
            box.border_subtitle = "enter saves · esc cancels"
            yield Label(Text(self.about), classes="dialog-about")
            yield Input(placeholder=self.placeholder, id="dialog-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NewActorDialog(ModalScreen[tuple[str, str] | None]):
    """A name, then a kind (person / org / state / media); returns (name, kind) or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="actor-dialog", classes="dialog") as box:
            box.border_title = "New actor"
            box.border_subtitle = "enter chooses · esc cancels"
            yield Label(Text("Name as the news writes it (a adds other spellings later)"),
                        classes="dialog-about")
            yield Input(placeholder="e.g. Kaja Kallas", id="dialog-input")
            yield Label(Text("Kind"), classes="dialog-about")
            yield OptionList(*[Option(Text(f"{kind}  ({KIND_HELP[kind]})"), id=kind)
                               for kind in KINDS], id="kind-list")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.query_one("#kind-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        name = self.query_one("#dialog-input", Input).value.strip()
        if not name:
            self.query_one("#dialog-input", Input).focus()
            return
        self.dismiss((name, str(event.option.id)))

    def action_cancel(self) -> None:
        self.dismiss(None)
