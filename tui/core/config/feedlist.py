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
from tui.core.config.opml import OpmlFeed
from tui.core.config.userfiles import UserFileError, replace_checked
from tui.core.models import FeedLike


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def feed_tables(feeds: Iterable[FeedLike]) -> str:
    blocks = []
    for feed in feeds:
        tags = ", ".join(_string(t) for t in feed.tags)
        blocks.append(f"[[feed]]\nname = {_string(feed.name)}\nurl = {_string(feed.url)}\n"
                      f"tags = [{tags}]\n")
    return "\n".join(blocks)


def append_feeds(path: Path, feeds: Iterable[FeedLike], source: str = "OPML") -> None:
    """Append [[feed]] tables atomically; a result that would not load is never written."""
    try:
        old = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    except OSError as exc:
        raise UserFileError(f"cannot read {path}: {exc.strerror}") from None
    new = old.rstrip("\n") + f"\n\n# imported from {source}\n" + feed_tables(feeds)
    replace_checked(path, new, load_config)


def write_new_list(path: Path, feeds: Iterable[FeedLike], source: str,
                   how: str = "import-opml") -> None:
    """A feeds.toml of these feeds only (an import on a fresh install: the user's own list,
    not the curated one under it); refused, as a replacement would be, if it would not load."""
    header = (f"# newsdesk feed list, imported from {source} by `newsdesk {how}`.\n"
              "# Edit freely: tags = [...] are added to every article of the feed (an OPML\n"
              "# file gives its folders as tags, newsboat's urls file its own tags, its OPML\n"
              "# none). Settings go in [settings].\n\n")
    replace_checked(path, header + feed_tables(feeds), load_config)


def append_view(path: Path, name: str, query: str) -> None:
    """Append one [[view]] table atomically (the app's "save this filter as a view")."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    new = (old.rstrip("\n") + f"\n\n[[view]]\nname = {_string(name)}\n"
           f"query = {_string(query)}\n")
    replace_checked(path, new, load_config)


def new_feeds(listed: Iterable[FeedLike], incoming: Iterable[FeedLike]) -> list[OpmlFeed]:
    """The incoming feeds whose URL is not listed yet. A new URL under a name already used keeps
    both, the newcomer renamed "Name (2)": names must stay unique in feeds.toml."""
    listed = list(listed)
    known = {f.url for f in listed}
    names = {f.name for f in listed}
    new = []
    for feed in incoming:
        if feed.url in known:
            continue
        known.add(feed.url)
        name, n = feed.name, 2
        while name in names:
            name, n = f"{feed.name} ({n})", n + 1
        names.add(name)
        new.append(OpmlFeed(name, feed.url, tuple(feed.tags)))
    return new
