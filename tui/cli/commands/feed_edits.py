"""add-feed and remove-feed: one feed into or out of feeds.toml without a text editor (the
file's comments and order stay: core/config/feed_edits.py).

A feed added is fetched at once (unless `--no-fetch`), so its articles are there when the
reader opens. A feed removed leaves its articles in the cache, as a feed deleted from
feeds.toml by hand does: in All and searches until keep_days prunes them, and saved or
tagged ones for good; the command says how many of each.
"""

from __future__ import annotations

import argparse
import sqlite3
from typing import TYPE_CHECKING

from tui.cli.configinfo import tell
from tui.cli.errors import CliError
from tui.cli.registry import Command, open_desk
from tui.core.words import counted

if TYPE_CHECKING:
    from pathlib import Path

    from tui.core.config.loader import Config
    from tui.core.store.holdings import Holdings


def _add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("url", help="the feed's address (http:// or https://)")
    p.add_argument("--name", default="",
                   help="the name it shows under (default: the title the feed sends)")
    p.add_argument("--tag", action="append", default=[], metavar="TAG",
                   help="a tag every article of the feed gets; repeat it for more (spaces and "
                        "commas separate tags, quotes group words)")
    p.add_argument("--lang", help="the feed's language code (en, ru, ar, fa...)")
    p.add_argument("--no-fetch", action="store_true", help="only add it; fetch it later")


def _config_file(args: argparse.Namespace) -> tuple[Config, Path, dict[str, str]]:
    """The config in use (a first run writes the curated list, as every command does), its
    unnamed feeds named by the titles they sent, as `feeds` and the reader show them."""
    from tui.core.config.feed_edits import titled
    from tui.core.config.loader import resolve_config
    from tui.core.store.db import DB_NAME, StoreError

    config = resolve_config(getattr(args, "config", None), tell)
    if config.path is None:
        raise CliError("there is no feeds.toml to edit (the curated list is read from the "
                       "package); give one: --config FILE", 2)
    titles: dict[str, str] = {}
    if (config.settings.cache_dir / DB_NAME).exists() and not all(f.named for f in config.feeds):
        try:
            with open_desk(config, sync_feeds=False) as desk:
                titles = desk.feed_titles()
        except (StoreError, sqlite3.Error, OSError):
            pass  # their hosts name them, as before any fetch
    return titled(config, titles), config.path, titles


def add_feed(args: argparse.Namespace) -> int:
    from tui.core.config.feed_edits import FeedEditError, add_feed, new_feed
    from tui.core.config.userfiles import UserFileError
    from tui.core.tagnames import typed_list

    config, path, titles = _config_file(args)
    tags = [tag for given in args.tag for tag in typed_list(given)]
    try:
        feed = new_feed(config, args.url, args.name, tags, args.lang)
        written = add_feed(path, feed, titles)
    except FeedEditError as exc:
        raise CliError(f"add-feed: {exc} (nothing was written)", 2) from None
    except UserFileError as exc:
        raise CliError(f"add-feed: {exc}", 1) from None
    import shlex  # here: every command's run imported it

    said = f" with tags {', '.join(feed.tags)}" if feed.tags else ""
    print(f"added {feed.url}{said} to {path}")
    if args.no_fetch:
        name = next(f.name for f in written.feeds if f.url == feed.url)
        print(f"fetch it with: newsdesk fetch {shlex.quote(name)}")
        return 0
    from tui.cli.commands.refresh import fetch

    with open_desk(written, sync_feeds=False) as desk:
        name = next(f.name for f in desk.config.feeds if f.url == feed.url)
        code = fetch(desk, argparse.Namespace(feeds=[name], no_extract=False, json=False,
                                              quiet=False))
    if code:
        tell(f"{name} stays in {path}: `newsdesk fetch {shlex.quote(name)}` tries it again, "
             f"`newsdesk remove-feed {shlex.quote(name)}` takes it out")
    return code


def _remove_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("feed", metavar="NAME-OR-URL", help="the feed's name (any case) or its URL")


def remove_feed(args: argparse.Namespace) -> int:
    from tui.core.config.feed_edits import FeedEditError, remove_feed
    from tui.core.config.userfiles import UserFileError

    _config, path, titles = _config_file(args)
    try:
        feed, written = remove_feed(path, args.feed, titles)
    except FeedEditError as exc:
        raise CliError(f"remove-feed: {exc} (nothing was changed)", 2) from None
    except UserFileError as exc:
        raise CliError(f"remove-feed: {exc}", 1) from None
    print(f"removed {feed.name} ({feed.url}) from {path}")
    held = _held(written, feed.url)
    print(what_stays(feed.name, held, written.settings.keep_days,
                     tuple(other.name for other in written.feeds)))
    return 0


def _held(config: Config, url: str) -> Holdings | None:
    """What the cache holds under the feed; None when it cannot be read (said as such)."""
    from tui.core.store.db import DB_NAME, StoreError
    from tui.core.store.holdings import Holdings

    if not (config.settings.cache_dir / DB_NAME).exists():
        return Holdings()
    try:
        with open_desk(config, sync_feeds=False) as desk:
            return desk.holdings(url)
    except (StoreError, sqlite3.Error, OSError):
        return None


def what_stays(name: str, held: Holdings | None, keep_days: int,
               current: tuple[str, ...] = ()) -> str:
    """What becomes of a removed feed's articles, in a sentence (the reader's confirmation
    says the same); `current`: the feeds left, which the query it gives leaves out."""
    from tui.core.query.parse import removed_feed_query

    query = removed_feed_query(name, current)
    if held is None:
        return (f"its articles stay in the cache ({query} finds them); saved and tagged ones "
                "are never pruned")
    if not held.articles:
        return "it had no articles in the cache"
    one = held.articles == 1  # "its 1 article stays ... finds it", not "stay ... them"
    them = "it" if one else "them"
    until = "for good (keep_days = 0)" if keep_days <= 0 else \
        f"until keep_days ({keep_days}) prunes {them}"
    line = (f"its {counted(held.articles, 'article')} stay{'s' if one else ''} in the cache: in "
            f"All and searches ({query} finds {them}) {until}")
    if held.kept:
        line += (f"; the {held.kept} saved or tagged {'is' if held.kept == 1 else 'are'} "
                 "never pruned")
    if held.shared:
        line += (f"; {held.shared} listed under another feed too "
                 f"stay{'s' if held.shared == 1 else ''} listed there")
    if held.unread:
        import shlex

        line += (f"; {held.unread} unread: newsdesk dismiss --query "
                 f"{shlex.quote(query)} hides {'it' if held.unread == 1 else 'them'} from Unread")
    return line


COMMANDS = (
    Command("add-feed", "add a feed to feeds.toml (comments kept) and fetch it",
            lambda _desk, args: add_feed(args), _add_arguments, standalone=add_feed),
    Command("remove-feed", "take a feed out of feeds.toml; its saved and tagged articles stay",
            lambda _desk, args: remove_feed(args), _remove_arguments, standalone=remove_feed),
)
