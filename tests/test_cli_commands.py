"""The command registry: a named command is found in its own module (cli/commands' WHERE,
so only that one is loaded), and help still lists every command in order."""

from __future__ import annotations

from tui.cli.commands import WHERE, commands_for, everything


def test_every_named_command_is_where_the_registry_says() -> None:
    listed = everything()
    names = [c.name for c in listed if c.name is not None]
    assert sorted(WHERE) == sorted(names) and len(set(names)) == len(names)
    for command in listed:
        if command.name is not None:
            module = command.run.__module__ if command.run.__name__ != "<lambda>" else None
            assert module in (None, f"tui.cli.commands.{WHERE[command.name]}"), command.name
            assert commands_for(["--config", "x.toml", command.name, "1"]) == (command,)


def test_help_a_bare_word_and_a_typo_get_every_command() -> None:
    listed = everything()
    assert listed[0].name == "fetch" and None in [c.name for c in listed]
    for argv in (["fetch", "--help"], [], ["lsit"], ["-h"], ["--config", "x.toml"]):
        assert commands_for(argv) == listed
