"""The command palette lists the same `COMMANDS` the keys and the help screen use, and
then Textual's theme picker (the actor colours follow the theme). Textual's other system
commands are left out: its "Keys" panel was a second, different key help beside `?`, and
Quit, Maximize and Screenshot came before newsdesk's own commands.

Labels carry the user's own key names (from `[keys]`), so nothing here goes through markup:
Textual's palette parses a plain string prompt or help text as markup, and its fuzzy
highlighter parses the candidate too. Prompts and help are built as `Content` instead.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.worker import Worker

from tui.app.commands import SCREEN_COMMANDS, Command, help_of, key_label
from tui.app.screens.main import MainScreen

THEME_HELP = "Change the colours (actors are coloured by kind in every theme)"


def highlight(matcher: Matcher, label: str) -> Content:
    """`Matcher.highlight` without reading `label` as markup."""
    content = Content(label)
    score, offsets = matcher.fuzzy_search.match(matcher.query, label)
    if score:
        for offset in offsets:
            if not label[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class NewsdeskCommands(Provider):
    """One hit per command; running it runs the command on the main screen. A command is
    found by its title, by other readers' words for it (newsboat's "reload", "mark all
    read", "add feed": `Command.aliases`), then by its help."""

    def _commands(self) -> list[tuple[str, str, tuple[str, ...],
                                      Callable[[], Awaitable[None]]]]:
        """(label with the key the user has for it, help, aliases, run): newsdesk's, then
        Theme."""
        screen = self.screen
        ours = [(f"{c.title} ({key_label(screen.keymap.get(c.name, c.key))})",
                 help_of(c, screen.keymap),
                 c.aliases, partial(self._run, c)) for c in SCREEN_COMMANDS
                if isinstance(screen, MainScreen)]
        return [*ours, ("Theme", THEME_HELP, ("colours", "colors"), self._theme)]

    async def _run(self, command: Command) -> None:
        await self.screen.run_action(command.action)

    async def _theme(self) -> None:
        self.app.action_change_theme()

    async def discover(self) -> Hits:
        for label, help_text, _aliases, run in self._commands():
            yield DiscoveryHit(Content(label), run, help=Content(help_text).markup)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, help_text, aliases, run in self._commands():
            by_alias = max(((matcher.match(alias), alias) for alias in aliases),
                           default=(0.0, ""))
            score = max(matcher.match(label), matcher.match(help_text) * 0.5)
            if by_alias[0] > score:  # the word the user knows shows beside the title
                label, score = f"{label} · {by_alias[1]}", by_alias[0]
            if score > 0:
                yield Hit(score, highlight(matcher, label), run, text=label,
                          help=Content(help_text).markup)


class Palette(CommandPalette):
    """Textual's palette, holding the keys typed after a letter until the search that letter
    started has listed its commands, and after an enter that chooses one until that command
    has run: in a burst (`ctrl+p Tag enter probe`) the enter chose from the list of a shorter
    word, or from none, and the words after it went to the palette as it closed."""

    choosing = False

    ABOVE_LIST, BELOW = 7, 2
    """Rows above the list (Textual's margin of 3 and the search box's 4) and the main
    screen's rows it must leave in sight: the status line (a refresh's progress, the last
    message) and the footer (`enter Run`, `esc Close`). Textual's list is 70% of the screen
    high, which at 80x24 ran over the status line."""

    def on_resize(self) -> None:
        height = self.size.height
        tallest = max(3, min(int(height * 0.7), height - self.ABOVE_LIST - self.BELOW))
        self.query_one(CommandList).styles.max_height = tallest

    @property
    def holds_keys(self) -> bool:
        return self.choosing or any(worker.node is self and not worker.is_finished
                                    for worker in self.app.workers)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.is_finished:
            self._resume()

    def on_input_submitted(self) -> None:
        """Before the palette's own enter: whether it chooses a command (and closes)."""
        commands = self.query_one(CommandList)
        at = commands.highlighted
        if at is None and commands.option_count == 1:
            at = 0
        chosen = self._list_visible and at is not None and \
            not commands.get_option_at_index(at).disabled
        self.choosing = chosen or (not self._list_visible and
                                   self._selected_command is not None)

    def on_screen_suspend(self) -> None:
        self._resume()  # after the command chosen, which the palette's enter called later

    def _resume(self) -> None:
        self.app.call_later(self.app.keys.next)  # type: ignore[attr-defined]
