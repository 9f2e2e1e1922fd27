"""Add feeds (and saved views) to a feeds.toml without disturbing the user's comments and
layout.

tomllib only reads, and rewriting the file through a TOML writer would drop comments, so new
tables are appended as text, then the whole file is validated before it replaces the old one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from tui.core.config.loader import load_config
from tui.core.config.userfiles import UserFileError, replace_checked
from tui.core.models import FeedLike


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def feed_tables(feeds: Iterable[FeedLike]) -> str:
    """A feed the list gave no name gets none here either: it shows its own title once
    fetched (its host until then), as newsboat shows it; a `name` line chooses another."""
    blocks = []
    for feed in feeds:
        tags = ", ".join(_string(t) for t in feed.tags)
        name = (f"name = {_string(feed.name)}\n" if getattr(feed, "named", True) else
                "# no name: shown by the feed's own title (name = \"...\" chooses one)\n")
        blocks.append(f"[[feed]]\n{name}url = {_string(feed.url)}\ntags = [{tags}]\n")
    return "\n".join(blocks)


def view_tables(views: Iterable[tuple[str, str]]) -> str:
    return "".join(f"\n[[view]]\nname = {_string(name)}\nquery = {_string(query)}\n"
                   for name, query in views)


def append_feeds(path: Path, feeds: Iterable[FeedLike], source: str = "OPML",
                 views: Iterable[tuple[str, str]] = ()) -> None:
    """Append [[feed]] (and [[view]]) tables atomically; a result that would not load is
    never written."""
    try:
        old = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    except OSError as exc:
        raise UserFileError(f"cannot read {path}: {exc.strerror}") from None
    new = (old.rstrip("\n") + f"\n\n# imported from {source}\n" + feed_tables(feeds)
           + view_tables(views))
    replace_checked(path, new, load_config)


def write_new_list(path: Path, feeds: Iterable[FeedLike], source: str,
                   how: str = "import-opml", views: Iterable[tuple[str, str]] = ()) -> None:
    """A feeds.toml of these feeds only (an import on a fresh install, or over the curated
    list as first written: the user's own list, not the curated one under it); refused, as a
    replacement would be, if it would not load."""
    header = (f"# newsdesk feed list, imported from {source} by `newsdesk {how}`.\n"
              "# Edit freely: tags = [...] are added to every article of the feed (an OPML\n"
              "# file gives its folders as tags, newsboat's urls file its own tags, its OPML\n"
              "# none). Settings go in [settings].\n\n")
    replace_checked(path, header + feed_tables(feeds) + view_tables(views), load_config)


def append_view(path: Path, name: str, query: str) -> None:
    """Append one [[view]] table atomically (the app's "save this filter as a view")."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    new = (old.rstrip("\n") + f"\n\n[[view]]\nname = {_string(name)}\n"
           f"query = {_string(query)}\n")
    replace_checked(path, new, load_config)
