"""fetch, reextract: filling the cache."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tui.cli import output
from tui.cli.configinfo import tell
from tui.cli.errors import CliError, Terminated
from tui.cli.progress import progress_reporter, summary_line
from tui.cli.registry import Command
from tui.core.refresh.events import RefreshEvent, Stored
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.core.desk import Desk
    from tui.core.refresh.summary import RefreshSummary


def _fetch_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("feeds", nargs="*", metavar="FEED", help="feed names (default: all)")
    p.add_argument("--no-extract", action="store_true", help="skip downloading article pages")
    said = p.add_mutually_exclusive_group()
    said.add_argument("--json", action="store_true", help="print a JSON summary")
    said.add_argument("-q", "--quiet", action="store_true",
                   help="print nothing unless a feed starts failing or no feed could be read "
                        "(on stderr; for cron); the exit code is the same")


def fetch(desk: Desk, args: argparse.Namespace) -> int:
    if not desk.config.feeds:
        where = desk.config.path or "feeds.toml"
        raise CliError(f"the config lists no feeds: add [[feed]] tables to {where}", 2)
    args.feeds = [feed_named(desk, name) for name in args.feeds]
    stored: list[Stored] = []
    live = sys.stderr.isatty() and not (args.json or args.quiet)  # a bar, failures as they come

    with progress_reporter(live) as show:
        def on_event(event: RefreshEvent) -> None:
            if isinstance(event, Stored):
                stored.append(event)
            show(event)

        terminated: list[int] = []
        try:
            with terminated_as_interrupted(terminated):
                summary = desk.refresh(args.feeds or None,
                                       extract=False if args.no_extract else None,
                                       on_event=on_event)
        except KeyboardInterrupt:  # Ctrl-C, or SIGTERM: the same line, the exit code apart
            ended = Terminated if terminated else KeyboardInterrupt
            raise ended(interrupted(stored[0] if stored else None)) from None
    if args.quiet:
        quiet_report(summary)
    elif args.json:
        output.print_json(summary.as_json())
    else:
        print(summary_line(summary))
        if not (live and sys.stdout.isatty()):  # else on this screen already, once is enough
            for error in summary.errors:
                print(f"  {error['feed']}: {error['error']}")
        for note in summary.warnings:
            print(f"  {note['feed']}: warning: {note['warning']}")
        for note in summary.shared:
            print(f"  {note['feed']}: {note['note']}")
    if summary.feeds_failed and not summary.feeds_ok:  # `fetch && make-digest`: not on stale data
        tell(nothing_read(desk, summary))
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


def nothing_read(desk: Desk, summary: RefreshSummary) -> str:
    """Why exit 1: no feed was read (an unchanged one counts as read). The demo's feeds are
    served only while `newsdesk demo` runs: with its config and no demo, say how to start it."""
    from tui.demo.config import demo_not_served

    line = f"no feed could be read ({counted(summary.feeds_failed, 'feed')} failed)"
    hint = demo_not_served(desk.config.path, (f.url for f in desk.config.feeds),
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


def feed_named(desk: Desk, name: str) -> str:
    """The configured name `name` stands for: itself, or the one feed it names in another
    case (`fetch grow` for "Grow", as `feed:grow` finds it); else the names it is close to."""
    names = [f.name for f in desk.config.feeds]
    if name in names:
        return name
    same = [n for n in names if n.casefold() == name.casefold()]
    if len(same) == 1:
        return same[0]
    import difflib  # a name not in the config: only then

    folded = {n.casefold(): n for n in names}
    close = [folded[c] for c in difflib.get_close_matches(name.casefold(), list(folded), n=3,
                                                           cutoff=0.6)]
    close += [n for n in names if name.casefold() in n.casefold() and n not in close]
    hint = f"; did you mean {' or '.join(repr(n) for n in close[:3])}?" if close else \
        " (`newsdesk feeds` lists them)"
    raise CliError(f"no feed named {name!r} in the config{hint}", 2)


def interrupted(stored: Stored | None) -> str:
    """What a Ctrl-C left undone, and that the next fetch does it: every result was committed
    as it came, articles not yet analysed stay marked so, and due pages stay due."""
    if stored is None:
        return ("what was fetched is stored; the next fetch gets the rest (feeds, pages, "
                "actors and links)")
    return (f"{counted(stored.new_articles, 'new article')} stored and searchable; the next "
            "fetch finishes actors and links")


def reextract(desk: Desk, args: argparse.Namespace) -> int:
    done = desk.reextract()
    print(f"{counted(done.pages, 'cached page')} read again, "
          f"{counted(done.changed, 'body', 'bodies')} changed")
    return 0


COMMANDS = (
    Command("fetch", "refresh every feed (or those named) into the cache", fetch, _fetch_arguments,
            exit_fast=True, refreshes=True),
    Command("reextract", "rebuild article bodies from the cached pages, offline", reextract,
            exit_fast=True),
)
