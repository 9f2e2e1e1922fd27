"""Carry out one parsed command. Expected failures print one line and exit 2 (usage/config) or 1."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli import output
from tui.core.config.loader import Config, ConfigError, load_config, resolve_config
from tui.core.desk import Desk
from tui.core.refresh.events import FeedFailed, Progress, RefreshEvent, Stored
from tui.core.store.db import StoreError

if TYPE_CHECKING:
    from tui.core.refresh.pipeline import RefreshSummary
    from tui.demo.server import DemoServer


class CliError(Exception):
    """Printed as `newsdesk: message` with exit code `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def _open(config: Config) -> Desk:
    desk = Desk.open(config)
    if desk.warning:
        print(f"newsdesk: warning: {desk.warning}", file=sys.stderr)
    return desk


@contextmanager
def progress_reporter(enabled: bool) -> Iterator[Callable[[RefreshEvent], None]]:
    """A Rich progress bar on a terminal; silence otherwise (the summary line follows)."""
    if not enabled:
        yield lambda _event: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
    from rich.progress import Progress as Bar

    console = Console(stderr=True)
    with Bar(TextColumn("{task.description:<7}"), BarColumn(), MofNCompleteColumn(),
             TextColumn("{task.fields[note]}"), console=console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def on_event(event: RefreshEvent) -> None:
            if isinstance(event, Progress):
                if event.stage not in tasks:
                    tasks[event.stage] = bar.add_task(event.stage, total=event.total, note="")
                bar.update(tasks[event.stage], completed=event.done, total=event.total)
            elif isinstance(event, FeedFailed):
                from rich.text import Text

                console.print(Text(f"  {event.feed}: {event.error}", style="red"))
            elif isinstance(event, Stored) and event.new_articles:
                console.print(f"  {event.new_articles} new articles stored and searchable; "
                              "finding actors and links…", style="dim", markup=False,
                              highlight=False)

        yield on_event


def summary_line(summary: RefreshSummary) -> str:
    return (f"{summary.feeds_ok} feeds ok ({summary.not_modified} unchanged), "
            f"{summary.feeds_failed} failed, {summary.new_articles} new articles, "
            f"{summary.extracted} pages extracted")


def cmd_fetch(desk: Desk, args: argparse.Namespace) -> int:
    unknown = [name for name in args.feeds if desk.config.feed_named(name) is None]
    if unknown:
        raise CliError(f"no feed named {unknown[0]!r} in the config", 2)
    if not desk.config.feeds:
        raise CliError("the config lists no feeds: add [[feed]] tables to feeds.toml", 2)
    with progress_reporter(sys.stderr.isatty() and not args.json) as on_event:
        summary = desk.refresh(args.feeds or None, extract=False if args.no_extract else None,
                               on_event=on_event)
    if args.json:
        output.print_json(summary.as_json())
    else:
        print(summary_line(summary))
        for error in summary.errors:
            print(f"  {error['feed']}: {error['error']}")
    return 0


def cmd_list(desk: Desk, args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    limit = args.limit if args.limit > 0 else 1 << 62
    rows = desk.articles(query, limit=limit)
    if args.json:
        output.print_json([output.row_json(r) for r in rows], lines=True)
    else:
        for row in rows:
            print(output.row_line(row))
    return 0


def cmd_show(desk: Desk, args: argparse.Namespace) -> int:
    article = desk.article(args.id)
    if article is None:
        raise CliError(f"no article with id {args.id}")
    if args.json:
        from tui.cli.extra import enrich_article_json

        output.print_json(enrich_article_json(desk, article, output.article_json(article)))
    else:
        print(output.article_text(article), end="")
    return 0


def cmd_flags(desk: Desk, args: argparse.Namespace) -> int:
    missing = [i for i in args.ids if desk.article(i) is None]
    if missing:
        raise CliError(f"no article with id {missing[0]}")
    if args.command in ("read", "unread"):
        desk.set_read(args.ids, args.command == "read")
    elif args.command in ("save", "unsave"):
        for article_id in args.ids:
            desk.set_saved(article_id, args.command == "save")
    else:
        if args.add:
            desk.add_tags(args.ids, args.add)
        for tag in args.remove:
            desk.remove_tag(args.ids, tag)
    return 0


def cmd_feeds(desk: Desk, args: argparse.Namespace) -> int:
    feeds = desk.feeds()
    if args.json:
        output.print_json([output.feed_json(f) for f in feeds])
    else:
        for feed in feeds:
            print(output.feed_line(feed))
    return 0


def cmd_reextract(desk: Desk, args: argparse.Namespace) -> int:
    print(f"{desk.reextract()} bodies rebuilt from cached pages")
    return 0


def cmd_tui(desk: Desk, args: argparse.Namespace) -> int:
    from tui.app import run

    run(desk, desk.config)
    return 0


def _demo_server(folder: Path | None) -> DemoServer:
    """A kept demo folder gets its previous port back, so its cache stays one set of feeds."""
    from urllib.parse import urlsplit

    from tui.demo.server import DemoServer

    port = 0
    if folder is not None and (folder / "feeds.toml").exists():
        try:
            port = urlsplit(load_config(folder / "feeds.toml").feeds[0].url).port or 0
        except (ConfigError, IndexError):
            port = 0
    try:
        return DemoServer(port=port)
    except OSError:  # taken by now: a fresh port, and the old feeds simply stay in the cache
        return DemoServer()


def cmd_demo(args: argparse.Namespace) -> int:
    from tui.demo.server import write_demo_config

    with tempfile.TemporaryDirectory(prefix="newsdesk-demo-") as tmp, \
            _demo_server(Path(args.dir) if args.dir else None) as server:
        folder = Path(args.dir) if args.dir else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        config = load_config(write_demo_config(folder, server))
        with _open(config) as desk:
            with progress_reporter(sys.stderr.isatty() and not args.json) as on_event:
                summary = desk.refresh(on_event=on_event)
            if args.fetch_only:
                if args.json:
                    output.print_json(summary.as_json())
                else:
                    print(summary_line(summary))
                    print(f"config: {config.path}")
                return 0
            return cmd_tui(desk, args)


COMMANDS: dict[str | None, Callable[[Desk, argparse.Namespace], int]] = {
    None: cmd_tui, "fetch": cmd_fetch, "list": cmd_list, "show": cmd_show, "feeds": cmd_feeds,
    "reextract": cmd_reextract, "read": cmd_flags, "unread": cmd_flags, "save": cmd_flags,
    "unsave": cmd_flags, "tag": cmd_flags,
}


def dispatch(args: argparse.Namespace) -> int:
    from tui.core.query import QueryError

    try:
        if args.command == "demo":
            return cmd_demo(args)
        from tui.cli.extra import EXTRA_COMMANDS

        command = COMMANDS.get(args.command) or EXTRA_COMMANDS[args.command]
        config = resolve_config(getattr(args, "config", None))
        with _open(config) as desk:
            return command(desk, args)
    except ConfigError as exc:
        print(f"newsdesk: config error: {exc}", file=sys.stderr)
        return 2
    except QueryError as exc:
        print(f"newsdesk: bad query: {exc}", file=sys.stderr)
        return 2
    except (CliError, StoreError) as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return getattr(exc, "code", 1)
