"""One registry: each command defines its grammar and its handler together.

A command group module lists `Command`s; `build_parser` makes argparse's grammar from them and
`dispatch` runs the chosen one, turning every expected failure into one line and an exit code:
`newsdesk: ...` on stderr, 2 for usage and config, 1 for a failure, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

from tui import __version__
from tui.cli.configinfo import tell
from tui.cli.errors import CliError
from tui.cli.usage_hints import head_count, one_letter, unrecognized

if TYPE_CHECKING:
    from tui.core.config.loader import Config
    from tui.core.desk import Desk

Handler = Callable[["Desk", argparse.Namespace], int]
BUSY_EXIT = 75  # sysexits' EX_TEMPFAIL: another fetch holds the cache; try again later


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    return None


class Command(NamedTuple):
    """`name` None is the bare `newsdesk`. A `standalone` command opens no Desk itself.
    (A NamedTuple: every run makes this class, and a dataclass took 2 ms to create.)

    `query`: its positional words are a query, which may start with "-" (`list -is:read`).
    `exit_fast`: once it is done (the cache closed, the output flushed) the process ends
    without tearing down its interpreter: a fetch's analysis leaves a heap whose teardown took
    0.3 s after a 2,000-article refresh, time a script waiting for `newsdesk fetch` paid."""

    name: str | None
    help: str
    run: Handler
    arguments: Callable[[argparse.ArgumentParser], None] = _no_arguments
    standalone: Callable[[argparse.Namespace], int] | None = None
    query: bool = False
    exit_fast: bool = False
    refuse: Callable[[argparse.Namespace], str | None] | None = None
    """Why this run cannot go ahead (the reader with no terminal), asked before anything is
    opened, written or served."""
    refreshes: bool = False
    """It refreshes at once, which syncs the feed list itself: the Desk opens without."""
    own_config: bool = False
    """Its config is its own (the demo's folder): its help offers no --config and names no
    config in use, which it would not read (a --config given is refused, `refuse`)."""


class Parser(argparse.ArgumentParser):
    """argparse with its errors as one line (`newsdesk: show: argument id: ...`), exit 2.
    `commands`: the top parser's subparsers by name, so a command's stray argument is said
    by that command's parser (`see newsdesk show --help`)."""

    commands: dict[str, Parser]
    query = False  # its words are a query (a command's parser)

    def _get_formatter(self) -> argparse.HelpFormatter:
        """argparse's, given the width shutil would find: argparse imports shutil for it (and
        shutil bz2, lzma and fnmatch), ~5 ms of every run, as it makes one per argument."""
        make: Any = self.formatter_class  # typeshed knows only its prog argument
        formatter: argparse.HelpFormatter = make(prog=self.prog, width=terminal_columns() - 2)
        return formatter

    def error(self, message: str) -> NoReturn:
        message = _meant_command(message, getattr(self, "commands", None))
        command = self.prog.removeprefix("newsdesk").strip()
        where = f"{command}: " if command else ""
        self.exit(2, f"newsdesk: {where}{message} (see {self.prog} --help)\n")


def terminal_columns() -> int:
    """shutil.get_terminal_size().columns: $COLUMNS, else stdout's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _meant_command(message: str, commands: dict[str, Parser] | None) -> str:
    """`newsdesk lsit`: argparse lists all 22 commands; say the one that was probably meant."""
    word = message.partition("invalid choice: ")[2].partition(" (choose from")[0].strip("'")
    if commands is None or not word:
        return message
    import difflib  # only for a mistyped command: every run paid for it

    close = difflib.get_close_matches(word, list(commands), n=1, cutoff=0.6)
    if close:
        return f"unknown command {word!r}; did you mean {close[0]!r}?"
    return f"unknown command {word!r} (commands: {', '.join(commands)})"


INT64 = (1 << 63) - 1  # SQLite's largest integer


def _bounded(low: int, high: int, what: str) -> Callable[[str], int]:
    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text} is out of range: {what} go from {low} "
                                             f"to {high}")
        return value

    convert.__name__ = what  # argparse names the type in some messages
    return convert


article_id = _bounded(1, INT64, "article ids")
count = _bounded(0, INT64, "counts")
days = _bounded(0, 36_500, "days")


def _common() -> Parser:
    common = Parser(add_help=False)
    common.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS,
                        help="feeds.toml to use (else $NEWSDESK_CONFIG, ./feeds.toml, user config)")
    return common


class _Raw(argparse.RawDescriptionHelpFormatter):
    """The epilog names a path: wrapping would break it where it has a hyphen."""


def build_parser(commands: Sequence[Command], epilog: str | None = None,
                 argv: Sequence[str] | None = None) -> Parser:
    """`--config` is accepted before or after the subcommand; `epilog` ends every help text.
    `argv`, the words to parse: when they name a command and ask for no help, only that
    command's parser is made (the other 21 were 3 % of an unchanged fetch); argparse lists
    the commands only in a help or for a word that is none, and then all are made."""
    if argv is not None and "-h" not in argv and "--help" not in argv:
        at = command_at(argv)
        named = [c for c in commands if at < len(argv) and c.name == argv[at]]
        commands = named or commands
    common = _common()
    parser = Parser(
        prog="newsdesk", parents=[common], epilog=epilog, formatter_class=_Raw,
        description="A keyboard-driven terminal news desk. With no command, opens the reader.")
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    parser.commands = {}
    for command in commands:
        if command.name is None:
            continue
        theirs = command.own_config
        p = sub.add_parser(command.name, parents=[] if theirs else [common], help=command.help,
                           description=command.help, epilog=None if theirs else epilog,
                           formatter_class=_Raw)
        if theirs:  # still taken, to be refused in words
            p.add_argument("--config", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        command.arguments(p)
        if epilog and not theirs and p.epilog != epilog:  # a command's own epilog (related's
            p.epilog = f"{p.epilog}\n\n{epilog}"  # legend) leads
        p.query = command.query
        parser.commands[command.name] = p
    return parser


def parse(parser: Parser, argv: Sequence[str]) -> argparse.Namespace:
    """argparse's parse_args, but an argument nobody takes is reported by the parser of the
    command it was given to, with the option it was probably meant to be."""
    args, extra = parser.parse_known_args(argv)
    if extra:
        at = command_at(argv)
        before = extra[0] in argv[:at]  # `newsdesk --frob list`: the top level's
        target = parser if before else parser.commands.get(args.command or "", parser)
        target.error(unrecognized(extra, target, argv))
    return args


class _NeverRaised(Exception):
    """Stands for QueryError while no query was compiled (the query language is not loaded)."""


def _query_error() -> type[Exception]:
    """QueryError, without importing the query language for commands that never use it."""
    module = sys.modules.get("tui.core.query")
    return module.QueryError if module is not None else _NeverRaised


def query_words(argv: Sequence[str], commands: Sequence[Command]) -> list[str]:
    """Put `--` before the query of a `query` command, so a word starting with "-" (the
    documented negation: `list -is:read`, `export -tag:x`) is a query, not an option.
    The command's own options stay options, wherever they are; word order is kept.
    A long option's value is joined to it (`--query=-is:read`): argparse takes a value that
    starts with "-" for an option and says "expected one argument"."""
    argv = list(argv)
    at = command_at(argv)
    chosen = next((c for c in commands if at < len(argv) and c.name == argv[at]), None)
    if chosen is None:
        return argv
    probe = Parser(add_help=True)
    _common_options(probe)
    chosen.arguments(probe)
    known = {o: a for a in probe._actions for o in a.option_strings}  # argparse's own table
    options: list[str] = []
    words: list[str] = []
    tail, literal = argv[at + 1:], []
    if "--" in tail:  # after it, every word is the query's, as argparse has it
        tail, literal = tail[:tail.index("--")], tail[tail.index("--") + 1:]
    rest = iter(tail)
    for word in rest:
        action = _option(word.split("=", 1)[0], known)
        if action is None:
            # an unknown `--word` is left to argparse, which says so (exit 2): it was a
            # mistyped option far more often than a query (`list --limt 5` listed nothing);
            # so is `-n` (`list -n 5`, as git log and head count: one article with a "5")
            flag = word.startswith("--") or one_letter(word) or (
                head_count(word) and "--limit" in known)  # -n5, head's count, not NOT n5
            (options if flag or not chosen.query else words).append(word)
            continue
        if "=" in word or action.nargs == 0:
            options.append(word)
        elif word.startswith("--"):
            value = next(rest, None)  # none: argparse says what is missing
            options.append(word if value is None else f"{word}={value}")
        else:
            options.extend((word, *[v for v in [next(rest, None)] if v is not None]))
    if not chosen.query:
        return [*argv[: at + 1], *options, *(["--", *literal] if literal else [])]
    return [*argv[: at + 1], *options, "--", *words, *literal]


def command_at(argv: Sequence[str]) -> int:
    """The index of the command word: after the top level's options (`--config PATH`)."""
    at = 0
    while at < len(argv) and argv[at].startswith("-") and argv[at] != "--":
        at += 2 if argv[at] == "--config" else 1
    return at


def _option(name: str, known: dict[str, argparse.Action]) -> argparse.Action | None:
    """The action `name` stands for, as argparse reads it: exactly, or a long option's
    unambiguous prefix (`--lim` for `--limit`); None for an unknown or ambiguous one."""
    if name in known:
        return known[name]
    if not name.startswith("--") or len(name) < 3:
        return None
    actions = {id(a): a for o, a in known.items() if o.startswith(name)}
    return next(iter(actions.values())) if len(actions) == 1 else None


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config")


def dispatch(commands: Sequence[Command], args: argparse.Namespace) -> int:
    from tui.cli.configinfo import shadowing_note
    from tui.core.config.loader import ConfigError, resolve_config
    from tui.core.refresh.catch_up import catch_up
    from tui.core.refresh.lock import RefreshBusy
    from tui.core.store.db import READ_ONLY, StoreError

    command = next(c for c in commands if c.name == args.command)
    refused = command.refuse(args) if command.refuse is not None else None
    if refused:
        return fail(refused, 2)
    try:
        if command.standalone is not None:
            return command.standalone(args)
        args.notices = []  # said on stderr now, and by the reader once it is open

        def first_run(message: str) -> None:
            args.notices.append(message)
            tell(message)

        shadowed = shadowing_note(getattr(args, "config", None))
        if shadowed:
            first_run(shadowed)
        with open_desk(resolve_config(getattr(args, "config", None), first_run),
                       sync_feeds=not command.refreshes) as desk:
            if desk.set_aside is not None and command.name is not None \
                    and not command.refreshes:
                # It would run on the new, empty cache: not the job asked for (a script
                # sees it; fetch fills the new cache, the reader says it in a toast).
                return fail("this command did not run: the cache it needs was set aside "
                            "(above); run it again once `newsdesk fetch` has filled the "
                            "new one", 1)
            if command.name is not None and not command.refreshes:  # the reader's is its own
                catch_up(desk, tell)  # actors.toml edited since: before the command reads
            try:
                return command.run(desk, args)
            except sqlite3.OperationalError as exc:
                if "readonly" not in str(exc):
                    raise
                return fail(READ_ONLY.format(where=desk.db_path.parent), 1)
    except ConfigError as exc:
        return fail(f"config error: {exc}", 2)
    except _query_error() as exc:  # evaluated only when an exception gets here
        return fail(f"bad query: {exc}", 2)
    except StoreError as exc:
        return fail(str(exc), exc.code)
    except RefreshBusy as exc:  # a cron run overlapping the last: EX_TEMPFAIL, try later
        if getattr(args, "quiet", False) and not exc.long:  # cron mails what a job says:
            return BUSY_EXIT  # the reader's R, a slow last run; the next run fetches anyway
        return fail(f"{exc}; this one fetched nothing (exit {BUSY_EXIT})", BUSY_EXIT)
    except CliError as exc:
        return fail(str(exc), exc.code)
    except BrokenPipeError:  # not a failure of the command: the reader left (`run` sees it)
        raise
    except sqlite3.Error as exc:
        return fail(_storage_words(exc), 1)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return fail(f"{where}{exc.strerror or exc}", 1)


def _storage_words(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "full" in text.lower():
        return ("the disk holding the cache is full (SQLite: database or disk is full); "
                "nothing half-written was kept: free some space and run it again")
    return f"the cache could not be used: {text}"


def fail(message: str, code: int) -> int:
    """The one way a command says it could not do its job."""
    print(f"newsdesk: {message}", file=sys.stderr)
    return code


def unexpected(exc: BaseException) -> int:
    """A bug, not a user's mistake: one line, and the traceback only when asked for."""
    if os.environ.get("NEWSDESK_DEBUG"):
        raise exc
    return fail(f"internal error: {type(exc).__name__}: {exc} (NEWSDESK_DEBUG=1 shows the "
                "traceback; please report it)", 1)


def open_desk(config: Config, *, sync_feeds: bool = True) -> Desk:
    """Open the cache, saying on stderr when a damaged one was set aside (`sync_feeds`: as
    `Desk.open`'s)."""
    from tui.core.desk import Desk

    desk = Desk.open(config, sync_feeds=sync_feeds, on_upgrade=lambda what: print(
        f"newsdesk: upgrading the cache: {what} (once; a big cache takes a while)",
        file=sys.stderr, flush=True))
    if desk.warning:
        print(f"newsdesk: warning: {desk.warning}", file=sys.stderr)
    return desk
