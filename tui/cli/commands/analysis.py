"""actors, related, stories: what the analysis found."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from tui.cli import output, terminal_lines
from tui.cli.commands.reading import NO_LIMIT, limit_argument, limit_of, tell_cut
from tui.cli.configinfo import tell
from tui.cli.errors import CliError
from tui.cli.registry import Command, article_id, days
from tui.core.related_items import legend, strength_said
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.core.desk import Desk


def _actors_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--days", type=days, default=0,
                   help="only articles of the last N days (default 0 = all time)")
    limit_argument(p, 50, "actors")
    p.add_argument("--json", action="store_true",
                   help="print JSON (its keys: the README's JSON for scripts)")


ALL_ACTORS = 1_000_000  # "no limit": every actor named at least once (a few thousand at most)


def actors(desk: Desk, args: argparse.Namespace) -> int:
    every = desk.top_actors(days=args.days or None, limit=ALL_ACTORS)
    rows = every[:limit_of(args.limit)]
    if args.json:
        output.print_json([output.actor_count_json(a, n) for a, n in rows])
    else:  # the name column as wide as the longest name listed: the kinds stay in line
        width = max((len(actor.name) for actor, _ in rows), default=0)
        drawn = terminal_lines.drawn_here(desk)
        for actor, count in rows:
            name = terminal_lines.column(actor.name, width, drawn)
            terminal_lines.put(f"{count:>5}  {name} {actor.kind:<7} {actor.id}", drawn)
    tell_cut(len(rows), len(every), args)
    if not every:
        within = f" in the last {counted(args.days, 'day')}" if args.days else ""
        tell(why_none(desk) or f"no known actor is named in the articles{within}")
    return 0


def why_none(desk: Desk) -> str | None:
    """Why analysis shows nothing, when it is not the articles' content: there are none, or
    their actors and links are not made yet. As `list` says why it lists nothing, on stderr."""
    from tui.cli.commands.reading import why_empty

    if not desk.count(""):
        return why_empty(desk, "")
    waiting = desk.unanalysed()
    if waiting:
        return (f"actors and links of {counted(waiting, 'article')} are not made yet "
                "(a fetch was interrupted): `newsdesk fetch` makes them")
    return None


def _related_arguments(p: argparse.ArgumentParser) -> None:
    import textwrap  # the help's formatter keeps epilogs as written (a path must not break)

    p.epilog = textwrap.fill(legend()[0].upper() + legend()[1:] + ".", 79)
    p.add_argument("id", type=article_id, help="an article id, as `newsdesk list` shows it")
    limit_argument(p, 10, "articles")
    p.add_argument("--json", action="store_true",
                   help="print JSON (its keys: the README's JSON for scripts)")


def related(desk: Desk, args: argparse.Namespace) -> int:
    """The list opens with the article it is related to, on stdout (into a pipe too: a file
    or a pager of it says what it lists). `--json` stays the array of items its README
    keys name: the script passed the id, and `show ID --json` has the article."""
    article = desk.article(args.id)
    if article is None:
        raise CliError(f"no article with id {args.id}")
    every = desk.related(args.id, limit=NO_LIMIT)  # 20 at most (TOP_LINKS kept an article)
    items = every[:limit_of(args.limit)]
    if args.json:
        output.print_json([output.related_json(r) for r in items])
    else:
        drawn = terminal_lines.drawn_here(desk)
        if items:
            terminal_lines.put(output.related_head(article, drawn), drawn)
        for r in items:
            why = " · ".join(p for p in (strength_said(r), r.reasons) if p)
            feed = terminal_lines.column(r.feed, 18, drawn)
            title = terminal_lines.name(r.title, drawn)
            terminal_lines.put(f"{r.id:>6}  {r.score:5.2f}  {feed}  {title}\n        {why}", drawn)
    tell_cut(len(items), len(every), args)
    if items and not args.json and sys.stdout.isatty():  # a reader, not a script: the key
        story = desk.story_of(args.id)
        tell(legend(f"story {story.id}: {story.label}" if story else ""))
    if not items:
        tell(why_none(desk) or f"no other coverage of article {args.id}'s event was found")
    return 0


def _stories_arguments(p: argparse.ArgumentParser) -> None:
    limit_argument(p, 50, "stories")
    p.add_argument("--json", action="store_true",
                   help="print JSON (its keys: the README's JSON for scripts)")


def stories(desk: Desk, args: argparse.Namespace) -> int:
    rows = desk.stories(limit=limit_of(args.limit))
    if args.json:
        output.print_json([output.story_json(s) for s in rows])
    else:
        drawn = terminal_lines.drawn_here(desk)
        for s in rows:
            terminal_lines.put(f"{s.id:>5}  {counted(len(s.article_ids), 'article'):>12}  "
                               f"{counted(len(s.outlets), 'outlet'):<10}  "
                               f"{terminal_lines.name(s.label, drawn)}", drawn)
    if rows and len(rows) == args.limit:  # perhaps cut
        tell_cut(len(rows), desk.story_count(), args)
    if not rows:
        tell(why_none(desk) or "no stories yet: a story is one event covered by several "
             "articles")
    return 0


COMMANDS = (
    Command("actors", "actors with the number of articles naming them", actors,
            _actors_arguments),
    Command("related", "coverage of the same event: its story first, then the best links",
            related,
            _related_arguments),
    Command("stories", "events covered by several articles, newest first", stories,
            _stories_arguments),
)
