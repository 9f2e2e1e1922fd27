"""Every command, in the order `newsdesk --help` lists them."""

from tui.cli.commands import analysis, app, feeds, reading, refresh, tags, triage

ALL = (*refresh.COMMANDS, *reading.COMMANDS, *triage.COMMANDS, *reading.EXPORT,
       *feeds.COMMANDS, *analysis.COMMANDS, *tags.COMMANDS, *app.COMMANDS)
