"""tags, rename-tag, delete-tag, apply-rules: tag upkeep."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli import output
from tui.cli.configinfo import tell
from tui.cli.errors import CliError
from tui.cli.registry import Command
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.core.desk import Desk


def _json_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true",
                   help="print JSON (its keys: the README's JSON for scripts)")


def tags(desk: Desk, args: argparse.Namespace) -> int:
    rows = desk.all_tags()
    if args.json:
        output.print_json([output.tag_json(t, n) for t, n in rows])
    else:
        for name, count in rows:
            print(f"{count:>6}  {name}")
    if not rows:
        tell("no tags yet: `newsdesk tag ID --add TAG` adds one (t in the reader), and "
             "[[rule]] tables in feeds.toml tag articles as they arrive")
    return 0


def _rename_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("old", help="the tag as `newsdesk tags` lists it (any case)")
    p.add_argument("new", help="its new name, spelt as given (to change only its case too); "
                               "a tag of that name already is merged with it")


def known_tag(desk: Desk, name: str) -> None:
    """A tag to rename or delete that no article has is a typo far more often than not: say
    so, with the tags it is close to, exit 1 (not "0 articles retagged", exit 0)."""
    import difflib

    from tui.core import tagnames

    names = [t for t, _ in desk.all_tags()]
    if any(tagnames.key(t) == tagnames.key(name) for t in names):
        return
    folded = {tagnames.key(t): t for t in names}
    close = [folded[k] for k in difflib.get_close_matches(tagnames.key(name), list(folded),
                                                          n=3, cutoff=0.6)]
    hint = f" (did you mean {' or '.join(repr(t) for t in close)}?)" if close else \
        " (`newsdesk tags` lists them)"
    raise CliError(f"no tag {name!r}{hint}")


def rename_tag(desk: Desk, args: argparse.Namespace) -> int:
    known_tag(desk, args.old)
    try:
        count = desk.rename_tag(args.old, args.new)
    except ValueError as exc:  # an empty new name
        raise CliError(f"rename-tag: {exc}", 2) from None
    print(f"{counted(count, 'article')} retagged")
    return 0


def _delete_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("tag", help="the tag as `newsdesk tags` lists it (any case); the articles "
                               "stay")


def delete_tag(desk: Desk, args: argparse.Namespace) -> int:
    known_tag(desk, args.tag)
    print(f"tag removed from {counted(desk.delete_tag(args.tag), 'article')}")
    return 0


def apply_rules(desk: Desk, args: argparse.Namespace) -> int:
    result = desk.apply_rules()
    print(f"{counted(result.tagged, 'tag')} added, "
          f"{counted(result.muted, 'article')} muted")
    return 0


COMMANDS = (
    Command("tags", "every tag with its article count", tags, _json_argument),
    Command("rename-tag", "rename a tag everywhere (merging into an existing one)", rename_tag,
            _rename_arguments),
    Command("delete-tag", "remove a tag from every article", delete_tag, _delete_arguments),
    Command("apply-rules", "apply the [[rule]] and [[mute]] tables of feeds.toml to the whole "
            "cache", apply_rules),
)
