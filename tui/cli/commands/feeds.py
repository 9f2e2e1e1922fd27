"""feeds, import-opml, export-opml: the feed list and its health."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli import output, terminal_lines
from tui.cli.configinfo import tell
from tui.cli.errors import CliError
from tui.cli.registry import Command
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.core.config.opml import OpmlFeed
    from tui.core.desk import Desk


def _json_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")


def feeds(desk: Desk, args: argparse.Namespace) -> int:
    rows = desk.feeds()
    if args.json:
        output.print_json([output.feed_json(f) for f in rows])
    else:
        drawn = terminal_lines.drawn_here(desk)  # an Arabic outlet as it reads on xterm, tmux
        for feed in rows:
            terminal_lines.put(output.feed_line(feed, drawn), drawn)
    if not rows:
        tell(f"no feeds in {desk.config.path or 'the config'}: add [[feed]] tables, or "
             "`newsdesk import-opml FILE`")
    return 0


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="only show what would be added")


def import_opml(args: argparse.Namespace) -> int:
    """Standalone: it needs the feed list, not the cache. With no feeds.toml yet (a fresh
    install), the import is the user's list: written alone, not on top of the curated one, and
    a dry run writes nothing at all."""
    from tui.core.config.opml import OpmlError, parse_opml

    try:
        data = Path(args.file).read_bytes()
        found = parse_opml(data, on_skip=_skipped)
    except OSError as exc:
        raise CliError(f"{args.file}: {exc.strerror}", 2) from None
    except OpmlError as exc:
        hint = ("" if data.lstrip()[:1] == b"<" else
                f" (newsboat's urls file? newsdesk import-newsboat {args.file})")
        raise CliError(f"{args.file}: {exc}{hint}", 2) from None
    return _add_feeds(args, found, Path(args.file).name, "import-opml")


def _import_newsboat_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?",
                   help="newsboat's urls file (default: ~/.newsboat/urls, else "
                        "~/.config/newsboat/urls)")
    p.add_argument("--dry-run", action="store_true", help="only show what would be added")


def import_newsboat(args: argparse.Namespace) -> int:
    """newsboat's own list, as newsboat reads it: its tags and `~` titles kept, query feeds
    said and skipped (tui/core/config/newsboat.py); then as import-opml."""
    from tui.core.config.newsboat import default_urls_file, parse_urls

    if args.file is None:
        places = default_urls_file()
        path = next((p for p in places if p.is_file()), None)
        if path is None:
            raise CliError(f"no newsboat urls file in {' or '.join(map(str, places))}; "
                           "give its path: newsdesk import-newsboat FILE", 2)
    else:
        path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror}", 2) from None
    return _add_feeds(args, parse_urls(text, on_skip=_skipped), path.name, "import-newsboat")


def _skipped(why: str) -> None:
    print(f"skipped: {why}", file=sys.stderr)


def _add_feeds(args: argparse.Namespace, found: list[OpmlFeed], source: str, how: str) -> int:
    """Add the feeds not listed yet to feeds.toml, or write one of them alone on a fresh
    install; a dry run says what it would do."""
    from tui.core.config.feedlist import append_feeds, new_feeds, write_new_list
    from tui.core.config.loader import find_config, load_config, user_config_path
    from tui.core.config.userfiles import UserFileError

    path = find_config(getattr(args, "config", None))
    fresh = path is None or not path.exists()
    target = path or user_config_path()
    new = new_feeds([] if fresh else load_config(target).feeds, found)
    for feed in new:
        print(f"+ {feed.name}  {feed.url}  {list(feed.tags)}")
    if args.dry_run or not new:
        print(f"{counted(len(new), 'new feed')} ({len(found) - len(new)} already listed)")
        if fresh and new:
            print(f"no feeds.toml yet: the import writes {target} with these feeds only")
        return 0
    try:
        if fresh:
            write_new_list(target, new, source, how)
        else:
            append_feeds(target, new, source)
    except UserFileError as exc:
        raise CliError(str(exc), 2) from None
    if fresh:
        print(f"wrote {target} with {counted(len(new), 'feed')}, yours only (to add the "
              "curated list too: newsdesk export-opml --curated -o c.opml, then import it)")
    else:
        print(f"added {counted(len(new), 'feed')} to {target}")
    return 0


def _output_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--curated", action="store_true",
                   help="the curated list shipped with newsdesk, not yours")


def export_opml(args: argparse.Namespace) -> int:
    """Standalone: a feed list needs no cache. `--curated` gives the shipped list, which an
    import adds to a list of one's own (`import-opml`)."""
    import tomllib

    from tui.core.config.firstrun import CURATED
    from tui.core.config.loader import parse_config, resolve_config
    from tui.core.config.opml import write_opml

    if args.curated:
        config = parse_config(tomllib.loads(CURATED.read_text(encoding="utf-8")),
                              file=str(CURATED))
    else:
        config = resolve_config(getattr(args, "config", None), tell)
    output.write(write_opml(config.feeds), args.output)
    return 0


COMMANDS = (
    Command("feeds", "status of every feed: last success, error, item count", feeds,
            _json_argument),
    Command("import-opml", "add the feeds of an OPML file to feeds.toml (folders become tags)",
            lambda _desk, args: import_opml(args), _import_arguments,
            standalone=import_opml),
    Command("import-newsboat", "add the feeds of newsboat's urls file to feeds.toml (tags and "
            "~titles kept)", lambda _desk, args: import_newsboat(args),
            _import_newsboat_arguments, standalone=import_newsboat),
    Command("export-opml", "write the feed list as OPML", lambda _desk, args: export_opml(args),
            _output_arguments, standalone=export_opml),
)
