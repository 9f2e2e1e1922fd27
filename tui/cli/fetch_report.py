"""What `newsdesk fetch` says when it is done or stopped, shared by its two ways of running:
the Desk's refresh (commands/refresh.py) and the lean one for an all-304 run (lean_fetch.py),
so both print the same lines and end with the same exit code."""

from __future__ import annotations

import _signal  # signal's C half: signal itself makes enums of its numbers (~1 ms)
import contextlib
import os
import sys

from tui.cli.configinfo import tell
from tui.core.words import counted

TYPE_CHECKING = False
if TYPE_CHECKING:  # (not loaded on an all-304 fetch's path, nor typing: it loads re)
    from collections.abc import Iterator

    from tui.core.config.lean_read import LeanConfig
    from tui.core.config.loader import Config
    from tui.core.refresh.events import Stored
    from tui.core.refresh.summary import RefreshSummary


def report(summary: RefreshSummary, config: Config | LeanConfig, *, json: bool, quiet: bool,
           live: bool) -> int:
    """The refresh's summary as asked (a line and notes, JSON, or only news of failures for
    cron); exit 1 when no feed could be read (`fetch && make-digest`: not on stale data)."""
    if quiet:
        quiet_report(summary)
    elif json:  # as output.print_json writes it, without loading json
        from tui.core import plain_json

        sys.stdout.write(plain_json.dumps(summary.as_json(), indent=2) + "\n")
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


def nothing_read(config: Config | LeanConfig, summary: RefreshSummary) -> str:
    """Why exit 1: no feed was read (an unchanged one counts as read). The demo's feeds are
    served only while `newsdesk demo` runs: with its config and no demo, say how to start it."""
    from pathlib import Path

    from tui.demo.config import demo_not_served

    line = f"no feed could be read ({counted(summary.feeds_failed, 'feed')} failed)"
    path = None if config.path is None else Path(config.path)
    hint = demo_not_served(path, (f.url for f in config.feeds),
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
        os.kill(os.getpid(), _signal.SIGINT)

    try:
        before = _signal.signal(_signal.SIGTERM, on_term)
    except ValueError:  # not the main thread (a test's): as it was
        yield
        return
    ignored = _signal.getsignal(_signal.SIGINT) == _signal.SIG_IGN
    if ignored:
        _signal.signal(_signal.SIGINT, _signal.default_int_handler)
    try:
        yield
    finally:
        _signal.signal(_signal.SIGTERM, before)
        if ignored:
            _signal.signal(_signal.SIGINT, _signal.SIG_IGN)


def interrupted(stored: Stored | None) -> str:
    """What a Ctrl-C left undone, and that the next fetch does it: every result was committed
    as it came, articles not yet analysed stay marked so, and due pages stay due."""
    if stored is None:
        return ("what was fetched is stored; the next fetch gets the rest (feeds, pages, "
                "actors and links)")
    return (f"{counted(stored.new_articles, 'new article')} stored and searchable; the next "
            "fetch finishes actors and links")
