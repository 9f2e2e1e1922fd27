"""What every pane of the main screen does with the keys it shares with the others.

The screen binds `j`/`k`, `g`/`G` and `enter` once and hands each to the focused pane: the
article list, the reader's text, the reader's actor and related lists, and the view tree each
move their own cursor and know what opening means for them.
"""

from __future__ import annotations

from typing import Protocol

from tui.app.messages import OpenArticle


class Pane(Protocol):
    def move(self, delta: int) -> None:
        """Move the cursor (or scroll) by `delta` lines."""

    def to_top(self) -> None:
        """Go to the first line."""

    def to_bottom(self) -> None:
        """Go to the last line."""

    def open(self) -> OpenArticle | None:
        """Open what is under the cursor. A pane that opens an article returns the request
        for the screen to carry out at once (a key typed next must see the reader open);
        the others post their own message and return None."""
