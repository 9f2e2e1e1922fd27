"""What `newsdesk fetch` says when it is done or stopped, shared by its two ways of running:
the Desk's refresh (commands/refresh.py) and the lean one for an all-304 run (lean_fetch.py),
so both print the same lines and end with the same exit code."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tui.cli.configinfo import tell
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.core.config.loader import Config
    from tui.core.refresh.events import Stored
    from tui.core.refresh.summary import RefreshSummary


def report(summary: RefreshSummary, config: Config, *, json: bool, quiet: bool,
           live: bool) -> int:
    """The refresh's summary as asked (a line and notes, JSON, or only news of failures for
    cron); exit 1 when no feed could be read (`fetch && make-digest`: not on stale data)."""
    if quiet:
        quiet_report(summary)
    elif json:
        from tui.cli import output

        output.print_json(summary.as_json())
    else:
        from tui.cli.progress import summary_line

        print(summary_line(summary))
        if not (live and sys.stdout.isatty()):  # else on this screen already, once is enough
            for error in summary.errors:
                print(f"  {error['feed']}: {error['error']}")
        for note in summary.warnings:
            print(f"  {note['feed']}: warning: {note['warning']}")
        for note in summary.shared:
            print(f"  {note['feed']}: {note['note']}")
    if summary.feeds_failed and not summary.feeds_ok:
        tell(nothing_read(config, summary))
        return 1
    return 0


def quiet_report(summary: RefreshSummary) -> None:
    """`fetch --quiet`, as newsboat's `-x reload` under cron: silence when all went as before,
    so cron mails only news. A feed that worked until this run and fails now is said, once:
    one failing since earlier runs is not said again (`newsdesk feeds` lists it); that no
    feed could be read at all is said by `fetch` itself, with exit 1."""
    new = set(summary.new_failures)
    for error in summary.errors:
        if error["feed"] in new:
            tell(f"{error['feed']}: {error['error']}")


def nothing_read(config: Config, summary: RefreshSummary) -> str:
    """Why exit 1: no feed was read (an unchanged one counts as read). The demo's feeds are
    served only while `newsdesk demo` runs: with its config and no demo, say how to start it."""
    from tui.demo.config import demo_not_served

    line = f"no feed could be read ({counted(summary.feeds_failed, 'feed')} failed)"
    hint = demo_not_served(config.path, (f.url for f in config.feeds),
                           (e["error"] for e in summary.errors))
    return f"{line}: {hint}" if hint else line


@contextlib.contextmanager
def terminated_as_interrupted(terminated: list[int]) -> Iterator[None]:
    """While a fetch runs, SIGTERM is turned into the Ctrl-C it stands for (a SIGINT to this
    process, noted in `terminated`): the same unwinding (asyncio cancels the refresh, what
    was committed stays, the workers are stopped) and the same line, not an end without a
    word. An exception raised in the handler itself would land inside the event loop.

    A shell starts `newsdesk fetch &` with SIGINT ignored, and Python then neither raises
    KeyboardInterrupt nor lets asyncio cancel on it: `kill PID` did nothing. So SIGINT gets
    Python's own handler back while the fetch runs."""
    def on_term(signum: int, frame: object) -> None:
        terminated.append(signum)
        os.kill(os.getpid(), signal.SIGINT)

    try:
        before = signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread (a test's): as it was
        yield
        return
    ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)
        if ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def interrupted(stored: Stored | None) -> str:
    """What a Ctrl-C left undone, and that the next fetch does it: every result was committed
    as it came, articles not yet analysed stay marked so, and due pages stay due."""
    if stored is None:
        return ("what was fetched is stored; the next fetch gets the rest (feeds, pages, "
                "actors and links)")
    return (f"{counted(stored.new_articles, 'new article')} stored and searchable; the next "
            "fetch finishes actors and links")
