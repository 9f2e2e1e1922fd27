"""The command palette lists the same `COMMANDS` the keys and the help screen use."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.app.commands import SCREEN_COMMANDS, Command
from tui.app.screens.help import key_label
from tui.app.screens.main import MainScreen


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
            yield DiscoveryHit(label, partial(self._run, command), help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, command in self._commands():
            score = max(matcher.match(label), matcher.match(command.help) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._run, command),
                          text=label, help=command.help)
