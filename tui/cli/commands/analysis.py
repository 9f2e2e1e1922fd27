"""actors, related, stories: what the analysis found."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli import output
from tui.cli.configinfo import tell
from tui.cli.errors import CliError
from tui.cli.registry import Command, article_id, count, days
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.core.desk import Desk


def _actors_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--days", type=days, default=0, help="only articles of the last N days")
    p.add_argument("--limit", type=count, default=50)
    p.add_argument("--json", action="store_true")


ALL_ACTORS = 1_000_000  # "no limit": every actor named at least once (a few thousand at most)


def actors(desk: Desk, args: argparse.Namespace) -> int:
    every = desk.top_actors(days=args.days or None, limit=ALL_ACTORS)
    rows = every[:max(0, args.limit)]
    if args.json:
        output.print_json([output.actor_count_json(a, n) for a, n in rows])
    else:
        for actor, count in rows:
            print(f"{count:>5}  {actor.name:<32} {actor.kind:<7} {actor.id}")
        more = len(every) - len(rows)
        if more > 0:  # a capped list says so (and how to see the rest)
            print(f"… {more} more (--limit {len(every)} lists them all)")
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
    p.add_argument("id", type=article_id)
    p.add_argument("--limit", type=count, default=10)
    p.add_argument("--json", action="store_true")


def related(desk: Desk, args: argparse.Namespace) -> int:
    if desk.article(args.id) is None:
        raise CliError(f"no article with id {args.id}")
    items = desk.related(args.id, limit=args.limit)
    if args.json:
        output.print_json([output.related_json(r) for r in items])
    else:
        for r in items:
            why = f"same story · {r.reasons}" if r.in_story else r.reasons
            print(f"{r.id:>6}  {r.score:5.2f}  {r.feed[:18]:<18}  {r.title}\n        {why}")
    if not items:
        tell(why_none(desk) or f"no other coverage of article {args.id}'s event was found")
    return 0


def _stories_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=count, default=50)
    p.add_argument("--json", action="store_true")


def stories(desk: Desk, args: argparse.Namespace) -> int:
    rows = desk.stories(limit=args.limit)
    if args.json:
        output.print_json([output.story_json(s) for s in rows])
    else:
        for s in rows:
            print(f"{s.id:>5}  {counted(len(s.article_ids), 'article'):>12}  "
                  f"{counted(len(s.outlets), 'outlet'):<10}  {s.label}")
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
