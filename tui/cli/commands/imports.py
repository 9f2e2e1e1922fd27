"""import-opml and import-newsboat: another reader's feed list into feeds.toml.

The list imported is the user's own. With no feeds.toml yet, or one that is still the curated
list as the first run wrote it (every command writes it, so a newsboat user who looked around
first has it), the import puts their list in its place; `--add` keeps the curated list and
adds theirs. Any other feeds.toml gets the feeds it lacks, and each feed found there already
says which of the imported name and tags it did not take.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.errors import CliError
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.core.config.import_plan import ImportPlan
    from tui.core.config.opml import OpmlFeed


def import_arguments(p: argparse.ArgumentParser, *, optional_file: bool = False) -> None:
    if optional_file:
        p.add_argument("file", nargs="?",
                       help="newsboat's urls file (default: ~/.newsboat/urls, else "
                            "~/.config/newsboat/urls)")
    else:
        p.add_argument("file", help="an OPML file, as other readers export their feed list")
    p.add_argument("--dry-run", action="store_true", help="only show what would be added")
    p.add_argument("--add", action="store_true",
                   help="add to the curated list the first run wrote, instead of putting "
                        "this list in its place")


def import_opml(args: argparse.Namespace) -> int:
    """Standalone: it needs the feed list, not the cache."""
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
    return add_feeds(args, found, Path(args.file).name, "import-opml")


def import_newsboat(args: argparse.Namespace) -> int:
    """newsboat's own list, as newsboat reads it: its tags and `~` titles kept, its query
    feeds made views where they translate (tui/core/config/newsboat*.py)."""
    from tui.core.config.newsboat import default_urls_file, parse_urls
    from tui.core.config.newsboat_query import Untranslatable, translate
    from tui.core.config.userdirs import no_home_said

    if args.file is None:
        places = default_urls_file()
        path = next((p for p in places if p.is_file()), None)
        if path is None:
            where = " or ".join(map(str, places)) or f"a home folder ({no_home_said()})"
            raise CliError(f"no newsboat urls file in {where}; "
                           "give its path: newsdesk import-newsboat FILE", 2)
    else:
        path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror}", 2) from None
    views: list[tuple[str, str]] = []

    def on_query(line: int, name: str, condition: str) -> None:
        try:
            views.append((name, translate(condition)))
        except Untranslatable as exc:
            _skipped(f"line {line}: query feed {name!r}: {exc}; not made a view (write a "
                     "[[view]] in feeds.toml by hand: README, Query language)")

    found = parse_urls(text, on_skip=_skipped, on_query=on_query)
    return add_feeds(args, found, path.name, "import-newsboat", views)


def _skipped(why: str) -> None:
    print(f"skipped: {why}", file=sys.stderr)


def add_feeds(args: argparse.Namespace, found: list[OpmlFeed], source: str, how: str,
              views: list[tuple[str, str]] | None = None) -> int:
    """Write the plan (tui/core/config/import_plan.py) to feeds.toml; a dry run says it."""
    from tui.core.config.feedlist import append_feeds, write_new_list
    from tui.core.config.firstrun import untouched
    from tui.core.config.import_plan import plan_import
    from tui.core.config.loader import find_config, load_config, user_config_path
    from tui.core.config.opml import unique_name
    from tui.core.config.userfiles import UserFileError

    path = find_config(getattr(args, "config", None))
    target = path or user_config_path()
    fresh = path is None or not path.exists()
    curated = not fresh and not args.add and untouched(target)
    listed = None if fresh or curated else load_config(target)
    plan = plan_import(listed.feeds if listed else [], found)
    seen = {v.name.casefold() for v in listed.views} if listed else set()
    there = {v.query for v in listed.views} if listed else set()  # imported before
    new_views = [(unique_name(name, seen), query) for name, query in views or ()
                 if query not in there]
    _say(plan, new_views, source)
    if args.dry_run or not (plan.new or new_views):
        if fresh and plan.new:
            print(f"no feeds.toml yet: the import writes {target} with these feeds only")
        elif curated and plan.new:
            print(f"{target} is still the curated list the first run wrote: the import puts "
                  "these feeds in its place (--add adds them to it instead)")
        return 0
    try:
        if fresh or curated:
            write_new_list(target, plan.new, source, how, new_views)
        else:
            append_feeds(target, plan.new, source, new_views)
    except UserFileError as exc:
        raise CliError(str(exc), 2) from None
    views_said = f" and {counted(len(new_views), 'view')}" if new_views else ""
    if fresh or curated:
        was = "" if fresh else ", in place of the curated list (--add keeps it)"
        print(f"wrote {target} with {counted(len(plan.new), 'feed')}{views_said}, yours "
              f"only{was}; the curated list: newsdesk export-opml --curated -o c.opml, then "
              "import it")
    else:
        print(f"added {counted(len(plan.new), 'feed')}{views_said} to {target}")
    return 0


def _say(plan: ImportPlan, views: list[tuple[str, str]], source: str) -> None:
    for feed in plan.new:
        print(f"+ {feed.name}  {feed.url}  {list(feed.tags)}")
    for found in plan.listed:
        lost = found.not_kept()
        if lost:
            print(f"= {found.listed.name}  {found.listed.url}: listed already, kept as "
                  f"feeds.toml has it; not taken from {source}: {lost}")
    for found in plan.probable:
        print(f"? {found.incoming.url}: not added, most likely the feed listed as "
              f"{found.listed.name!r} ({found.listed.url}); add it by hand if it is not")
    for name, query in views:
        print(f"+ view {name}: {query}")
    already = len(plan.listed) + len(plan.probable)
    print(f"{counted(len(plan.new), 'new feed')} ({already} already listed)"
          + (f", {counted(len(views), 'view')}" if views else ""))
