"""list, show, export: reading from scripts (triage is in triage.py)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli import output, terminal_lines
from tui.cli.configinfo import person_reads_stderr, tell
from tui.cli.errors import CliError
from tui.cli.registry import Command, article_id, count

if TYPE_CHECKING:
    from tui.core.desk import Desk

NO_LIMIT = 1 << 62  # `--limit 0`: every row (SQLite takes a 64-bit LIMIT)


def limit_of(limit: int) -> int:
    """`--limit N` as a row count: 0 means all, in every command that takes it."""
    return limit if limit > 0 else NO_LIMIT


def tell_cut(shown: int, total: int, args: argparse.Namespace) -> None:
    """A list cut at its `--limit` says so on stderr (stdout stays the data), in one wording
    for every command: always when the default limit cut it (a script never asked for 50),
    and for a limit given only to a person at a terminal (`person_reads_stderr`)."""
    if total > shown and (not args.limit_given or person_reads_stderr()):
        tell(f"{shown} of {total} shown; --limit 0 lists all")


class _Given(argparse.Action):
    """`--limit N` stored, and noted as the caller's choice (see tell_cut)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        setattr(namespace, self.dest, values)
        namespace.limit_given = True


def limit_argument(p: argparse.ArgumentParser, default: int, what: str) -> None:
    """The `--limit` of list, actors, related and stories: one meaning in all four."""
    p.add_argument("--limit", type=count, default=default, action=_Given,
                   help=f"at most N {what} (default {default}, 0 = all)")
    p.set_defaults(limit_given=False)


def _list_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="*", help="a query, e.g. 'is:unread +iran since:2d' (a word "
                   "that starts with '--' goes after a lone --)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    limit_argument(p, 50, "articles")


def list_articles(desk: Desk, args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    rows = desk.articles(query, limit=limit_of(args.limit))
    if args.json:
        output.print_json([output.row_json(r) for r in rows], lines=True)
    else:
        drawn = terminal_lines.drawn_here(desk)  # Arabic in visual order on xterm, tmux
        for row in rows:
            terminal_lines.put(output.row_line(row, drawn), drawn, output.ROW_TITLE_AT)
    if not rows:
        tell(why_empty(desk, query))
    elif len(rows) == args.limit:  # perhaps cut
        tell_cut(len(rows), desk.count(query), args)
    return 0


def why_empty(desk: Desk, query: str) -> str:
    """Nothing listed: say why on stderr (an unknown actor, feed or place, an empty cache, or
    no match)."""
    unknown = desk.unknown_actors(query) if "actor:" in query else []
    if unknown:
        names = ", ".join(repr(n) for n in unknown)
        return f"no known actor is called {names}; `newsdesk actors` lists those in your articles"
    strangers = desk.unknown_feeds(query) if "feed:" in query else []
    if strangers:
        names = ", ".join(repr(n) for n in strangers)
        return f"no feed is called {names}; `newsdesk feeds` lists them"
    places = desk.unknown_places(query) if "place:" in query or "country:" in query else []
    if places:
        names = ", ".join(repr(n) for n in places)
        return (f"no known place is called {names}; a country, capital or city in English "
                "or its own script (place:iran, place:Тегеран)")
    if not desk.count(""):
        where = desk.config.path or "feeds.toml"
        feeds = len(desk.config.feeds)
        if not feeds:
            return f"no articles yet, and no feeds: add [[feed]] tables to {where}"
        listed = "feed" if feeds == 1 else f"{feeds} feeds"
        return f"no articles yet: `newsdesk fetch` downloads the {listed} in {where}"
    return f"no articles match {query!r}" if query else "no articles"


def _show_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=article_id, help="an article id, as `newsdesk list` shows it")
    p.add_argument("--json", action="store_true",
                   help="print JSON (its keys: the README's JSON for scripts)")


def show(desk: Desk, args: argparse.Namespace) -> int:
    article = desk.article(args.id)
    if article is None:
        raise CliError(f"no article with id {args.id}")
    from tui.core.refresh.lock import RefreshBusy
    from tui.core.refresh.page_now import SHOW_WAIT

    def trying() -> None:
        tell(f"fetching the article's page (at most {SHOW_WAIT:g} s; Ctrl-C shows the text "
             "stored)…")

    try:  # its page is due (the page budget left it, a try is due): one short try
        tried = desk.fetch_page(article.id, quick=True, on_try=trying)
        if tried.note:
            tell(tried.note)
        if tried:
            article = desk.article(article.id) or article
    except RefreshBusy as busy:  # a cron fetch writes the cache: the text stored so far
        tell(f"the article's page was not fetched now: {busy}, which fetches it")
    except KeyboardInterrupt:  # the text stored so far; the page stays due
        tell("page not fetched (interrupted); the next fetch gets it")
    if args.json:
        output.print_json(output.article_json(article, desk.actors_of(article.id),
                                              desk.story_of(article.id)))
    else:
        # a terminal that draws cells left to right gets Arabic in visual order, shaped; a
        # pipe or a file gets the text as stored
        drawn = terminal_lines.drawn_here(desk)
        text = output.article_text(article, isolate=drawn)
        if drawn:
            from tui.core import visual

            text = visual.drawn_text(text, terminal_lines.width())
        print(text, end="")
    return 0


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="*", help="a query (default: saved articles)")
    p.add_argument("--format", choices=("md", "json", "html"),
                   help="default: the one -o FILE's extension names, else md")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write here instead of stdout (- is stdout)")


EXTENSIONS = {".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html"}


def export_format(chosen: str | None, target: str | None) -> str:
    """`-o dossier.html` is an HTML dossier without `--format html`; an explicit format that
    another known extension contradicts is refused rather than written under the wrong name."""
    from pathlib import PurePath

    named = EXTENSIONS.get(PurePath(target).suffix.lower()) if target else None
    if chosen and named and chosen != named:
        raise CliError(f"export: {target} is named as {named} but --format says {chosen}: "
                       "change one of them", 2)
    return chosen or named or "md"


def export(desk: Desk, args: argparse.Namespace) -> int:
    """Nothing matching is said on stderr, as `list` does, and the (empty) dossier is written
    all the same, exit 0: after the command the file is always the query's dossier, so a
    script mailing it never sends an older one as if it were today's."""
    query = " ".join(args.query) or "is:saved"
    fmt = export_format(args.format, args.output)
    output.write(desk.export(query, fmt), args.output)
    if not desk.count(query):
        tell(why_empty(desk, query))
    return 0


COMMANDS = (
    Command("list", "list cached articles, newest first", list_articles, _list_arguments,
            query=True),
    Command("search", "the same as list, for those who type search (`search shoigu tehran`)",
            list_articles, _list_arguments, query=True),
    Command("show", "print one whole article", show, _show_arguments),
)
EXPORT = (  # listed after triage in `newsdesk --help`
    Command("export", "write matching articles as a dossier", export, _export_arguments,
            query=True),
)
