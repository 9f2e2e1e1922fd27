"""Every command, in the order `newsdesk --help` lists them."""

from tui.cli.commands import analysis, app, feeds, reading, refresh, tags

ALL = (*refresh.COMMANDS, *reading.COMMANDS, *feeds.COMMANDS, *analysis.COMMANDS,
       *tags.COMMANDS, *app.COMMANDS)
