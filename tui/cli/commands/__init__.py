"""Every command, in the order `newsdesk --help` lists them (`everything`), and a named one
alone (`commands_for`), which loads its own module only: the other eight were ~3 % of an
unchanged fetch."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.cli.registry import Command

# The modules' lists in --help's order: (module, its attribute).
_ORDER = (("refresh", "COMMANDS"), ("reading", "COMMANDS"), ("triage", "COMMANDS"),
          ("reading", "EXPORT"), ("feeds", "COMMANDS"), ("feed_edits", "COMMANDS"),
          ("analysis", "COMMANDS"), ("tags", "COMMANDS"), ("app", "COMMANDS"))
# Where each named command is defined (test_cli_commands checks it against `everything`).
WHERE = {
    "fetch": "refresh", "reextract": "refresh",
    "list": "reading", "search": "reading", "show": "reading", "export": "reading",
    "read": "triage", "unread": "triage", "save": "triage", "unsave": "triage",
    "dismiss": "triage", "undismiss": "triage", "tag": "triage",
    "feeds": "feeds", "import-opml": "feeds", "import-newsboat": "feeds",
    "export-opml": "feeds", "add-feed": "feed_edits", "remove-feed": "feed_edits",
    "actors": "analysis", "related": "analysis", "stories": "analysis",
    "tags": "tags", "rename-tag": "tags", "delete-tag": "tags", "apply-rules": "tags",
    "demo": "app",
}


def _listed(module: str, attribute: str = "COMMANDS") -> tuple[Command, ...]:
    commands: tuple[Command, ...] = getattr(
        importlib.import_module(f"tui.cli.commands.{module}"), attribute)
    return commands


def everything() -> tuple[Command, ...]:
    return tuple(c for module, attribute in _ORDER for c in _listed(module, attribute))


def commands_for(argv: Sequence[str]) -> tuple[Command, ...]:
    """The commands these words may run: the one they name, unless they ask for help (which
    lists them all) or name none (the reader, a mistyped command: argparse says which)."""
    from tui.cli.registry import command_at

    at = command_at(argv)
    word = argv[at] if at < len(argv) else None
    if word not in WHERE or "-h" in argv or "--help" in argv:
        return everything()
    module = WHERE[word]
    return tuple(c for where, attribute in _ORDER if where == module
                 for c in _listed(module, attribute) if c.name == word)


def __getattr__(name: str) -> tuple[Command, ...]:
    if name == "ALL":  # every command, as this module's attribute
        return everything()
    raise AttributeError(name)
