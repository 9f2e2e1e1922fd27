"""One registry: each command defines its grammar and its handler together.

A command group module lists `Command`s; `build_parser` makes argparse's grammar from them and
`dispatch` runs the chosen one, turning every expected failure into one line and an exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui import __version__
from tui.cli.configinfo import tell
from tui.cli.errors import CliError

if TYPE_CHECKING:
    from tui.core.config.loader import Config
    from tui.core.desk import Desk

Handler = Callable[["Desk", argparse.Namespace], int]


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    return None


@dataclass(frozen=True)
class Command:
    """`name` None is the bare `newsdesk`. A `standalone` command opens no Desk itself.

    `exit_fast`: once it is done (the cache closed, the output flushed) the process ends
    without tearing down its interpreter: a fetch's analysis leaves a heap whose teardown took
    0.3 s after a 2,000-article refresh, time a script waiting for `newsdesk fetch` paid."""

    name: str | None
    help: str
    run: Handler
    arguments: Callable[[argparse.ArgumentParser], None] = _no_arguments
    standalone: Callable[[argparse.Namespace], int] | None = None
    exit_fast: bool = False


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS,
                        help="feeds.toml to use (else $NEWSDESK_CONFIG, ./feeds.toml, user config)")
    return common


class _Raw(argparse.RawDescriptionHelpFormatter):
    """The epilog names a path: wrapping would break it where it has a hyphen."""


def build_parser(commands: Sequence[Command], epilog: str | None = None
                 ) -> argparse.ArgumentParser:
    """`--config` is accepted before or after the subcommand; `epilog` ends every help text."""
    common = _common()
    parser = argparse.ArgumentParser(
        prog="newsdesk", parents=[common], epilog=epilog, formatter_class=_Raw,
        description="A keyboard-driven terminal news desk. With no command, opens the reader.")
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in commands:
        if command.name is None:
            continue
        p = sub.add_parser(command.name, parents=[common], help=command.help,
                           description=command.help, epilog=epilog, formatter_class=_Raw)
        command.arguments(p)
    return parser


class _NeverRaised(Exception):
    """Stands for QueryError while no query was compiled (the query language is not loaded)."""


def _query_error() -> type[Exception]:
    """QueryError, without importing the query language for commands that never use it."""
    module = sys.modules.get("tui.core.query")
    return module.QueryError if module is not None else _NeverRaised


def dispatch(commands: Sequence[Command], args: argparse.Namespace) -> int:
    from tui.core.config.loader import ConfigError, resolve_config
    from tui.core.store.db import StoreError

    command = next(c for c in commands if c.name == args.command)
    try:
        if command.standalone is not None:
            return command.standalone(args)
        args.notices = []  # said on stderr now, and by the reader once it is open

        def first_run(message: str) -> None:
            args.notices.append(message)
            tell(message)

        with open_desk(resolve_config(getattr(args, "config", None), first_run)) as desk:
            return command.run(desk, args)
    except ConfigError as exc:
        print(f"newsdesk: config error: {exc}", file=sys.stderr)
        return 2
    except _query_error() as exc:  # evaluated only when an exception gets here
        print(f"newsdesk: bad query: {exc}", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return 1
    except CliError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return exc.code


def open_desk(config: Config) -> Desk:
    """Open the cache, saying on stderr when a damaged one was set aside."""
    from tui.core.desk import Desk

    desk = Desk.open(config)
    if desk.warning:
        print(f"newsdesk: warning: {desk.warning}", file=sys.stderr)
    return desk
