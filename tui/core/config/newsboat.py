"""newsboat's `urls` file as a feed list, read as newsboat reads it.

One feed a line: its URL, then its tags, split on whitespace; a tag with spaces is quoted
(`"Middle East"`, a `\\"` inside), a `~` tag is the feed's title (`"~Meduza in English"`), a
`!` tag hides the feed in newsboat's list (nothing to carry over). A `#` line is a comment,
and so is the rest of a line from an unquoted `#` that starts a word.
`query:` lines are newsboat's saved searches, not feeds: the caller hears them (a [[view]]
here, tui/core/config/newsboat_query.py); `exec:`/`filter:` ones run programs: each is
skipped with a reason. A feed
with no `~` title is written without a name, as newsboat shows it: by its own title once
fetched, by its host (host and path when two share a host) until then.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

from tui.core import tagnames
from tui.core.config.opml import OpmlFeed, unique_name


def default_urls_file(env: Mapping[str, str] | None = None) -> list[Path]:
    """Where newsboat keeps it, in the order newsboat looks: ~/.newsboat, then the XDG
    config folder."""
    env = os.environ if env is None else env
    try:
        home: Path | None = Path(env.get("HOME") or Path.home())
    except RuntimeError:  # HOME unset and the account has no home folder
        home = None
    xdg = env.get("XDG_CONFIG_HOME") or (home and home / ".config")
    return [*([home / ".newsboat" / "urls"] if home else []),
            *([Path(xdg) / "newsboat" / "urls"] if xdg else [])]


def parse_urls(text: str, *, on_skip: Callable[[str], None] | None = None,
               on_query: Callable[[int, str, str], None] | None = None) -> list[OpmlFeed]:
    """Feeds in file order; a URL given twice is one feed with both lines' tags.
    `on_query(line, name, filter)` hears each query feed (else it is skipped, said)."""
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
            name, _, condition = url[len("query:"):].partition(":")
            if on_query is not None and name.strip() and condition.strip():
                on_query(number, " ".join(name.split()), condition)
            else:
                skip(f"line {number}: query feed {name or url!r} is a saved search, not a "
                     "feed; skipped (a [[view]] in feeds.toml does the same)")
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
    """Words as newsboat's tokenizer splits them: whitespace between, double quotes around a
    word with spaces (a backslash escapes the next character inside), and an unquoted `#` at
    the start of a word ends the line (a trailing comment). A `#` inside a word (a URL's
    fragment) stays. Raises ValueError on an unclosed quote."""
    words: list[str] = []
    i, end = 0, len(line)
    while i < end:
        if line[i].isspace():
            i += 1
            continue
        if line[i] == "#":
            break
        word: list[str] = []
        while i < end and not line[i].isspace():
            if line[i] != '"':
                word.append(line[i])
                i += 1
                continue
            i += 1  # a quoted stretch, escapes inside
            while i < end and line[i] != '"':
                if line[i] == "\\" and i + 1 < end:
                    i += 1
                word.append(line[i])
                i += 1
            if i >= end:
                raise ValueError("unclosed quote")
            i += 1
        words.append("".join(word))
    return words


def _named(found: dict[str, tuple[str, list[str]]]) -> list[OpmlFeed]:
    hosts = Counter(urlsplit(url).netloc for url, (title, _) in found.items() if not title)
    feeds: list[OpmlFeed] = []
    seen: set[str] = set()
    tried: dict[str, int] = {}
    for url, (title, tags) in found.items():
        parts = urlsplit(url)
        name = title or (parts.netloc if hosts[parts.netloc] == 1
                         else (parts.netloc + parts.path).rstrip("/"))
        feeds.append(OpmlFeed(unique_name(name, seen, tried), url, tuple(tags),
                              named=bool(title)))
    return feeds
