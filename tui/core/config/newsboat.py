"""newsboat's `urls` file as a feed list, read as newsboat reads it.

One feed a line: its URL, then its tags, split on whitespace; a tag with spaces is quoted
(`"Middle East"`, a `\\"` inside), a `~` tag is the feed's title (`"~Meduza in English"`), a
`!` tag hides the feed in newsboat's list (nothing to carry over). A `#` line is a comment.
`query:` lines are newsboat's saved searches, not feeds, and `exec:`/`filter:` ones run
programs: each is skipped with a reason (a query can become a [[view]] by hand). A feed
with no `~` title is named after its host (host and path when two share a host), which
feeds.toml lets the user change.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

from tui.core import tagnames
from tui.core.config.opml import OpmlFeed, unique_name


def default_urls_file(env: Mapping[str, str] | None = None) -> list[Path]:
    """Where newsboat keeps it, in the order newsboat looks: ~/.newsboat, then the XDG
    config folder."""
    env = os.environ if env is None else env
    home = Path(env.get("HOME") or Path.home())
    xdg = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
    return [home / ".newsboat" / "urls", xdg / "newsboat" / "urls"]


def parse_urls(text: str, *, on_skip: Callable[[str], None] | None = None) -> list[OpmlFeed]:
    """Feeds in file order; a URL given twice is one feed with both lines' tags."""
    skip = on_skip or (lambda _reason: None)
    found: dict[str, tuple[str, list[str]]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            words = _split(line)
        except ValueError:
            skip(f"line {number}: an unclosed quote, skipped")
            continue
        if not words:
            continue
        url, *rest = words
        if url.startswith("query:"):
            name = url.split(":", 2)[1] if url.count(":") >= 2 else url
            skip(f"line {number}: query feed {name!r} is a saved search, not a feed; skipped "
                 "(a [[view]] in feeds.toml does the same)")
            continue
        if urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).netloc:
            skip(f"line {number}: {url}: not an http(s) feed URL, skipped")
            continue
        title, tags = found.get(url, ("", []))
        for word in rest:
            if word.startswith("~"):
                title = title or " ".join(word[1:].split())
            elif word != "!":
                tag = tagnames.display(word)
                if tag and all(tagnames.key(tag) != tagnames.key(t) for t in tags):
                    tags.append(tag)
        found[url] = (title, tags)
    return _named(found)


def _split(line: str) -> list[str]:
    """Words as newsboat splits them: whitespace between, double quotes around a word with
    spaces, a backslash escaping the next character. `#` inside a URL stays (no comments)."""
    lexer = shlex.shlex(line, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    lexer.quotes = '"'
    return list(lexer)


def _named(found: dict[str, tuple[str, list[str]]]) -> list[OpmlFeed]:
    hosts = [urlsplit(url).netloc for url, (title, _) in found.items() if not title]
    feeds: list[OpmlFeed] = []
    seen: set[str] = set()
    for url, (title, tags) in found.items():
        parts = urlsplit(url)
        name = title or (parts.netloc if hosts.count(parts.netloc) == 1
                         else (parts.netloc + parts.path).rstrip("/"))
        feeds.append(OpmlFeed(unique_name(name, seen), url, tuple(tags)))
    return feeds
