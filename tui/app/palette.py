"""The command palette lists the same `COMMANDS` the keys and the help screen use.

Labels carry the user's own key names (from `[keys]`), so nothing here goes through markup:
Textual's palette parses a plain string prompt or help text as markup, and its fuzzy
highlighter parses the candidate too. Prompts and help are built as `Content` instead.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from tui.app.commands import SCREEN_COMMANDS, Command
from tui.app.screens.help import key_label
from tui.app.screens.main import MainScreen


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
    """One hit per command; running it runs the command on the main screen."""

    def _commands(self) -> list[tuple[str, Command]]:
        """(label, command) with the key the user has for it."""
        screen = self.screen
        if not isinstance(screen, MainScreen):
            return []
        return [(f"{c.title} ({key_label(screen.keymap.get(c.name, c.key))})", c)
                for c in SCREEN_COMMANDS]

    async def _run(self, command: Command) -> None:
        await self.screen.run_action(command.action)

    async def discover(self) -> Hits:
        for label, command in self._commands():
            yield DiscoveryHit(Content(label), partial(self._run, command),
                               help=Content(command.help).markup)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, command in self._commands():
            score = max(matcher.match(label), matcher.match(command.help) * 0.5)
            if score > 0:
                yield Hit(score, highlight(matcher, label), partial(self._run, command),
                          text=label, help=Content(command.help).markup)
