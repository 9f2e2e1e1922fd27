"""The Textual face of newsdesk.

Imports are lazy so that `import tui.app` stays cheap for the CLI: Textual loads only
when the app is actually opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.app.app import NewsdeskApp
    from tui.core.config.loader import Config
    from tui.core.desk import Desk

__all__ = ["NewsdeskApp", "run"]


def run(desk: Desk, config: Config, notices: Sequence[str] = ()) -> None:
    """Open the TUI on `desk` (blocking until the user quits); `notices` are shown on opening."""
    from tui.app.app import run as _run

    _run(desk, config, notices)


def __getattr__(name: str) -> type[NewsdeskApp]:
    if name == "NewsdeskApp":
        from tui.app.app import NewsdeskApp

        return NewsdeskApp
    raise AttributeError(name)
