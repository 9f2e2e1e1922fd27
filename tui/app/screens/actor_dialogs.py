"""Dialogs that teach the gazetteer: a new actor (name, then kind), another spelling of an
actor (shown with the spellings it goes by already), and a choice among a few answers (what
`-` takes back, how `L` lists a name spelt like a listed actor's).

A name is checked as soon as it is submitted, before anything else is asked: a name another
actor goes by is refused in the dialog itself (it used to be refused only after the kind was
chosen, the dialog gone), and one spelt like a listed actor's is said, so that a duplicate is
seen before it is made; `enter` again goes on with it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.app.screens.tags import fit_counted
from tui.app.widgets.modal_keys import KeysOnTop
from tui.app.widgets.side_panel import KINDS
from tui.app.widgets.visual_input import VisualInput
from tui.app.widgets.visual_text import app_reorders, drawn_label, own_line

KIND_HELP = {"person": "a person", "org": "an organisation, party, group or company",
             "state": "a state or government", "media": "a news agency or outlet cited as a source"}
SPELLING_ROWS = 6  # rows of known spellings a dialog shows at least; the rest are counted


@dataclass(frozen=True)
class Verdict:
    """What a dialog says of a name: refused (`final`), or a warning that a second `enter`
    passes."""

    message: str
    final: bool


NameCheck = Callable[[str], Verdict | None]


def fit_spellings(names: Sequence[str], width: int, rows: int = SPELLING_ROWS) -> list[str]:
    """"known as: A · B · … 9 more" in at most `rows` rows of `width` cells: whole names
    (one wider than a row is cut), as many as fit, the rest counted. Each name is a bidi
    isolate: two Arabic names side by side keep their order in the row."""
    packed = fit_counted("known as:", names, " ·", width, rows)
    return packed if len(packed) <= rows else ["known as:"]


class KnownSpellings(Widget):
    """An actor's spellings, fitted to the dialog's width."""

    def __init__(self, names: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.names = list(names)

    @property
    def rows(self) -> int:
        """A quarter of the terminal's height: 6 rows at 80x24, more where there is room."""
        return max(SPELLING_ROWS, self.app.size.height // 4)

    def render(self) -> Text:
        reorder = app_reorders(self)  # each row left to right, Arabic names as they read
        rows = [drawn_label(Text(row), reorder, rtl=False)
                for row in fit_spellings(self.names, self.size.width or 60, self.rows)]
        return Text("\n", no_wrap=True).join(rows)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(fit_spellings(self.names, width, self.rows))


class CheckedName:
    """The name check a dialog runs on `enter`: a refusal keeps the dialog open with the
    reason; a warning does too, once, and the same name submitted again passes."""

    def __init__(self, check: NameCheck | None) -> None:
        self.check = check
        self.warned = ""

    def passes(self, screen: Widget, name: str) -> bool:
        verdict = self.check(name) if self.check else None
        note = screen.query_one("#name-verdict", Label)
        if verdict is None or (not verdict.final and name == self.warned):
            note.update("")
            note.display = False
            return True
        self.warned = "" if verdict.final else name
        note.update(own_line(verdict.message + ("" if verdict.final else
                                                " (enter again to go on)"), app_reorders(screen)))
        note.set_class(verdict.final, "refused")
        note.display = True
        return False


class NewActorDialog(KeysOnTop, ModalScreen[tuple[str, str] | None]):
    """A name, then a kind (person / org / state / media); returns (name, kind) or None."""

    KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("⏎", "Choose"), ("esc", "Cancel"))
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, check: NameCheck | None = None, alias_key: str = "a") -> None:
        super().__init__()
        self.checked = CheckedName(check)
        self.alias_key = alias_key  # the user's key for adding a spelling

    def compose(self) -> ComposeResult:
        with Vertical(id="actor-dialog", classes="dialog") as box:
            box.border_title = "New actor"
            box.border_subtitle = "enter chooses · esc cancels"
            yield Label(Text(f"Name as the news writes it ({self.alias_key} adds other "
                             "spellings later)"),
                        classes="dialog-about")
            yield VisualInput(placeholder="e.g. Kaja Kallas", id="dialog-input")
            yield Label("", id="name-verdict", classes="name-verdict")
            yield Label(Text("Kind"), classes="dialog-about")
            yield OptionList(*[Option(Text(f"{kind}  ({KIND_HELP[kind]})"), id=kind)
                               for kind in KINDS], id="kind-list")

    def on_mount(self) -> None:
        self.query_one("#name-verdict", Label).display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if name and self.checked.passes(self, name):
            self.query_one("#kind-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        field = self.query_one("#dialog-input", Input)
        name = field.value.strip()
        if not name or not self.checked.passes(self, name):  # edited since: checked again
            field.focus()
            return
        self.dismiss((name, str(event.option.id)))

    def action_cancel(self) -> None:
        self.dismiss(None)


class SpellingDialog(KeysOnTop, ModalScreen[str | None]):
    """Another spelling of an actor, with the ones it goes by already: returns it, or None."""

    KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("⏎", "Save"), ("esc", "Cancel"))
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, about: str, known: Sequence[str],
                 check: NameCheck | None = None) -> None:
        super().__init__()
        self.title_text, self.about, self.known = title, about, list(known)
        self.checked = CheckedName(check)

    def compose(self) -> ComposeResult:
        with Vertical(id="spelling-dialog", classes="dialog") as box:
            reorder = app_reorders(self)  # an actor's name as the reader draws it
            box.border_title = drawn_label(Text(self.title_text), reorder, rtl=False)
            box.border_subtitle = "enter saves · esc cancels"
            yield Label(own_line(self.about, reorder), classes="dialog-about")
            yield KnownSpellings(self.known, id="known-spellings")
            yield VisualInput(placeholder="e.g. a transliteration", id="dialog-input")
            yield Label("", id="name-verdict", classes="name-verdict")

    def on_mount(self) -> None:
        self.query_one("#name-verdict", Label).display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if not name:
            self.dismiss(None)
        elif self.checked.passes(self, name):
            self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(KeysOnTop, ModalScreen[str | None]):
    """A question and a few answers (id, label): `enter` picks one; esc or q answers None."""

    KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("⏎", "Choose"), ("j k", "Move"), ("q", "Cancel"))
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "cancel", "Cancel"),
                                             Binding("j", "move(1)", show=False),
                                             Binding("k", "move(-1)", show=False)]

    def __init__(self, title: str, question: str, answers: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text, self.question, self.answers = title, question, list(answers)

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-dialog", classes="dialog") as box:
            reorder = app_reorders(self)
            box.border_title = drawn_label(Text(self.title_text), reorder, rtl=False)
            box.border_subtitle = "enter chooses · esc cancels"
            yield Label(own_line(self.question, reorder), classes="dialog-about")
            yield OptionList(*[Option(own_line(label, reorder), id=key)
                               for key, label in self.answers], id="choice-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_move(self, delta: int) -> None:
        options = self.query_one(OptionList)
        (options.action_cursor_down if delta > 0 else options.action_cursor_up)()

    def action_cancel(self) -> None:
        self.dismiss(None)
