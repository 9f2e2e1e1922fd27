"""`python -m tui` is the `newsdesk` command."""

from tui.cli import run

run()
