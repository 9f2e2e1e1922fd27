"""The one error type a command raises to stop with a message (no circle: commands import it)."""

from __future__ import annotations


class Terminated(KeyboardInterrupt):
    """SIGTERM during a fetch (`timeout 60 newsdesk fetch` in a crontab, a shutdown): it ends
    as Ctrl-C does, saying what is kept, with 143 (128 + SIGTERM) as a killed process has."""


class CliError(Exception):
    """Printed as `newsdesk: message` with exit code `code` (2: usage or config, 1: failure)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code
