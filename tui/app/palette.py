"""The command palette lists the same `COMMANDS` the keys and the help screen use."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.app.commands import COMMANDS, Command
from tui.app.screens.help import key_label


class NewsdeskCommands(Provider):
    """One hit per command; running it runs the action on the main screen."""

    def _commands(self) -> list[type[Command]]:
        from tui.app.screens.main import MainScreen

        if not isinstance(self.screen, MainScreen):
            return []
        return [c for c in COMMANDS if not c.app_level]

    def _label(self, command: type[Command]) -> str:
        keymap = getattr(self.app, "keymap_in_use", {})
        return f"{command.title} ({key_label(keymap.get(command.name, command.key))})"

    async def _run(self, command: type[Command]) -> None:
        await self.screen.run_action(command.action)

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(self._label(command), partial(self._run, command),
                               help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            label = self._label(command)
            score = max(matcher.match(label), matcher.match(command.help) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._run, command),
                          text=label, help=command.help)
