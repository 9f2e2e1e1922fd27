"""Every command, in the order `newsdesk --help` lists them."""

from tui.cli.commands import analysis, app, feed_edits, feeds, reading, refresh, tags, triage

ALL = (*refresh.COMMANDS, *reading.COMMANDS, *triage.COMMANDS, *reading.EXPORT,
       *feeds.COMMANDS, *feed_edits.COMMANDS,
       *analysis.COMMANDS, *tags.COMMANDS, *app.COMMANDS)
