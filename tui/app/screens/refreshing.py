"""Refreshing feeds from the app: a worker thread runs `desk.refresh`, events come back
to the UI thread, and the list reloads without moving the selection."""

from __future__ import annotations

from typing import Any

from textual import work

from tui.app.screens.base import DeskScreen


def describe(event: Any) -> str | None:
    """A refresh event as one status line (None for events not worth showing)."""
    kind = type(event).__name__
    feed = getattr(event, "feed", "")
    if kind == "FeedFailed":
        return f"{feed}: failed ({getattr(event, 'error', '')})"
    if kind == "FeedFinished":
        return f"{feed}: {getattr(event, 'new', 0)} new"
    if kind == "Progress":
        stage = {"analyse": "actors and links"}.get(getattr(event, "stage", ""), event.stage)
        return f"{stage} {getattr(event, 'done', 0)}/{getattr(event, 'total', 0)}"
    return None


class RefreshMixin(DeskScreen):
    """Mixed into `MainScreen`."""

    refreshing = False

    def start_auto_refresh(self) -> None:
        minutes = getattr(self.config.settings, "refresh_minutes", 0) or 0
        if minutes > 0:
            self.set_interval(minutes * 60, self.action_refresh_all, name="auto-refresh")

    def action_refresh_all(self) -> None:
        self._start_refresh(None)

    def action_refresh_feed(self) -> None:
        feed = self.view.feed
        if feed is None:
            row = self.articles.current
            feed = row.feed if row is not None else None
        if feed is None:
            self.say("no feed to refresh here")
            return
        self._start_refresh([feed])

    def _start_refresh(self, feeds: list[str] | None) -> None:
        if self.refreshing or getattr(self, "analysing", False):
            self.say("a refresh or re-analysis is already running")
            return
        self.refreshing = True
        self.say("refreshing " + (", ".join(feeds) if feeds else "all feeds") + "…")
        self._refresh_worker(feeds)

    @work(thread=True, group="refresh", exit_on_error=False)
    def _refresh_worker(self, feeds: list[str] | None) -> None:
        failed: list[str] = []

        def on_event(event: Any) -> None:
            if type(event).__name__ == "FeedFailed":
                failed.append(getattr(event, "feed", "?"))
            if type(event).__name__ == "Stored":  # readable now; actors and links follow
                self.app.call_from_thread(self._stored, getattr(event, "new_articles", 0))
                return
            line = describe(event)
            if line is not None:
                self.app.call_from_thread(self.say, line)

        try:
            summary = self.desk.refresh(feeds, on_event=on_event)
        except Exception as error:  # shown in the status line
            self.app.call_from_thread(self._refresh_done, feeds, None, f"refresh failed: {error}")
            return
        self.app.call_from_thread(self._refresh_done, feeds, summary, None, failed)

    def _stored(self, new: int) -> None:
        self.articles.reload_keep_place()
        self.refresh_tree()
        self.say(f"{new} new articles stored; finding actors and related coverage…")

    def _refresh_done(self, feeds: list[str] | None, summary: Any, error: str | None,
                      failed: list[str] | None = None) -> None:
        self.refreshing = False
        if error is not None:
            self.say(error)
            return
        self.articles.reload_keep_place()
        if getattr(summary, "new_articles", 0):
            self.reshow_reader()  # its actors and related items may have just been found
        self.refresh_tree()
        new = getattr(summary, "new_articles", None)
        line = "refreshed " + (", ".join(feeds) if feeds else "all feeds")
        line += f": {new} new" if new is not None else ""
        warned = len(getattr(summary, "warnings", None) or ())
        if failed:
            line += f"; {len(failed)} failed"
        if warned:
            line += f"; {warned} with warnings"
        if failed or warned:
            line += " (e lists them)"
        self.say(line)
