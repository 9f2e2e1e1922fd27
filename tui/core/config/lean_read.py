"""feeds.toml as an all-304 `newsdesk fetch` needs it (cli/lean_fetch.py, refresh/lean.py),
read without pathlib, re, typing or urllib and without the loader's records and checks:
loading those was about a sixth of such a run's CPU.

`read` takes only a file the loader would take as written: plainly written (toml_plain.py),
nothing but `[settings]` and `[[feed]]`, every value of the loader's types and ranges
(shape.py), a `cache_dir` that needs no default folder, and named feeds with plain-http
addresses (the only ones the sweep asks). Anything else is None, having said nothing, and the
loader reads the file as every other command does (`of_config` gives its reading this form):
the loader words every mistake. tests/test_lean_config.py compares the two readings.
"""

from __future__ import annotations

import math
import os

from tui.core.basics import BIDI_MODES
from tui.core.config import shape, toml_plain
from tui.core.ingest.feed_request import plain_address

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from tui.core.config.loader import Config

# The loader's defaults (Settings) for what the lean fetch reads; the test keeps them equal.
DEFAULTS: dict[str, Any] = {
    "concurrency": 8, "per_host": 2, "connect_timeout": 10.0, "read_timeout": 20.0,
    "keep_days": 90, "extract": True, "max_pages_per_feed": 100, "allow_private_links": False}


class LeanSettings:
    """The settings an unchanged refresh uses; `cache_dir` resolved, as the loader's."""

    __slots__ = ("allow_private_links", "cache_dir", "concurrency", "connect_timeout",
                 "extract", "keep_days", "max_pages_per_feed", "per_host", "read_timeout")

    def __init__(self, cache_dir: str, values: dict[str, Any]) -> None:
        self.cache_dir = cache_dir
        self.concurrency: int = values["concurrency"]
        self.per_host: int = values["per_host"]
        self.connect_timeout: float = values["connect_timeout"]
        self.read_timeout: float = values["read_timeout"]
        self.keep_days: int = values["keep_days"]
        self.extract: bool = values["extract"]
        self.max_pages_per_feed: int = values["max_pages_per_feed"]
        self.allow_private_links: bool = values["allow_private_links"]


class LeanFeed:
    """A configured feed: its name, address, tags (as the loader spells them), `extract`."""

    __slots__ = ("extract", "name", "named", "tags", "url")

    def __init__(self, name: str, url: str, tags: tuple[str, ...], extract: bool,
                 named: bool = True) -> None:
        self.name, self.url, self.tags, self.extract, self.named = name, url, tags, extract, named


class LeanConfig:
    """The file (resolved), its settings and feeds, and the user's actors.toml if any."""

    __slots__ = ("actors_file", "feeds", "path", "settings")

    def __init__(self, path: str | None, settings: LeanSettings, feeds: tuple[LeanFeed, ...],
                 actors_file: str | None) -> None:
        self.path, self.settings, self.feeds = path, settings, feeds
        self.actors_file = actors_file


def explicit_path(explicit: str | None) -> str | None:
    """The file `find_config` takes without looking: --config's, else $NEWSDESK_CONFIG's."""
    given = explicit or os.environ.get(shape.CONFIG_ENV)
    return os.path.expanduser(given) if given else None


def read(path: str) -> LeanConfig | None:
    """The file as the loader would read it, or None when the loader is to read it."""
    try:
        with open(path, "rb") as file:
            text = file.read().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    data = toml_plain.loads(text)
    if data is None or not set(data) <= {"settings", "feed"}:
        return None
    settings = _settings(data.get("settings", {}), os.path.dirname(path))
    feeds = _feeds(data.get("feed", []))
    if settings is None or feeds is None:
        return None
    resolved = os.path.realpath(path)
    actors = os.path.join(os.path.dirname(resolved), "actors.toml")
    return LeanConfig(resolved, settings, feeds, actors if os.path.exists(actors) else None)


def _settings(raw: object, base: str) -> LeanSettings | None:
    if not isinstance(raw, dict) or not set(raw) <= set(shape.SETTING_TYPES):
        return None
    values = dict(DEFAULTS)
    for key, value in raw.items():
        if not shape.typed(value, shape.SETTING_TYPES[key]):
            return None
        if key in shape.RANGES and not _in_range(key, value):
            return None
        values[key] = value
    if 0 < raw.get("text_width", 0) < shape.MIN_TEXT_WIDTH \
            or raw.get("bidi", "auto") not in BIDI_MODES:
        return None
    folder = os.path.expandvars(os.path.expanduser(raw.get("cache_dir", "")))
    if not folder or "$" in folder:  # the platform's folder, or a variable not set
        return None
    return LeanSettings(os.path.realpath(os.path.join(base, folder)), values)


def _in_range(key: str, value: float) -> bool:
    """checks.number's test, without its words."""
    low, high = shape.RANGES[key]
    if isinstance(value, float) and not math.isfinite(value):
        return False
    if value <= 0 and key.endswith("_timeout"):
        return False
    return value >= 0 and low <= value <= high


def _feeds(raw: object) -> tuple[LeanFeed, ...] | None:
    if not isinstance(raw, list):
        return None
    feeds: list[LeanFeed] = []
    names: set[str] = set()
    urls: set[str] = set()
    for table in raw:
        if not isinstance(table, dict) or not set(table) <= set(shape.FEED_KEYS) or not all(
                shape.typed(value, shape.FEED_KEYS[key]) for key, value in table.items()):
            return None
        name, url = table.get("name", "").strip(), table.get("url", "").strip()
        if not name or name in names or url in urls or plain_address(url) is None:
            return None  # no name (the loader names it), a repeat, not plain http
        if "lang" in table and not _lang_code(table["lang"].strip()):
            return None
        tags = _tags(table.get("tags", []))
        if tags is None:
            return None
        names.add(name)
        urls.add(url)
        feeds.append(LeanFeed(name, url, tags, table.get("extract", True)))
    return tuple(feeds)


def _tags(raw: Iterable[object]) -> tuple[str, ...] | None:
    """loader._tags's reading: each shown as tagnames spells it, once by its key."""
    out: list[str] = []
    keys: set[str] = set()
    for item in raw:
        if not isinstance(item, str):
            return None
        from tui.core import tagnames  # a feed with tags: only then

        tag = tagnames.display(item)
        if not tag:
            return None
        if tagnames.key(tag) not in keys:
            keys.add(tagnames.key(tag))
            out.append(tag)
    return tuple(out)


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LETTERS_DIGITS = _LETTERS | frozenset("0123456789")


def _lang_code(text: str) -> bool:
    """checks.lang_code's pattern, [A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*, read without re."""
    first, *rest = text.replace("_", "-").split("-")
    return 2 <= len(first) <= 3 and _LETTERS.issuperset(first) and all(
        1 <= len(part) <= 8 and _LETTERS_DIGITS.issuperset(part) for part in rest)


def of_config(config: Config) -> LeanConfig:
    """The loader's reading in this form (a file `read` left to the loader)."""
    settings = config.settings
    values = {key: getattr(settings, key) for key in DEFAULTS}
    return LeanConfig(
        None if config.path is None else str(config.path),
        LeanSettings(str(settings.cache_dir), values),
        tuple(LeanFeed(f.name, f.url, f.tags, f.extract, f.named) for f in config.feeds),
        None if config.actors_file is None else str(config.actors_file))
