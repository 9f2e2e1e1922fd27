"""The argument grammar. `--config` is accepted before or after the subcommand."""

from __future__ import annotations

import argparse

from tui import __version__


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS,
                        help="feeds.toml to use (else $NEWSDESK_CONFIG, ./feeds.toml, user config)")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="newsdesk", parents=[common],
        description="A keyboard-driven terminal news desk. With no command, opens the reader.")
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], help=help, description=help)

    p = add("fetch", "refresh every feed (or those named) into the cache")
    p.add_argument("feeds", nargs="*", metavar="FEED", help="feed names (default: all)")
    p.add_argument("--no-extract", action="store_true", help="skip downloading article pages")
    p.add_argument("--json", action="store_true", help="print a JSON summary")

    p = add("list", "list cached articles, newest first")
    p.add_argument("query", nargs="*", help="a query, e.g. 'is:unread +iran since:2d'")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--limit", type=int, default=50, help="at most N articles (default 50, 0 = all)")

    p = add("show", "print one whole article")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")

    for name, help in (("read", "mark articles read"), ("unread", "mark articles unread"),
                       ("save", "save articles (never pruned)"), ("unsave", "unsave articles")):
        p = add(name, help)
        p.add_argument("ids", type=int, nargs="+", metavar="ID")

    p = add("tag", "add or remove tags on articles")
    p.add_argument("ids", type=int, nargs="+", metavar="ID")
    p.add_argument("--add", action="append", default=[], metavar="TAG")
    p.add_argument("--remove", action="append", default=[], metavar="TAG")

    p = add("feeds", "status of every feed: last success, error, item count")
    p.add_argument("--json", action="store_true")

    add("reextract", "rebuild article bodies from the cached pages, offline")

    p = add("demo", "serve the bundled demo site on 127.0.0.1, fetch it, open the reader")
    p.add_argument("--fetch-only", action="store_true", help="fetch, print a summary, exit")
    p.add_argument("--dir", metavar="PATH",
                   help="keep the demo config and cache here (default: a temporary folder)")
    p.add_argument("--json", action="store_true", help="with --fetch-only: JSON summary")

    from tui.cli.extra import add_extra_commands

    add_extra_commands(add)
    return parser
