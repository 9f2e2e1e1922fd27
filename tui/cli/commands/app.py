"""The reader itself (no subcommand) and `demo`, which serves the bundled site and opens it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui.cli import output
from tui.cli.configinfo import tell
from tui.cli.progress import summary_line
from tui.cli.registry import Command, open_desk

if TYPE_CHECKING:
    from tui.core.desk import Desk
    from tui.demo.server import DemoServer, RunningDemo


def without_terminal(args: argparse.Namespace) -> str | None:
    """The reader reads keys from stdin and Textual draws on stderr: without a terminal on
    both (a crontab line that forgot `fetch`) it would write escape codes into a log and wait
    for keys forever."""
    if getattr(args, "fetch_only", False):
        return None
    cron = ("(to fetch the demo without the reader: newsdesk demo --fetch-only)"
            if args.command == "demo" else "(to refresh from cron: newsdesk fetch)")
    if not _is_terminal(sys.__stdin__):
        return f"the reader needs a terminal {cron}"
    if not _is_terminal(sys.__stderr__):
        return f"the reader needs a terminal: it draws on stderr, which is not one {cron}"
    return None


def demo_refused(args: argparse.Namespace) -> str | None:
    """`demo --config PATH` would silently fetch the demo folder's feeds, not PATH's: the
    demo's config is its folder's own, which --dir chooses."""
    if getattr(args, "config", None) is not None:
        return ("demo: --config is not used by the demo, which keeps its own feeds.toml in "
                "its folder (--dir FOLDER chooses the folder; `newsdesk --config PATH fetch` "
                "fetches the feeds of PATH)")
    return without_terminal(args)


def _is_terminal(stream: TextIO | None) -> bool:
    """Textual's own streams (`sys.__stdin__`, `sys.__stderr__`), whatever replaced sys's."""
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):  # closed
        return False


def reader(desk: Desk, args: argparse.Namespace) -> int:
    from tui.app import run

    run(desk, desk.config, notices=getattr(args, "notices", ()))
    return 0


def _demo_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--fetch-only", action="store_true", help="fetch, print a summary, exit")
    p.add_argument("--dir", metavar="PATH",
                   help="keep the demo config and cache here (default: a demo folder in the "
                        "user data dir, kept between runs)")
    p.add_argument("--json", action="store_true", help="with --fetch-only: JSON summary")


def demo_folder(chosen: str | None) -> Path:
    """--dir, else the user's own demo folder: tags and saves made while trying survive."""
    from tui.demo.config import user_demo_folder

    return Path(chosen).expanduser() if chosen else user_demo_folder()


def _demo_server(folder: Path) -> DemoServer | RunningDemo:
    """The port the folder's feeds.toml names, if free (or served by a demo running already:
    that one is shared); else a fresh one, and the file's demo URLs follow it."""
    from tui.demo.config import demo_port
    from tui.demo.server import open_demo

    return open_demo(demo_port(folder / "feeds.toml"))


def demo(args: argparse.Namespace) -> int:
    from tui.cli.commands.refresh import refresh_said
    from tui.core.config.loader import load_config
    from tui.demo.cache import adopt_cache
    from tui.demo.config import write_demo_config

    folder = demo_folder(args.dir)
    with _demo_server(folder) as server:
        config = load_config(write_demo_config(folder, server))
        where = (f"demo: config and cache kept in {folder} (e.g. `newsdesk --config "
                 f"{config.path} list`)")
        tell(where)
        if not any(feed.url.startswith(server.base_url + "/") for feed in config.feeds):
            tell(f"demo: {config.path} names none of the demo's feeds, and was left as it is "
                 "(`newsdesk demo --dir EMPTY_FOLDER` starts a fresh demo)")
        with open_desk(config, sync_feeds=False) as desk:  # the refresh below syncs them
            adopted = adopt_cache(desk.conn, server)
            if adopted.merged:
                tell(f"demo: {adopted.merged} copies of articles from earlier demo runs on "
                     "other ports merged into the originals (read, saved and tags kept)")
            summary = refresh_said(desk, sys.stderr.isatty() and not args.json)
            if args.fetch_only:
                if args.json:
                    output.print_json(summary.as_json())
                else:
                    print(summary_line(summary))
                    print(f"config: {config.path}")
                return 0
            args.notices = [f"Demo: what you tag and save is kept in {_home_short(folder)}"]
            code = reader(desk, args)
        tell(f"demo: your tags and saves stay in {folder}; `newsdesk --config {config.path} "
             "list` shows them (the demo site itself is served only while the demo runs)")
        return code


def _home_short(path: Path) -> str:
    """The path as a user writes it (`~/.local/...`): a toast is narrow, and a long absolute
    path wrapped mid-word in it."""
    try:
        return f"~/{path.relative_to(Path.home())}"
    except (ValueError, RuntimeError):  # elsewhere, or no home folder known
        return str(path)


COMMANDS = (
    Command(None, "open the reader", reader, refuse=without_terminal),
    Command("demo", "serve the bundled demo site on 127.0.0.1, fetch it, open the reader",
            reader, _demo_arguments, standalone=demo, refuse=demo_refused, own_config=True),
)
