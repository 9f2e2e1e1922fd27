"""list, show, read/unread/save/unsave, tag, export: reading and triage from scripts."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli import output
from tui.cli.configinfo import tell
from tui.cli.errors import CliError
from tui.cli.registry import Command, article_id, count

if TYPE_CHECKING:
    from tui.core.desk import Desk
    from tui.core.models import Article

NO_LIMIT = 1 << 62  # `--limit 0`: every article (SQLite takes a 64-bit LIMIT)


def _list_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="*", help="a query, e.g. 'is:unread +iran since:2d' (a word "
                   "that starts with '--' goes after a lone --)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--limit", type=count, default=50,
                   help="at most N articles (default 50, 0 = all)")


def list_articles(desk: Desk, args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    rows = desk.articles(query, limit=args.limit if args.limit > 0 else NO_LIMIT)
    if args.json:
        output.print_json([output.row_json(r) for r in rows], lines=True)
    else:
        for row in rows:
            print(output.row_line(row))
    if not rows:
        tell(why_empty(desk, query))
    elif len(rows) == args.limit:  # perhaps cut: say so on stderr, stdout stays the data
        total = desk.count(query)
        if total > len(rows):
            tell(f"{len(rows)} of {total} shown; --limit 0 lists all")
    return 0


def why_empty(desk: Desk, query: str) -> str:
    """Nothing listed: say why on stderr (an unknown actor, an empty cache, or no match)."""
    unknown = desk.unknown_actors(query) if "actor:" in query else []
    if unknown:
        names = ", ".join(repr(n) for n in unknown)
        return f"no known actor is called {names}; `newsdesk actors` lists those in your articles"
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
    p.add_argument("id", type=article_id)
    p.add_argument("--json", action="store_true")


def show(desk: Desk, args: argparse.Namespace) -> int:
    article = desk.article(args.id)
    if article is None:
        raise CliError(f"no article with id {args.id}")
    if desk.fetch_page(article.id):  # its page waited (page budget): fetch it, as the reader does
        article = desk.article(article.id) or article
    if args.json:
        output.print_json(output.article_json(article, desk.actors_of(article.id),
                                              desk.story_of(article.id)))
    else:
        print(output.article_text(article), end="")
    return 0


def _ids_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("ids", type=article_id, nargs="+", metavar="ID")


def _tag_arguments(p: argparse.ArgumentParser) -> None:
    _ids_arguments(p)
    p.add_argument("--add", action="append", default=[], metavar="TAG",
                   help="add this tag ('a,b': two tags; a leading + is dropped)")
    p.add_argument("--remove", action="append", default=[], metavar="TAG",
                   help="remove this tag (the same forms)")


def _require(desk: Desk, ids: list[int]) -> dict[int, Article]:
    """Every article named, by id; a missing one stops the command before any change."""
    found = {i: desk.article(i) for i in dict.fromkeys(ids)}
    missing = [i for i, article in found.items() if article is None]
    if missing:
        raise CliError(f"no article with id {missing[0]}")
    return {i: a for i, a in found.items() if a is not None}


def mark(desk: Desk, args: argparse.Namespace) -> int:
    _require(desk, args.ids)
    if args.command in ("read", "unread"):
        desk.set_read(args.ids, args.command == "read")
    else:
        for article_id in args.ids:
            desk.set_saved(article_id, args.command == "save")
    return 0


def tag(desk: Desk, args: argparse.Namespace) -> int:
    """A tag to remove that an article lacks is said on stderr, exit 0 all the same: what was
    asked (the article without that tag) holds, and a script removing `todo` from a list of
    ids, some already done, must not stop there under `set -e`."""
    from tui.core import tagnames

    if not args.add and not args.remove:
        raise CliError("tag: nothing to do: give --add TAG, --remove TAG or both "
                       "(see newsdesk tag --help)", 2)
    adding = [tagnames.typed_list(text) for text in args.add]  # `+x` is x, 'a,b' two tags
    removing = [tagnames.typed_list(text) for text in args.remove]
    if not all(adding) or not all(removing):
        raise CliError("tag: an empty tag name", 2)
    args.add = [tag for names in adding for tag in names]
    args.remove = [tag for names in removing for tag in names]
    had = {i: {tagnames.key(t) for t in a.tags} for i, a in _require(desk, args.ids).items()}
    if args.add:
        desk.add_tags(args.ids, args.add)
    for name in args.remove:
        lacking = [i for i, keys in had.items() if tagnames.key(name) not in keys]
        if lacking:
            listed = ", ".join(map(str, lacking[:10])) + (", ..." if len(lacking) > 10 else "")
            tell(f"no tag {name!r} on {'article' if len(lacking) == 1 else 'articles'} {listed}")
        desk.remove_tag(args.ids, name)
    return 0


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="*", help="a query (default: saved articles)")
    p.add_argument("--format", choices=("md", "json", "html"),
                   help="default: the one -o FILE's extension names, else md")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")


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
    Command("read", "mark articles read", mark, _ids_arguments),
    Command("unread", "mark articles unread", mark, _ids_arguments),
    Command("save", "save articles (never pruned)", mark, _ids_arguments),
    Command("unsave", "unsave articles", mark, _ids_arguments),
    Command("tag", "add or remove tags on articles", tag, _tag_arguments),
    Command("export", "write matching articles as a dossier", export, _export_arguments,
            query=True),
)
