"""Add one feed to feeds.toml, or take one out (`newsdesk add-feed` / `remove-feed`, the
reader's `i` and `X`), editing the text: the user's comments, blank lines and order stay,
which a TOML writer would lose (tomllib only reads).

Each edit is checked twice before it replaces the file: the document read back must be the
old one with exactly that feed added or gone (an unusual layout, a `feed = [...]` array or a
header inside a multi-line string, is refused with what to do by hand), and it must load
(`replace_checked`). A removed feed's row stays in the cache (store/feeds.py `sync_feeds`):
its articles stay in All and searches until keep_days prunes them, and saved or tagged ones
are never pruned.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tui.core import tagnames
from tui.core.config.checks import lang_code
from tui.core.config.import_plan import plan_import
from tui.core.config.loader import Config, Feed, load_config, with_titles
from tui.core.config.opml import OpmlFeed
from tui.core.config.userfiles import UserFileError, replace_checked


class FeedEditError(ValueError):
    """The feed cannot be added or removed as asked; the message says why, and the file is
    as it was."""


@dataclass(frozen=True, slots=True)
class NewFeed:
    """A feed to add, checked (`new_feed`). No `name`: the feed's own title shows once
    fetched, as for an imported feed without one."""

    url: str
    name: str = ""
    tags: tuple[str, ...] = ()
    lang: str | None = None

    @property
    def named(self) -> bool:
        return bool(self.name)


def new_feed(config: Config, url: str, name: str = "", tags: Iterable[str] = (),
             lang: str | None = None) -> NewFeed:
    """The feed as it would be written, or FeedEditError: a URL that is no http(s) feed
    address, a lang that is no code, a URL listed already (spelt as `import-newsboat`
    compares them), a name another feed has."""
    url = url.strip()
    if not url:
        raise FeedEditError("a feed needs a URL (http:// or https://)")
    if any(ch.isspace() for ch in url):
        raise FeedEditError(f"a URL has no spaces: {url!r}")
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - a malformed port raises here
    except ValueError as exc:
        raise FeedEditError(f"not a usable URL: {url!r} ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        bare = "://" not in url
        hint = f"; did you mean 'https://{url}'?" if bare else ""
        raise FeedEditError(f"a feed URL starts with http:// or https://, not {url!r}{hint}")
    if not host:
        raise FeedEditError(f"the URL names no host: {url!r}")
    name = " ".join(name.split())
    kept: list[str] = []
    for tag in tags:
        tag = tagnames.typed(tag)
        if tag and all(tagnames.key(tag) != tagnames.key(t) for t in kept):
            kept.append(tag)
    if lang is not None and lang.strip():
        try:
            lang = lang_code(lang)
        except ValueError as exc:
            raise FeedEditError(f"--lang {exc}") from None
    else:
        lang = None
    feed = NewFeed(url, name, tuple(kept), lang)
    _not_listed(config, feed)
    return feed


def _not_listed(config: Config, feed: NewFeed) -> None:
    plan = plan_import(config.feeds, [OpmlFeed(feed.name or feed.url, feed.url, feed.tags,
                                               feed.named)])
    for found in plan.listed:
        raise FeedEditError(f"{feed.url} is listed already, as {found.listed.name!r} "
                            f"({found.listed.url})")
    for found in plan.probable:
        raise FeedEditError(f"{feed.url} is most likely the feed listed as "
                            f"{found.listed.name!r} ({found.listed.url}): the same host and "
                            "path; edit feeds.toml by hand if it is another feed")
    if feed.named:
        taken = next((f for f in config.feeds if f.name.casefold() == feed.name.casefold()),
                     None)
        if taken is not None:
            raise FeedEditError(f"a feed is named {taken.name!r} already ({taken.url}): "
                                "choose another name")


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def table_text(feed: NewFeed) -> list[str]:
    """The [[feed]] table's lines, as an import writes them, but `tags` and `lang` only
    when given."""
    lines = ["[[feed]]"]
    lines.append(f"name = {_string(feed.name)}" if feed.named else
                 "# no name: shown by the feed's own title (name = \"...\" chooses one)")
    lines.append(f"url = {_string(feed.url)}")
    if feed.tags:  # none given: no `tags = []` (the key is optional)
        lines.append(f"tags = [{', '.join(_string(t) for t in feed.tags)}]")
    if feed.lang:
        lines.append(f"lang = {_string(feed.lang)}")
    return lines


# -- the file as lines ---------------------------------------------------------------------
_FEED_HEADER = re.compile(r"^\s*\[\[\s*feed\s*\]\]\s*(?:#.*)?$")
_ANY_HEADER = re.compile(r"^\s*\[")
_LOOSE = re.compile(r"^\s*(?:#.*)?$")  # blank or a comment alone


def _read(path: Path) -> tuple[str, str]:
    """The file's text (line ends as they are) and its line end."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            text = file.read()
    except OSError as exc:
        raise UserFileError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise FeedEditError(f"{path}: not UTF-8 text") from None
    return text, "\r\n" if "\r\n" in text else "\n"


