"""feeds, import-opml, export-opml: the feed list and its health."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli import output
from tui.cli.configinfo import tell
from tui.cli.errors import CliError
from tui.cli.registry import Command
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.core.desk import Desk


def _json_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")


def feeds(desk: Desk, args: argparse.Namespace) -> int:
    rows = desk.feeds()
    if args.json:
        output.print_json([output.feed_json(f) for f in rows])
    else:
        for feed in rows:
            print(output.feed_line(feed))
    if not rows:
        tell(f"no feeds in {desk.config.path or 'the config'}: add [[feed]] tables, or "
             "`newsdesk import-opml FILE`")
    return 0


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="only show what would be added")


def import_opml(desk: Desk, args: argparse.Namespace) -> int:
    from tui.core.config.feedlist import append_feeds, new_feeds
    from tui.core.config.opml import OpmlError, parse_opml
    from tui.core.config.userfiles import UserFileError

    try:
        found = parse_opml(Path(args.file).read_bytes(),
                           on_skip=lambda why: print(f"skipped: {why}", file=sys.stderr))
    except OSError as exc:
        raise CliError(f"{args.file}: {exc.strerror}", 2) from None
    except OpmlError as exc:
        raise CliError(f"{args.file}: {exc}", 2) from None
    new = new_feeds(desk.config.feeds, found)
    for feed in new:
        print(f"+ {feed.name}  {feed.url}  {list(feed.tags)}")
    if args.dry_run or not new:
        print(f"{counted(len(new), 'new feed')} ({len(found) - len(new)} already listed)")
        return 0
    if desk.config.path is None:
        raise CliError("no feeds.toml to add to: pass --config PATH", 2)
    try:
        append_feeds(desk.config.path, new)
    except UserFileError as exc:
        raise CliError(str(exc), 2) from None
    print(f"added {counted(len(new), 'feed')} to {desk.config.path}")
    return 0


def _output_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE")


def export_opml(desk: Desk, args: argparse.Namespace) -> int:
    from tui.core.config.opml import write_opml

    output.write(write_opml(desk.config.feeds), args.output)
    return 0


COMMANDS = (
    Command("feeds", "status of every feed: last success, error, item count", feeds,
            _json_argument),
    Command("import-opml", "add the feeds of an OPML file to feeds.toml (folders become tags)",
            import_opml, _import_arguments),
    Command("export-opml", "write the feed list as OPML", export_opml, _output_argument),
)
