"""When the workers build the analyzers' tools during a refresh."""

from __future__ import annotations

from collections.abc import Callable

from tui.core.refresh.events import FeedFinished, Progress, RefreshEvent


class WarmUpWhen:
    """Has the workers build the analyzers' tools (matchers) while the last of their other
    work comes in: the last feeds or, when pages are extracted, the last pages. Not earlier,
    where the build would delay the parsing or extraction still to do (and so the moment
    everything is stored: with pages, it cost 0.9 s of the workers' CPU in mid-extraction),
    nor later, where analysis would wait for it. Only when some feed had new articles.
    With a prebuilt copy on disk (actors/prebuilt.py) the same moment holds: loading it at the
    first new feed instead kept the workers from parsing the rest and put "everything stored"
    0.4 s later on the 10k bench, for no earlier end."""

    def __init__(self, warm_up: Callable[[], None], workers: int, *, pages: bool) -> None:
        self._warm_up, self._room, self._pages = warm_up, workers, pages
        self._new = self._feeds_in = self._done = False

    def see(self, event: RefreshEvent) -> None:
        self._new = self._new or (isinstance(event, FeedFinished) and event.new > 0)
        if self._done or not self._new or not isinstance(event, Progress):
            return
        if event.stage == "feeds":
            self._feeds_in = event.done >= event.total
            near = not self._pages and event.done >= event.total - self._room
        else:  # every feed's pages are counted by the time the last feed is in
            near = self._feeds_in and event.done >= event.total - self._room
        if near:
            self._done = True
            self._warm_up()
