"""read, unread, save, unsave, dismiss, undismiss, tag: triage from scripts, by id or query.

By id they print nothing on stdout and say on stderr what they did ('2 articles marked read,
1 already was (3 matching)'; `tag`'s text is read as the t dialog reads it, '"a b"' one tag
and 'a b' two, so its line shows which): a script's stdout stays empty; an id with
no article (pruned by keep_days since a script kept it) is named on stderr, exit 1, and the
others are done all the same. No id at all (xargs after a
list that found nothing) is said on stderr and exit 0, as a query that matched nothing. With
`--query` the articles are the query's, as `newsdesk list` finds them, and one line on stdout
says how many changed: a script sees what a query it never listed did. `--dry-run` says the
same without changing anything, to look before a large change. Only the articles that would
change are written, so the count is what changed, not what matched.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from tui.cli.commands.reading import NO_LIMIT, why_empty
from tui.cli.configinfo import tell
from tui.cli.errors import CliError
from tui.cli.registry import Command, article_id
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.core.desk import Desk
    from tui.core.models import ArticleRow


class Change(NamedTuple):
    """What one command does to an article: `changes` says whether it would change it. (A
    NamedTuple: a dataclass took a millisecond to create on every run of any command.)"""

    changes: Callable[[ArticleRow], bool]
    done: str  # "marked read": said after "12 articles"
    apply: Callable[[Desk, list[int]], object]


def _flag(column: str, value: bool) -> Callable[[Desk, list[int]], object]:
    return lambda desk, ids: desk.set_flag(ids, column, value)


CHANGES = {
    "read": Change(lambda r: not r.read, "marked read", _flag("read", True)),
    "unread": Change(lambda r: r.read, "marked unread", _flag("read", False)),
    "save": Change(lambda r: not r.saved, "saved", _flag("saved", True)),
    "unsave": Change(lambda r: r.saved, "unsaved", _flag("saved", False)),
    # as the reader's x: read, and hidden from Unread
    "dismiss": Change(lambda r: not (r.read and r.dismissed), "dismissed",
                      lambda desk, ids: desk.dismiss(ids)),
    # only the mark: `unread` brings an article back to Unread
    "undismiss": Change(lambda r: r.dismissed, "undismissed", _flag("dismissed", False)),
}


def _article_id(text: str, tag: bool = False) -> int:
    """An id, or a word that was meant as a query (`read feed:TASS`) or, after `tag`, as a
    tag (`tag 20 dossier`, as Elfeed's tagging reads): say where that goes."""
    try:
        return article_id(text)
    except argparse.ArgumentTypeError:
        if text.lstrip("+-").isdigit():
            raise
        import shlex  # here: every command's run imported it

        where = (f"a tag goes after --add: --add {shlex.quote(text)}; a query after --query"
                 if tag else f"a query goes after --query: --query {shlex.quote(text)}")
        raise argparse.ArgumentTypeError(f"{text!r} is not an article id ({where})") from None


def _tag_article_id(text: str) -> int:
    return _article_id(text, tag=True)


_article_id.__name__ = _tag_article_id.__name__ = "article id"


def _arguments(p: argparse.ArgumentParser, ids: Callable[[str], int] = _article_id) -> None:
    p.add_argument("ids", type=ids, nargs="*", metavar="ID",
                   help="article ids, as `newsdesk list` shows them")
    p.add_argument("--query", metavar="QUERY",
                   help="every article matching QUERY instead, e.g. 'feed:TASS "
                        "before:2024-08-01' or 'view:Shoigu' (says how many changed)")
    p.add_argument("--dry-run", action="store_true",
                   help="say how many articles would change; change nothing")


def _tag_arguments(p: argparse.ArgumentParser) -> None:
    _arguments(p, _tag_article_id)
    p.add_argument("--add", action="append", default=[], metavar="TAG",
                   help="add tags, read as the t dialog reads them: 'a b' or 'a,b' are two, "
                        "'\"a b\"' is one; a leading + or # is dropped")
    p.add_argument("--remove", action="append", default=[], metavar="TAG",
                   help="remove tags (read the same way)")


def _chosen(desk: Desk, args: argparse.Namespace) -> list[ArticleRow]:
    """The articles named: by id (those that exist: the others go to `args.unknown`, said
    by `unknown_ids` once the rest is done) or by `--query`."""
    command = args.command
    if args.query is not None and args.ids:
        raise CliError(f"{command}: give article ids or --query, not both", 2)
    if args.query is None:
        if not args.ids:  # `... | xargs newsdesk tag` after a list that found nothing
            tell(f"{command}: no article ids given: nothing changed (name them by id, or "
                 "--query QUERY)")
            return []
        found = {i: desk.article(i) for i in dict.fromkeys(args.ids)}
        args.unknown = [i for i, article in found.items() if article is None]
        return [a for a in found.values() if a is not None]
    if not args.query.strip():  # `--query "$Q"` with Q unset: never every article
        raise CliError(f"{command}: --query is empty, which would change every article; name "
                       "them, e.g. --query 'feed:TASS before:2024-08-01' (or 'is:unread')", 2)
    rows = desk.articles(args.query, limit=NO_LIMIT)
    if not rows:
        tell(why_empty(desk, args.query))
    return rows


def unknown_ids(args: argparse.Namespace, done: int) -> int:
    """Exit 1 when some ids named no article, which stderr names, saying whether the
    `done` others were changed: a script must not take a half-done batch for a whole one."""
    unknown = getattr(args, "unknown", [])
    if not unknown:
        return 0
    listed = ", ".join(map(str, unknown[:10])) + (", ..." if len(unknown) > 10 else "")
    ids = "id" if len(unknown) == 1 else "ids"
    if not done or args.dry_run:
        rest = "nothing changed" if not done else "dry run: nothing changed"
    else:
        rest = f"done for the other {'one' if done == 1 else done}"
    tell(f"no article with {ids} {listed} ({rest})")
    return 1


ALREADY = (("already was", "already were"), ("already is", "already are"))
LACKING = (("did not have it", "did not have it"), ("does not have it", "do not have it"))


def report(changed: int, matched: int, done: str, rest: tuple[tuple[str, str], ...],
           dry: bool) -> str:
    """'5 articles marked read, 1 already was (6 matching)': the first number is what
    changed. `rest`: what the others were, (one, several), after the change and in a dry run."""
    line = f"{counted(changed, 'article')} {'would be ' if dry else ''}{done}"
    others = matched - changed
    if others:
        line += f", {others} {rest[dry][others > 1]} ({matched} matching"
        return line + ("; dry run: nothing changed)" if dry else ")")
    return line + (" (dry run: nothing changed)" if dry else "")


def mark(desk: Desk, args: argparse.Namespace) -> int:
    change = CHANGES[args.command]
    rows = _chosen(desk, args)
    changing = [r.id for r in rows if change.changes(r)]
    if not args.dry_run and changing:
        change.apply(desk, changing)
    if args.query is not None or args.dry_run:
        print(report(len(changing), len(rows), change.done, ALREADY, args.dry_run))
    elif rows:  # by id: said on stderr, as `tag` says it (an id already so was no change)
        tell(report(len(changing), len(rows), change.done, ALREADY, False))
    return unknown_ids(args, len(rows))


def tag(desk: Desk, args: argparse.Namespace) -> int:
    """By id, one line on stderr says what was done (stdout stays empty, as scripts have
    it), and a tag to remove that an article lacks is said after it, exit 0 all the same:
    what was asked (the article without that tag) holds, and a script removing `todo` from a
    list of ids, some already done, must not stop there under `set -e`. By query, the count
    on stdout says it."""
    from tui.core import tagnames

    if not args.add and not args.remove:
        raise CliError("tag: nothing to do: give --add TAG, --remove TAG or both "
                       "(see newsdesk tag --help)", 2)
    adding = [tagnames.typed_list(text) for text in args.add]  # as the t dialog: '"a b"' is one
    removing = [tagnames.typed_list(text) for text in args.remove]
    if not all(adding) or not all(removing):
        raise CliError("tag: an empty tag name", 2)
    rows = _chosen(desk, args)
    had = {r.id: {tagnames.key(t) for t in r.tags} for r in rows}
    counted = args.query is not None or args.dry_run
    said: list[str] = []  # by id: what was done, one line on stderr
    lacked: list[str] = []  # by id: which articles lacked a tag to remove
    for name in (t for names in adding for t in names):
        lacking = [i for i, keys in had.items() if tagnames.key(name) not in keys]
        if had and not args.dry_run:  # those that have it too: a rule's tag becomes yours
            desk.add_tags(list(had), [name])
        for i in lacking:  # a --remove of the same tag counts what is there now
            had[i].add(tagnames.key(name))
        if counted:
            print(report(len(lacking), len(rows), f"tagged {name!r}", ALREADY, args.dry_run))
        elif rows:
            said.append(report(len(lacking), len(rows), f"tagged {name!r}", ALREADY, False))
    for name in (t for names in removing for t in names):
        having = [i for i, keys in had.items() if tagnames.key(name) in keys]
        if having and not args.dry_run:
            desk.remove_tag(having, name)
        if counted:
            print(report(len(having), len(rows), f"untagged {name!r}", LACKING, args.dry_run))
            continue
        if having:  # the others are named on a line of their own
            said.append(report(len(having), len(having), f"untagged {name!r}", LACKING, False))
        if len(having) < len(rows):
            lacking = [i for i in had if i not in having]
            listed = ", ".join(map(str, lacking[:10])) + (", ..." if len(lacking) > 10 else "")
            lacked.append(f"no tag {name!r} on {'article' if len(lacking) == 1 else 'articles'} "
                          f"{listed}")
    if said:
        tell("; ".join(said))
    for line in lacked:
        tell(line)
    return unknown_ids(args, len(rows))


COMMANDS = (
    Command("read", "mark articles read (by id, or every match of --query)", mark, _arguments),
    Command("unread", "mark articles unread", mark, _arguments),
    Command("save", "save articles (never pruned)", mark, _arguments),
    Command("unsave", "unsave articles", mark, _arguments),
    Command("dismiss", "dismiss articles, as x in the reader: read, and hidden from Unread",
            mark, _arguments),
    Command("undismiss", "take back a dismiss (unread brings the article back to Unread)", mark,
            _arguments),
    Command("tag", "add or remove tags on articles", tag, _tag_arguments),
)
