"""feeds, import-opml, import-newsboat, export-opml: the feed list and its health (the
imports themselves: imports.py)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli import output, terminal_lines
from tui.cli.commands.imports import import_arguments, import_newsboat, import_opml
from tui.cli.configinfo import tell
from tui.cli.registry import Command

if TYPE_CHECKING:
    from tui.core.desk import Desk


def _json_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true",
                   help="print JSON (its keys: the README's JSON for scripts)")


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


def _output_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write here instead of stdout (- is stdout)")
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
    else:  # a feed without a name goes by its title as last fetched, as the tree shows it
        config = resolve_config(getattr(args, "config", None), tell)
        if not all(feed.named for feed in config.feeds):
            from tui.core.config.feed_names import with_titles
            from tui.core.store.db import DB_NAME
            from tui.core.store.feeds import stored_feed_titles

            titles = stored_feed_titles(config.settings.cache_dir / DB_NAME)
            config = config.replace(feeds=with_titles(config.feeds, titles))
    output.write(write_opml(config.feeds), args.output)
    return 0


COMMANDS = (
    Command("feeds", "status of every feed: last success, error, item count", feeds,
            _json_argument),
    Command("import-opml", "add the feeds of an OPML file to feeds.toml (folders become tags)",
            lambda _desk, args: import_opml(args), import_arguments,
            standalone=import_opml),
    Command("import-newsboat", "add the feeds of newsboat's urls file to feeds.toml (tags and "
            "~titles kept, queries made views)", lambda _desk, args: import_newsboat(args),
            lambda p: import_arguments(p, optional_file=True), standalone=import_newsboat),
    Command("export-opml", "write the feed list as OPML", lambda _desk, args: export_opml(args),
            _output_arguments, standalone=export_opml),
)
