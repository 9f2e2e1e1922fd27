"""Dialogs for adding tags (with completion) and removing one tag."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.app.widgets.modal_keys import KeysOnTop
from tui.app.widgets.visual_input import VisualInput
from tui.app.widgets.visual_text import app_reorders, drawn_label, own_line
from tui.core import tagnames
from tui.core.quotes import QUOTES
from tui.core.visual import isolated


def parse_tags(text: str) -> list[str]:
    """'a, +b "two words"' -> ['a', 'b', 'two words']: as `newsdesk tag --add` reads them
    (tagnames.typed_list): spaces and commas separate tags, quotes group words, a leading `+`
    or `#` is dropped, two spellings of one tag (any case, any script) count once."""
    return tagnames.typed_list(text)


class TagSuggester(Suggester):
    """Completes the tag being typed from the existing tags. Matching ignores case here
    (`tagnames.key`), not in Textual: its case-insensitive mode hands over the value
    lower-cased, and accepting a completion then lower-cased the words typed before it. A tag
    with a space comes in quotes, once a quote is opened: `"russ` -> `"Russia Iran"`."""

    def __init__(self, tags: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = tags

    async def get_suggestion(self, value: str) -> str | None:
        found, inside = tagnames.runs(value)
        if not found or (not inside and (value[-1].isspace() or value[-1] == ",")):
            return None
        start, last = found[-1]
        raw = value[start:]
        lead = raw[0] if raw[0] in "+#" else ""
        quoted = any(ch in QUOTES for ch in raw)
        typed = tagnames.key(tagnames.typed(last))  # `+cauc` completes too
        for tag in self.tags:
            if not tagnames.key(tag).startswith(typed):
                continue
            shown = tagnames.written(tag)
            if quoted and shown == tag:
                shown = f'"{tag}"'
            elif not quoted and shown != tag:
                continue  # a bare word never turns into a quoted name under the cursor
            if lead + shown != raw:
                return value[:start] + lead + shown
        return None


def fit_tags(tags: list[str], width: int, lines: int = 2) -> list[str]:
    """"existing: a, b, … 9 more" in `lines` rows of `width` cells: whole tags only (one
    wider than a row is cut with an ellipsis), as many as fit, the rest counted."""
    if not tags:
        return ["existing: none yet"]
    most = min(len(tags), lines * max(width, 12) // 2 + 1)  # each takes two cells at least
    return fit_counted("existing:", tags, ",", width, lines, most)  # in their order


def fit_counted(label: str, names: Sequence[str], sep: str, width: int, rows: int,
                most: int | None = None) -> list[str]:
    """`label`, then as many whole `names` as fit in `rows` rows of `width` cells (`most` at
    the most), each a bidi isolate with `sep` after all but the last, the rest counted
    ("… 9 more"). None fitting: the label and the count alone, however many rows."""
    width = max(width, 12)
    packed: list[str] = []
    for shown in range(len(names) if most is None else most, -1, -1):
        units = [label, *(f"{isolated(name)}{sep}" for name in names[:shown])]
        if shown < len(names):
            units.append(f"… {len(names) - shown} more")
        else:
            units[-1] = units[-1].removesuffix(sep)
        packed = pack_rows(units, width)
        if len(packed) <= rows:
            break
    return packed


def pack_rows(units: list[str], width: int) -> list[str]:
    """Units on rows of `width` cells, a space between two on a row, never split."""
    rows: list[str] = []
    for unit in units:
        if cell_len(unit) > width:
            cut = Text(unit, no_wrap=True)
            cut.truncate(width, overflow="ellipsis")
            unit = cut.plain
        if rows and cell_len(rows[-1]) + 1 + cell_len(unit) <= width:
            rows[-1] += " " + unit
        else:
            rows.append(unit)
    return rows


class KnownTags(Widget):
    """The existing tags under the input, fitted to the dialog's width (they used to be cut
    mid-word, with no sign that more followed)."""

    def __init__(self, tags: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.tags = tags

    def render(self) -> Text:
        reorder = app_reorders(self)  # each row left to right, Arabic tags as they read
        rows = [drawn_label(Text(row), reorder, rtl=False)
                for row in fit_tags(self.tags, self.size.width or 40)]
        return Text("\n", no_wrap=True).join(rows)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(fit_tags(self.tags, width))


class AddTagsScreen(KeysOnTop, ModalScreen[list[str]]):
    """Ask for tags; returns the list (empty when cancelled)."""

    KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("⏎", "Add"), ("tab", "Complete"), ("esc", "Cancel"))
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel"),
                                             Binding("tab", "complete", show=False,
                                                     priority=True)]

    def __init__(self, existing: list[tuple[str, int]], title: str) -> None:
        super().__init__()
        self.existing = [tag for tag, _ in existing]
        self.article_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-box", classes="dialog") as box:
            box.border_title = "Add tags"
            yield Label(own_line(self.article_title, app_reorders(self)), id="tag-article")
            # short enough for 80x24, or the key hint at its end is cut off
            yield VisualInput(placeholder='tags, "two words" as one; tab/→ completes',
                        suggester=TagSuggester(self.existing), id="tag-input")
            yield KnownTags(self.existing, id="tag-known")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(parse_tags(event.value))

    def action_complete(self) -> None:
        """`tab` takes the completion shown, as a shell and Elfeed's tag prompt do: it moved
        the focus away, and `enter` then added the tag as typed (`dos` for `dossier`)."""
        field = self.query_one("#tag-input", Input)
        field.focus()
        field.cursor_position = len(field.value)
        field.action_cursor_right()  # at the end, it takes the suggestion (if one is shown)

    def action_cancel(self) -> None:
        self.dismiss([])


class RemoveTagScreen(KeysOnTop, ModalScreen[str | None]):
    """Pick one of the article's tags to remove."""

    KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("⏎", "Remove"), ("j k", "Move"), ("q", "Cancel"))
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "cancel", "Cancel"),
                Binding("j", "move('down')", show=False),
                Binding("k", "move('up')", show=False)]

    def __init__(self, tags: tuple[str, ...], title: str) -> None:
        super().__init__()
        self.tags = tags
        self.article_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="untag-box", classes="dialog") as box:
            box.border_title = "Remove tag"
            box.border_subtitle = "enter removes · esc cancels"
            reorder = app_reorders(self)
            yield Label(own_line(self.article_title, reorder), id="tag-article")
            yield OptionList(*[Option(drawn_label(Text(tag), reorder), id=tag)
                               for tag in self.tags], id="untag-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_move(self, direction: str) -> None:
        options = self.query_one(OptionList)
        if direction == "down":
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
