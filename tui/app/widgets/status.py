"""The two lines under the panes: the status line (what the list shows, where the cursor is,
the last message) and the footer (the main keys, `? Help` always among them).

A message says what just happened, so it expires: after `MESSAGE_SECONDS`, or as soon as
the list shows another view. The footer is drawn here rather than by Textual's `Footer`,
which cuts the last keys on a narrow terminal: this one drops keys from the middle instead
and always keeps the way to the help screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static

from tui.app.commands import FOOTER_GIVES_WAY, Command, key_label
from tui.app.said import fitted
from tui.app.widgets.visual_text import drawn_label

MESSAGE_SECONDS = 8.0


def place(view: str, filter_query: str, search: str, hide_read: bool, *, reorder: bool) -> Text:
    """What the list shows, as the status line says it: the view, `f:` its filter, `/` its
    search. Each is drawn on its own as the tree and the list draw their labels: a
    right-to-left one in visual order (when the app lays such text out), not as stored."""
    text = Text()  # the view's bold as a span: what follows is not bold
    text.append_text(drawn_label(Text(view, "bold"), reorder))
    for lead, part in (("  f:", filter_query), ("  /", search)):
        if part:
            text.append(lead)
            text.append_text(drawn_label(Text(part), reorder))
    if hide_read:
        text.append("  read hidden")
    return text


class StatusLine(Static):
    """View, filter, search, position and a message that fades after a while."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.message = ""
        self._place = Text()
        self._position = Text()
        self._where = ("", "")
        self._timer: Timer | None = None
        self.standing = ""
        """A running job's progress: shown while no message is, until the job clears it."""

    def show_place(self, place: Text, position: Text | None = None) -> None:
        """The part that stays: the view (`place`, cut first when the line is full: a story's
        dateline would fill 80 columns and push a message off the line) and where the cursor
        is (`position`, never cut)."""
        self._place = place
        self._position = position or Text()
        self._draw()

    def show_where(self, long: str, short: str = "") -> None:
        """Where the reader is in the article, at the right edge (`short` when `long` does
        not fit beside the rest; nothing when neither does)."""
        if (long, short) != self._where:
            self._where = (long, short)
            self._draw()

    def on_resize(self) -> None:
        self._draw()

    def say(self, message: str, seconds: float = MESSAGE_SECONDS) -> None:
        """Show `message` for `seconds`, or until the view changes."""
        self.message = message
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(seconds, self.clear_message, name="status-expiry")
        self._draw()

    def clear_message(self) -> None:
        self.message = ""
        self._draw()

    def stand(self, line: str) -> None:
        """Keep `line` (a job's progress) under the messages; "" when the job ends."""
        if line != self.standing:
            self.standing = line
            self._draw()

    def _draw(self) -> None:
        width = self.size.width or 80
        shown = self.message or self.standing
        text = self._place.copy()
        shown, kept = fitted(shown, width - self._position.cell_len - 2, text.cell_len)
        message = f"  {shown}" if shown else ""
        if kept < text.cell_len:  # said.py: the names in the message give way before it
            text = text[:0] if not kept else text
            text.truncate(kept, overflow="ellipsis")
        text.append_text(self._position)
        text.append_text(self._drawn(message))
        text.no_wrap, text.overflow = True, "ellipsis"  # one row: never wrap out of sight
        for where in self._where:
            if where and text.cell_len + 2 + len(where) <= width:
                text.append(" " * (width - text.cell_len - len(where)))
                text.append(where, "italic")
                break
        self.update(text)

    def _drawn(self, message: str) -> Text:
        """A message that names an Arabic title or name (`saved ★ #15 …`) as the list draws
        its rows on a terminal without bidi: in visual order, within a left-to-right line."""
        from tui.app.widgets.visual_text import app_reorders, drawn_label

        return drawn_label(Text(message), app_reorders(self), rtl=False)


class KeyFooter(Static):
    """The footer commands that fit; the help key is always shown, at the right."""

    def __init__(self, commands: Sequence[Command], keymap: Mapping[str, str], *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        shown = [c for c in commands if c.footer]  # quit first, as in mutt's index
        self.commands = sorted(shown, key=lambda c: c.name != "close")
        self.keymap = keymap
        self.titles: Mapping[str, str] = {}
        self.hidden: frozenset[str] = frozenset()
        self.typing: Sequence[tuple[str, str]] = ()

    def show(self, titles: Mapping[str, str], hidden: frozenset[str],
             typing: Sequence[tuple[str, str]] = ()) -> None:
        """What the keys do now: `titles` in place of the commands' own (`q` is "Close" while
        the reader is open), `hidden` the commands that do nothing worth a place here (`enter`
        in the reader's text opens the same article again); `typing`, the only keys a line
        being typed in takes (every other key is a letter there), as (key, title) in place of
        all."""
        if (titles, hidden, typing) != (self.titles, self.hidden, self.typing):
            self.titles, self.hidden, self.typing = titles, hidden, typing
            self.redraw()

    def on_resize(self) -> None:
        self.update(self.line(self.size.width))

    def on_mount(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        """Draw again (the keymap changed)."""
        self.update(self.line(self.size.width or 80))

    def _item(self, command: Command, short: bool = False) -> Text:
        keys = self.keymap.get(command.name, command.key).split(",")[0]
        title = self.titles.get(command.name) or (
            command.short if short and command.short else command.title)
        return _drawn(key_label(keys), title)

    def line(self, width: int) -> Text:
        """The footer's commands in `width` columns, help at the right: with their whole
        titles when all fit, else the ones that give way first (`FOOTER_GIVES_WAY`) take
        their short titles one by one, then go, until the rest fit."""
        if self.typing:
            out = Text(no_wrap=True, overflow="ellipsis")
            for key, title in self.typing:
                out.append_text(_drawn(key, title))
                out.append(" ")
            out.append(" " * max(0, width - out.cell_len))
            return out
        helps = [c for c in self.commands if c.name == "help"]
        tail = self._item(helps[0]) if helps else Text()
        room = width - tail.cell_len
        shown = [c for c in self.commands if c.name != "help" and c.name not in self.hidden]
        short: set[str] = set()

        def length() -> int:
            return sum(self._item(c, c.name in short).cell_len + 1 for c in shown)

        for name in FOOTER_GIVES_WAY:
            if length() <= room:
                break
            short.add(name)
        for name in FOOTER_GIVES_WAY:
            if length() <= room:
                break
            shown = [c for c in shown if c.name != name]
        out = Text(no_wrap=True, overflow="ellipsis")
        for command in shown:
            item = self._item(command, command.name in short)
            if out.cell_len + item.cell_len + 1 > room:  # a command not in FOOTER_GIVES_WAY
                break
            out.append_text(item)
            out.append(" ")
        out.append(" " * max(0, width - out.cell_len - tail.cell_len))
        out.append_text(tail)
        return out


def _drawn(key: str, title: str) -> Text:
    """One footer item: the key reversed, then what it does."""
    text = Text()
    text.append(key.replace("enter", "⏎").replace("ctrl+", "^"), "bold reverse")
    text.append(" " + title)
    return text
