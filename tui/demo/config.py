"""The demo folder's feeds.toml: written once, then only its demo feed URLs are updated.

The file is the user's as soon as it exists: a saved view (`V`), `[keys]`, a `browser`, their
own feeds and comments all stay. What the demo owns there is the URL of each demo feed, which
names the port of the server that last started; a run on another port rewrites those URL
strings in place (text, not TOML: tomllib cannot write, and a writer would drop comments),
checked by the loader before the file is replaced.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from tui.core.config.loader import load_config
from tui.core.config.userfiles import UserFileError, replace_checked

__all__ = ["DEMO_EXTRAS", "demo_not_served", "demo_port", "point_at", "user_demo_folder",
           "write_demo_config"]

# A demo feed's URL as the demo writes it: `url = "http://127.0.0.1:PORT/<outlet>/feed.xml"`.
_URL_LINE = re.compile(r"""(?m)^([ \t]*url[ \t]*=[ \t]*)(["'])http://127\.0\.0\.1:(\d+)"""
                       r"""/([a-z0-9-]+)/feed\.xml\2""")


class _Feed(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def lang(self) -> str: ...


class _Served(Protocol):
    """What the config needs of a demo site: its base URL, its outlets' feeds."""

    @property
    def base_url(self) -> str: ...
    @property
    def feeds(self) -> Iterable[_Feed]: ...


def _toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped) + '"'


# Saved views and a rule, so the demo shows what a working feeds.toml looks like.
DEMO_EXTRAS = [
    "[[view]]", 'name = "Shoigu"', 'query = "actor:sergei-shoigu"', "",
    "[[view]]", 'name = "Iran security"',
    'query = "actor:irgc OR actor:ali-akbar-ahmadian OR actor:mohammad-bagheri"', "",
    "[[view]]", 'name = "Unread analysis"', 'query = "+analysis is:unread"', "",
    "[[rule]]", 'query = "actor:hamas OR actor:hezbollah OR actor:houthis"',
    'tag = "armed-groups"', "",
]


def _first_text(served: _Served) -> str:
    lines = ["# newsdesk demo: feeds served by the bundled loopback server. This file is yours:",
             "# a later demo run changes only the port in the demo feeds' URLs.", "",
             "[settings]", 'cache_dir = "cache"', ""]
    for feed in served.feeds:
        tags = ", ".join(_toml_str(t) for t in feed.tags)
        lines += ["[[feed]]", f"name = {_toml_str(feed.name)}", f"url = {_toml_str(feed.url)}",
                  f"tags = [{tags}]", f"lang = {_toml_str(feed.lang)}", ""]
    return "\n".join(lines + DEMO_EXTRAS)


def point_at(text: str, served: _Served) -> str:
    """`text` with every demo feed URL naming `served`'s port; every other byte kept."""
    slugs = {feed.url.rsplit("/", 2)[-2]: feed.url for feed in served.feeds}

    def swap(match: re.Match[str]) -> str:
        url = slugs.get(match.group(4))
        if url is None:
            return match.group(0)
        return f"{match.group(1)}{match.group(2)}{url}{match.group(2)}"

    return _URL_LINE.sub(swap, text)


def demo_port(path: Path) -> int:
    """The port the file's demo feeds name (0: none, or no file): the server tries it first."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 0
    match = _URL_LINE.search(text)
    return int(match.group(3)) if match and int(match.group(3)) < 65536 else 0


def write_demo_config(directory: Path, served: _Served) -> Path:
    """``directory/feeds.toml`` for the running demo; return its path. A new folder gets the
    whole file; an existing one only has its demo feed URLs pointed at `served` (and is not
    touched at all when they already are)."""
    path = directory / "feeds.toml"
    try:
        old: str | None = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        old = None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserFileError(f"cannot read {path}: {exc}") from None
    new = _first_text(served) if old is None else point_at(old, served)
    if new != old:
        replace_checked(path, new, load_config)
    return path


def user_demo_folder() -> Path:
    """Where `newsdesk demo` keeps its config and cache without --dir."""
    from tui.core.config.userdirs import user_dir

    return user_dir("data") / "demo"


def demo_not_served(path: Path | None, urls: Iterable[str], errors: Iterable[str]) -> str | None:
    """How to start the demo, when `path` is a demo folder's feeds.toml, all its feeds are
    the demo's outlets and every failure (`errors`, one at least) is a refused connection: its site
    is served only while `newsdesk demo` runs. None otherwise (said by the CLI's fetch and
    the reader's `R` and `e` alike)."""
    port = demo_port(path) if path is not None else 0
    urls, errors = list(urls), list(errors)
    if path is None or not port or not urls or not errors:
        return None
    # The demo's outlets by name: a local bridge or site of the user's own on 127.0.0.1,
    # laid out the same way, is down, not the demo (`newsdesk demo --dir` on their folder).
    from tui.demo.site import load_site

    demo_urls = {f"http://127.0.0.1:{port}/{outlet.slug}/feed.xml"
                 for outlet in load_site().outlets}
    if not all(url in demo_urls for url in urls):
        return None
    if not all(error.startswith("could not connect") for error in errors):
        return None
    where = "" if path.parent == user_demo_folder() else f" --dir {shlex.quote(str(path.parent))}"
    return (f"the demo site is served only while the demo runs: `newsdesk demo{where}` "
            f"opens it, `newsdesk demo --fetch-only{where}` fetches it and exits")
