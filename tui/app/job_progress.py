"""What a running refresh is doing, as one line that stays on the status line until it ends.

Messages on the status line fade after a few seconds; a refresh waiting 30 s on one slow feed
then looked finished (and `R` answered "already running"). So the job keeps a standing line:
the last stage count and the feeds still being fetched, by name.
"""

from __future__ import annotations

from tui.core.refresh.events import (
    FeedFailed,
    FeedFinished,
    FeedStarted,
    Progress,
    RefreshEvent,
    Stored,
)

STAGES = {"analyse": "", "rematch": ""}  # the job's own words say what these count
SHOWN_NAMES = 2


class JobProgress:
    """Follows a refresh's events; `line` is what to show while no message is."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.waiting: dict[str, None] = {}  # feeds started and not yet done, in start order
        self.stage = ""

    def follow(self, event: RefreshEvent) -> None:
        if isinstance(event, Stored):  # every feed is in: the analysis counts next
            self.stage = ""
            self.waiting.clear()
        elif isinstance(event, FeedStarted):
            self.waiting[event.feed] = None
        elif isinstance(event, FeedFinished | FeedFailed):
            self.waiting.pop(event.feed, None)
        elif isinstance(event, Progress):
            label = STAGES.get(event.stage, event.stage)
            self.stage = f"{label} {event.done}/{event.total}".strip()
            if event.stage != "feeds":
                self.waiting.clear()  # past the feeds: nothing is waited for by name

    @property
    def line(self) -> str:
        parts = [self.what + "…"]
        if self.stage:
            parts.append(self.stage)
        if self.waiting:
            names = list(self.waiting)
            more = len(names) - SHOWN_NAMES
            parts.append("waiting for " + ", ".join(names[:SHOWN_NAMES])
                         + (f" and {more} more" if more > 0 else ""))
        return "; ".join(parts)
