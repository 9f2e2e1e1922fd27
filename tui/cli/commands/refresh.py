"""fetch, reextract: filling the cache."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from tui.cli.errors import CliError, Terminated
from tui.cli.fetch_report import interrupted as interrupted
from tui.cli.fetch_report import report, terminated_as_interrupted
from tui.cli.lean_fetch import handed_over
from tui.cli.progress import progress_reporter
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
    live = sys.stderr.isatty() and not (args.json or args.quiet)  # a bar, failures as they come
    summary = refresh_said(desk, live, args.feeds or None,
                           extract=False if args.no_extract else None, preswept=handed_over())
    return report(summary, desk.config, json=args.json, quiet=args.quiet, live=live)


def refresh_said(desk: Desk, live: bool, feeds: list[str] | None = None,
                 **options: Any) -> RefreshSummary:
    """`desk.refresh` with its progress shown, and a Ctrl-C or SIGTERM ended in the line
    saying what is kept: `fetch` and `demo`'s own fetch (which said a bare "interrupted",
    and died without a word on SIGTERM) end the same way."""
    stored: list[Stored] = []
    with progress_reporter(live) as show:
        def on_event(event: RefreshEvent) -> None:
            if isinstance(event, Stored):
                stored.append(event)
            show(event)

        terminated: list[int] = []
        try:
            with terminated_as_interrupted(terminated):
                return desk.refresh(feeds, on_event=on_event, **options)
        except KeyboardInterrupt:  # Ctrl-C, or SIGTERM: the same line, the exit code apart
            ended = Terminated if terminated else KeyboardInterrupt
            raise ended(interrupted(stored[0] if stored else None)) from None


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