def _spans(lines: list[str]) -> list[tuple[int, int]]:
    """Each [[feed]] table as (its header's index, one past its last key line): the comments
    and blank lines after its keys introduce what follows, so they are not its own."""
    headers = [i for i, line in enumerate(lines) if _ANY_HEADER.match(line)]
    spans = []
    for n, start in enumerate(headers):
        if not _FEED_HEADER.match(lines[start]):
            continue
        end = headers[n + 1] if n + 1 < len(headers) else len(lines)
        while end - 1 > start and _LOOSE.match(lines[end - 1]):
            end -= 1
        spans.append((start, end))
    return spans


def _feeds_of(data: dict[str, Any]) -> list[Any]:
    feeds = data.get("feed", [])
    return list(feeds) if isinstance(feeds, list) else []


def _write(path: Path, old: str, lines: list[str], eol: str,
           expected: Callable[[list[Any]], list[Any]]) -> Config:
    """Replace the file with `lines` if they read back as the old document with its feeds
    as `expected` makes them, and load; returns the config now in the file."""
    new = eol.join(lines)
    before, after = tomllib.loads(old), _loads(new)
    wanted = {**before, "feed": expected(_feeds_of(before))}
    got = {**after, "feed": _feeds_of(after)}
    if got != wanted:
        raise FeedEditError(f"{path} is laid out in a way this edit cannot follow (a "
                            "[[feed]] header inside a string, or feeds as one array): edit "
                            "the [[feed]] tables by hand")
    replace_checked(path, new, load_config)
    return load_config(path)


def _loads(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FeedEditError(f"the edit would not be valid TOML ({exc}); the file was left as "
                            "it was: edit the [[feed]] tables by hand") from None


def titled(config: Config, titles: Mapping[str, str]) -> Config:
    """`config` with its unnamed feeds named as the user sees them (`titles`: url -> the
    title the feed sent, from the cache)."""
    return config.replace(feeds=with_titles(config.feeds, titles)) if titles else config


def add_feed(path: Path, feed: NewFeed, titles: Mapping[str, str] = {}) -> Config:
    """Write `feed` after the file's last [[feed]] table (at its end when it has none),
    checked against the file as it is now; returns the config written."""
    config = titled(load_config(path), titles)
    feed = new_feed(config, feed.url, feed.name, feed.tags, feed.lang)  # the file may have changed
    old, eol = _read(path)
    lines = old.split(eol)
    spans = _spans(lines)
    at = spans[-1][1] if spans else len(lines)
    while not spans and at > 0 and not lines[at - 1].strip():
        at -= 1  # after the file's last text, not its trailing blank lines
    block = ["", *table_text(feed)]
    if at == len(lines):
        block.append("")  # the file ends with a line end
    elif lines[at].strip():
        block.append("")
    if at == 0:
        block = block[1:]
    table: dict[str, Any] = {"url": feed.url}
    if feed.tags:
        table["tags"] = list(feed.tags)
    if feed.named:
        table["name"] = feed.name
    if feed.lang:
        table["lang"] = feed.lang
    return _write(path, old, lines[:at] + block + lines[at:], eol,
                  lambda feeds: [*feeds, table])


def find_feed(config: Config, which: str) -> Feed:
    """The listed feed `which` names: by name (any case), or by URL however spelt; else
    FeedEditError with the names it is close to."""
    which = which.strip()
    for feed in config.feeds:
        if feed.name == which:
            return feed
    same = [f for f in config.feeds if f.name.casefold() == which.casefold()]
    if len(same) == 1:
        return same[0]
    if "://" in which:
        plan = plan_import(config.feeds, [OpmlFeed(which, which)])
        if plan.listed:
            return next(f for f in config.feeds if f.url == plan.listed[0].listed.url)
        raise FeedEditError(f"no feed with the URL {which} in {config.path or 'the config'}")
    names = {f.name.casefold(): f.name for f in config.feeds}
    close = [names[c] for c in difflib.get_close_matches(which.casefold(), list(names), n=3,
                                                          cutoff=0.6)]
    hint = f"; did you mean {' or '.join(repr(n) for n in close)}?" if close else \
        " (`newsdesk feeds` lists them)"
    raise FeedEditError(f"no feed named {which!r} in {config.path or 'the config'}{hint}")


def remove_feed(path: Path, which: str,
                titles: Mapping[str, str] = {}) -> tuple[Feed, Config]:
    """Take the [[feed]] table of the feed `which` names (`find_feed`, an unnamed feed by
    the title it sent) out of the file, and only it: comments and tables around it stay.
    Returns the feed and the config written."""
    config = titled(load_config(path), titles)
    feed = find_feed(config, which)
    old, eol = _read(path)
    lines = old.split(eol)
    index = next(i for i, f in enumerate(config.feeds) if f.url == feed.url)
    spans = _spans(lines)
    if len(spans) != len(config.feeds):
        raise FeedEditError(f"{path}: its feeds are not all [[feed]] tables; take out "
                            f"{feed.name!r} ({feed.url}) by hand")
    start, end = spans[index]
    rest = lines[:start] + lines[end:]
    if start < len(rest) and start > 0 and not rest[start].strip() \
            and not rest[start - 1].strip():
        del rest[start]  # one blank line where the table was, not two
    elif start == 0:
        while rest and not rest[0].strip() and len(rest) > 1:
            del rest[0]
    return feed, _write(path, old, rest, eol, lambda feeds: feeds[:index] + feeds[index + 1:])
