"""Subcommands over analysis and exchange: actors, links, stories, tags, export, OPML."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.cli import output

if TYPE_CHECKING:
    from tui.core.desk import Desk
    from tui.core.models import Article

AddParser = Callable[[str, str], argparse.ArgumentParser]


def add_extra_commands(add: AddParser) -> None:
    """Registered separately so parser.py stays the core grammar."""
    p = add("actors", "actors with the number of articles naming them")
    p.add_argument("--days", type=int, default=0, help="only articles of the last N days")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")

    p = add("related", "other outlets' coverage of the same event, best first")
    p.add_argument("id", type=int)
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true")

    p = add("stories", "events covered by several articles, newest first")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")

    p = add("tags", "every tag with its article count")
    p.add_argument("--json", action="store_true")
    p = add("rename-tag", "rename a tag everywhere (merging into an existing one)")
    p.add_argument("old")
    p.add_argument("new")
    p = add("delete-tag", "remove a tag from every article")
    p.add_argument("tag")
    add("apply-rules", "apply the [[rule]] and [[mute]] tables of feeds.toml to the whole cache")

    p = add("export", "write matching articles as a dossier")
    p.add_argument("query", nargs="*", help="a query (default: saved articles)")
    p.add_argument("--format", choices=("md", "json", "html"), default="md")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")

    p = add("import-opml", "add the feeds of an OPML file to feeds.toml (folders become tags)")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="only show what would be added")
    p = add("export-opml", "write the feed list as OPML")
    p.add_argument("-o", "--output", metavar="FILE")


def _write(text: str, target: str | None) -> None:
    if target:
        Path(target).write_text(text, encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def cmd_actors(desk: Desk, args: argparse.Namespace) -> int:
    rows = desk.top_actors(days=args.days or None, limit=args.limit)
    if args.json:
        output.print_json([{"id": a.id, "name": a.name, "kind": a.kind, "articles": n}
                           for a, n in rows])
    else:
        for actor, count in rows:
            print(f"{count:>5}  {actor.name:<32} {actor.kind:<7} {actor.id}")
    return 0


def cmd_related(desk: Desk, args: argparse.Namespace) -> int:
    from tui.cli.run import CliError

    if desk.article(args.id) is None:
        raise CliError(f"no article with id {args.id}")
    items = desk.related(args.id, limit=args.limit)
    if args.json:
        output.print_json([{"id": r.id, "title": r.title, "feed": r.feed,
                            "published": output.iso(r.published), "score": round(r.score, 4),
                            "reasons": r.reasons} for r in items])
    else:
        for r in items:
            print(f"{r.id:>6}  {r.score:5.2f}  {r.feed[:18]:<18}  {r.title}\n        {r.reasons}")
    return 0


def cmd_stories(desk: Desk, args: argparse.Namespace) -> int:
    stories = desk.stories(limit=args.limit)
    if args.json:
        output.print_json([{"id": s.id, "label": s.label, "articles": list(s.article_ids),
                            "outlets": list(s.outlets), "first": output.iso(s.first),
                            "last": output.iso(s.last)} for s in stories])
    else:
        for s in stories:
            print(f"{s.id:>5}  {len(s.article_ids):>3} articles  {len(s.outlets)} outlets  "
                  f"{s.label}")
    return 0


def cmd_tags(desk: Desk, args: argparse.Namespace) -> int:
    tags = desk.all_tags()
    if args.json:
        output.print_json([{"tag": t, "articles": n} for t, n in tags])
    else:
        for tag, count in tags:
            print(f"{count:>6}  {tag}")
    return 0


def cmd_rename_tag(desk: Desk, args: argparse.Namespace) -> int:
    print(f"{desk.rename_tag(args.old, args.new)} articles retagged")
    return 0


def cmd_delete_tag(desk: Desk, args: argparse.Namespace) -> int:
    print(f"tag removed from {desk.delete_tag(args.tag)} articles")
    return 0


def cmd_apply_rules(desk: Desk, args: argparse.Namespace) -> int:
    result = desk.apply_rules()
    print(f"{result.tagged} tags added, {result.muted} articles muted")
    return 0


def cmd_export(desk: Desk, args: argparse.Namespace) -> int:
    query = " ".join(args.query) or "is:saved"
    _write(desk.export(query, args.format), args.output)
    return 0


def cmd_import_opml(desk: Desk, args: argparse.Namespace) -> int:
    from tui.cli.run import CliError
    from tui.core.config.feedlist import append_feeds
    from tui.core.config.opml import OpmlError, OpmlFeed, parse_opml

    try:
        feeds = parse_opml(Path(args.file).read_bytes(),
                           on_skip=lambda why: print(f"skipped: {why}", file=sys.stderr))
    except OSError as exc:
        raise CliError(f"{args.file}: {exc.strerror}", 2) from None
    except OpmlError as exc:
        raise CliError(f"{args.file}: {exc}", 2) from None
    known = {f.url for f in desk.config.feeds}
    names = {f.name for f in desk.config.feeds}
    new = []
    for feed in feeds:
        if feed.url in known:
            continue
        name, n = feed.name, 2
        while name in names:  # a new URL under a name already used: keep both, renamed
            name, n = f"{feed.name} ({n})", n + 1
        names.add(name)
        new.append(OpmlFeed(name, feed.url, feed.tags))
    for feed in new:
        print(f"+ {feed.name}  {feed.url}  {list(feed.tags)}")
    if args.dry_run or not new:
        print(f"{len(new)} new feeds ({len(feeds) - len(new)} already listed)")
        return 0
    if desk.config.path is None:
        raise CliError("no feeds.toml to add to: pass --config PATH", 2)
    append_feeds(desk.config.path, new)
    print(f"added {len(new)} feeds to {desk.config.path}")
    return 0


def cmd_export_opml(desk: Desk, args: argparse.Namespace) -> int:
    from tui.core.config.opml import write_opml

    _write(write_opml(desk.config.feeds), args.output)
    return 0


EXTRA_COMMANDS: dict[str, Callable[[Any, argparse.Namespace], int]] = {
    "actors": cmd_actors, "related": cmd_related, "stories": cmd_stories, "tags": cmd_tags,
    "rename-tag": cmd_rename_tag, "delete-tag": cmd_delete_tag, "apply-rules": cmd_apply_rules,
    "export": cmd_export, "import-opml": cmd_import_opml, "export-opml": cmd_export_opml,
}


def enrich_article_json(desk: Desk, article: Article, data: dict[str, Any]) -> dict[str, Any]:
    """`show --json` adds the actors named and the story the article belongs to."""
    data["actors"] = [{"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases),
                       "count": a.count} for a in desk.actors_of(article.id)]
    story = desk.story_of(article.id)
    data["story"] = None if story is None else {"id": story.id, "label": story.label}
    return data
