"""How a refresh looks on the terminal: a progress bar on stderr, then one summary line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tui.core.words import counted

if TYPE_CHECKING:  # the events load with the bar: the lean fetch (lean_fetch.py) has none
    from tui.core.refresh.events import RefreshEvent
    from tui.core.refresh.summary import RefreshSummary


@contextmanager
def progress_reporter(enabled: bool) -> Iterator[Callable[[RefreshEvent], None]]:
    """A Rich progress bar on a terminal; silence otherwise (the summary line follows)."""
    if not enabled:
        yield lambda _event: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn
    from rich.progress import Progress as Bar
    from rich.text import Text

    from tui.core.refresh.events import FeedFailed, Progress, Stored

    console = Console(stderr=True)
    with Bar(TextColumn("{task.description:<7}"), BarColumn(), MofNCompleteColumn(),
             TextColumn("{task.fields[note]}"), console=console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def on_event(event: RefreshEvent) -> None:
            if isinstance(event, Progress):
                if event.stage not in tasks:
                    tasks[event.stage] = bar.add_task(event.stage, total=event.total, note="")
                bar.update(tasks[event.stage], completed=event.done, total=event.total)
            elif isinstance(event, FeedFailed):
                console.print(Text(f"  {event.feed}: {event.error}", style="red"))
            elif isinstance(event, Stored) and event.new_articles:
                console.print(f"  {counted(event.new_articles, 'new article')} stored and "
                              "searchable; finding actors and links…", style="dim",
                              markup=False, highlight=False)

        yield on_event


def summary_line(summary: RefreshSummary) -> str:
    warned = f" ({len(summary.warnings)} with warnings)" if summary.warnings else ""
    offline = "; no host name could be resolved: is this machine offline?" \
        if summary.offline else ""
    return (f"{counted(summary.feeds_ok, 'feed')} ok ({summary.not_modified} unchanged){warned}, "
            f"{summary.feeds_failed} failed, {counted(summary.new_articles, 'new article')}, "
            f"{_updated(summary)}{counted(summary.extracted, 'page')} extracted"
            f"{_failed_pages(summary)}{_pruned(summary)}{offline}")


def _pruned(summary: RefreshSummary) -> str:
    """What keep_days took away: a cron user sees the cache shrink, not articles vanish."""
    if not summary.pruned:
        return ""
    return f", {counted(summary.pruned, 'old article')} pruned"


def _updated(summary: RefreshSummary) -> str:
    """Stored articles the feeds corrected: their new title and text replace the old (a new
    headline makes one unread again)."""
    if not summary.updated_articles:
        return ""
    return f"{summary.updated_articles} updated, "


def _failed_pages(summary: RefreshSummary) -> str:
    """Pages that gave no text (slow, endless, too big, refused...): said, or a refresh with
    8 new articles and 1 page extracted looked complete. `show ID` says why for each."""
    if not summary.pages_failed:
        return ""
    again = (f"{summary.pages_retried} will be tried again by later fetches; "
             if summary.pages_retried else "")
    return (f", {counted(summary.pages_failed, 'page')} failed ({again}their articles keep the "
            "feed's text; `newsdesk show ID` says why)")
