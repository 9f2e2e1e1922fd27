"""Read and validate `feeds.toml`.

Every mistake in the file becomes a `ConfigError` that names the file, the key and what was
expected, so the CLI can print one line instead of a traceback.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from tui.core import tagnames
from tui.core.basics import BIDI_MODES
from tui.core.config import checks, shape, toml_plain
from tui.core.config.checks import ConfigError, Source
from tui.core.config.feed_names import with_titles
from tui.core.config.userdirs import APP_NAME
from tui.core.toml_lines import Where

__all__ = ["APP_NAME", "CONFIG_ENV", "Config", "ConfigError", "Feed", "Rule", "Settings", "View",
           "find_config", "load_config", "parse_config", "resolve_config", "with_titles"]

CONFIG_ENV = shape.CONFIG_ENV


# The records are NamedTuples, not dataclasses: every command makes them, and the dataclasses
# module (which loads inspect, ast, dis and tokenize) cost ~10 ms of an unchanged fetch. Their
# `replace` is dataclasses.replace's (NamedTuple's own `_replace`).


class Settings(NamedTuple):
    cache_dir: Path
    concurrency: int = 8
    per_host: int = 2
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    keep_days: int = 90
    extract: bool = True
    refresh_minutes: int = 0
    mark_read_on_open: bool = True
    confirm_mark_all_feeds_read: bool = True  # `C` asks first, as newsboat's default does
    max_feed_bytes: int = 10 * 1024 * 1024
    max_page_bytes: int = 5 * 1024 * 1024
    max_pages_per_feed: int = 100  # article pages fetched per feed in one refresh, newest first
    allow_private_links: bool = False  # item links may reach private/loopback addresses
    browser: str = ""  # what `o` runs, as in newsboat: a command with %u, no shell
    text_width: int = 80  # the reader's longest line (a reading measure); 0: no cap
    hide_read: bool = False  # lists start with read articles hidden (`l` toggles)
    bidi: str = "auto"  # who orders right-to-left text: auto, app or terminal (core/visual.py)

    def replace(self, **changes: Any) -> Settings:
        return self._replace(**changes)


class Feed(NamedTuple):
    name: str
    url: str
    tags: tuple[str, ...] = ()
    lang: str | None = None
    extract: bool = True
    named: bool = True  # False: no `name` in the file; `name` is the host until the feed's
    # own title is known (`with_titles`), as newsboat names a feed

    def replace(self, **changes: Any) -> Feed:
        return self._replace(**changes)


class Rule(NamedTuple):
    query: str
    tag: str


class View(NamedTuple):
    name: str
    query: str


class Config(NamedTuple):
    path: Path | None
    settings: Settings
    feeds: tuple[Feed, ...] = ()
    rules: tuple[Rule, ...] = ()
    mutes: tuple[str, ...] = ()
    views: tuple[View, ...] = ()
    keys: Mapping[str, str] = MappingProxyType({})

    @property
    def actors_path(self) -> Path:
        """Where the user's gazetteer additions live: beside feeds.toml, or in the cache folder
        when there is no config file. The one rule for reading and writing them."""
        base = self.path.parent if self.path is not None else self.settings.cache_dir
        return base / "actors.toml"

    @property
    def actors_file(self) -> Path | None:
        """The user's actors.toml if it exists (what the matcher loads)."""
        return self.actors_path if self.actors_path.exists() else None

    def feed_named(self, name: str) -> Feed | None:
        return next((f for f in self.feeds if f.name == name), None)

    def replace(self, **changes: Any) -> Config:
        return self._replace(**changes)


_SETTING_TYPES = shape.SETTING_TYPES
_FEED_KEYS = shape.FEED_KEYS
_TOP_KEYS = shape.TOP_KEYS
_TYPE_WORDS = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
               list: "a list", dict: "a table"}


def _expect(where: Where | str, key: str, value: Any, types: tuple[type, ...]) -> None:
    if not shape.typed(value, types):
        wanted = " or ".join(_TYPE_WORDS.get(t, t.__name__) for t in types)
        raise ConfigError(f"{where}: {key} must be {wanted}, not {value!r}")


def _unknown(src: Source, table: str | None, index: int | None, label: str,
             values: Mapping[str, Any], known: set[str]) -> None:
    """An unknown key, with its line (a top-level one is a table: `[[feeds]]`) and the key
    probably meant."""
    extra = sorted(set(values) - known)
    if extra:
        where = src.where(table, index, extra[0]) if table else src.where(extra[0])
        import difflib  # a mistake's hint: a config without one never loads it

        close = difflib.get_close_matches(extra[0], sorted(known), n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise ConfigError(
            f"{where}: unknown key {label}{extra[0]!r} "
            f"({hint}expected one of: {', '.join(sorted(known))})")


def _tags(src: Source, index: int, value: Any) -> tuple[str, ...]:
    where = src.at("feed", index, "tags")
    _expect(where, f"feed #{index} tags", value, (list,))
    out: list[str] = []
    for item in value:
        _expect(where, f"feed #{index} tags item", item, (str,))
        tag = tagnames.display(item)
        if not tag:
            raise ConfigError(f"{where}: feed #{index} tags: an empty tag")
        if all(tagnames.key(tag) != tagnames.key(t) for t in out):
            out.append(tag)
    return tuple(out)


def _settings(src: Source, raw: Any, base: Path) -> Settings:
    _expect(src.at("settings"), "[settings]", raw, (dict,))
    _unknown(src, "settings", None, "[settings].", raw, set(_SETTING_TYPES))
    values: dict[str, Any] = {}
    for key, value in raw.items():
        _expect(src.at("settings", None, key), f"settings.{key}", value, _SETTING_TYPES[key])
        if key in checks.RANGES:
            checks.number(src, key, value)
        values[key] = value
    if 0 < values.get("text_width", 0) < checks.MIN_TEXT_WIDTH:
        raise ConfigError(f"{src.where('settings', None, 'text_width')}: settings.text_width "
                          f"must be 0 (no cap) or at least {checks.MIN_TEXT_WIDTH}, "
                          f"not {values['text_width']}")
    if values.get("bidi", "auto") not in BIDI_MODES:
        raise ConfigError(f"{src.where('settings', None, 'bidi')}: settings.bidi must be one of "
                          f"{', '.join(map(repr, BIDI_MODES))}, not {values['bidi']!r}")
    cache = values.pop("cache_dir", None)
    if cache:
        cache_dir = base / _expanded(src, cache)
    else:  # platformdirs only when asked: 5 ms of every command otherwise
        from tui.core.config.userdirs import user_dir

        cache_dir = user_dir("cache")
    checks.cache_folder(src, cache_dir)
    return Settings(cache_dir=cache_dir.resolve(), **values)


def _expanded(src: Source, folder: str) -> Path:
    """cache_dir with `~` and `$VARIABLES` expanded, as a shell would: `"$HOME/x"` made a
    folder named `$HOME`. A variable that is not set is an error, not a folder name."""
    expanded = os.path.expandvars(os.path.expanduser(folder))
    unset = re.search(r"\$(\w+|\{[^}]*\})", expanded)
    if unset:
        raise ConfigError(f"{src.where('settings', None, 'cache_dir')}: settings.cache_dir: "
                          f"{unset.group(0)} is not set in the environment ({folder!r})")
    return Path(expanded)


def _feeds(src: Source, raw: Any) -> tuple[Feed, ...]:
    _expect(src.at("feed"), "[[feed]]", raw, (list,))
    feeds: list[Feed] = []
    seen: set[str] = set()
    urls: dict[str, int] = {}
    for i, table in enumerate(raw, 1):
        label = f"feed #{i}"
        _expect(src.at("feed", i), label, table, (dict,))
        _unknown(src, "feed", i, f"in {label}: ", table, set(_FEED_KEYS))
        for key, types in _FEED_KEYS.items():
            if key in table:
                _expect(src.at("feed", i, key), f"{label} {key}", table[key], types)
        if not str(table.get("url", "")).strip():
            raise ConfigError(f"{src.where('feed', i)}: {label} needs a non-empty url")
        if "name" in table and not table["name"].strip():
            raise ConfigError(f"{src.where('feed', i, 'name')}: {label} has an empty name "
                              "(leave `name` out to show the feed's own title)")
        url = table["url"].strip()
        if not url.lower().startswith(("http://", "https://")):
            raise ConfigError(f"{src.where('feed', i, 'url')}: {label} url must start with "
                              f"http:// or https://: {url!r}")
        if not _host(url):
            raise ConfigError(f"{src.where('feed', i, 'url')}: {label} url names no host: "
                              f"{url!r}")
        if url in urls:  # the cache keeps one feed a URL: the second name found nothing
            raise ConfigError(f"{src.where('feed', i, 'url')}: {label} repeats the url of feed "
                              f"#{urls[url]} ({url!r}): list a feed once")
        urls[url] = i
        name = table.get("name", "").strip()
        if name in seen:
            raise ConfigError(f"{src.where('feed', i, 'name')}: {label} repeats the feed name "
                              f"{name!r}")
        if name:
            seen.add(name)
        lang = table.get("lang")
        feeds.append(Feed(name=name, url=url, tags=_tags(src, i, table.get("tags", [])),
                          lang=checks.feed_lang(src, i, lang) if lang is not None else None,
                          extract=table.get("extract", True), named=bool(name)))
    return with_titles(feeds, {})


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # a malformed port or bracket: the fetch says what is wrong
        return "?"


def _pairs(src: Source, raw: Any, section: str,
           keys: tuple[str, str]) -> list[tuple[str, str]]:
    _expect(src.at(section), f"[[{section}]]", raw, (list,))
    out = []
    for i, table in enumerate(raw, 1):
        label = f"{section} #{i}"
        _expect(src.at(section, i), label, table, (dict,))
        _unknown(src, section, i, f"in {label}: ", table, set(keys))
        for key in keys:
            if key not in table:
                raise ConfigError(f"{src.where(section, i)}: {label} needs {key}")
            _expect(src.at(section, i, key), f"{label} {key}", table[key], (str,))
        out.append((table[keys[0]], table[keys[1]]))
    return out


def _rules(src: Source, raw: Any) -> tuple[Rule, ...]:
    rules = []
    for i, (query, tag) in enumerate(_pairs(src, raw, "rule", ("query", "tag")), 1):
        checks.query(src, "rule", i, query, empty_ok=False)
        if not tagnames.display(tag):
            raise ConfigError(f"{src.where('rule', i, 'tag')}: rule #{i} has an empty tag")
        rules.append(Rule(query, tagnames.display(tag)))
    return tuple(rules)


def _mutes(src: Source, raw: Any) -> tuple[str, ...]:
    _expect(src.at("mute"), "[[mute]]", raw, (list,))
    mutes = []
    for i, table in enumerate(raw, 1):
        _expect(src.at("mute", i), f"mute #{i}", table, (dict,))
        _unknown(src, "mute", i, f"in mute #{i}: ", table, {"query"})
        _expect(src.at("mute", i, "query"), f"mute #{i} query", table.get("query"), (str,))
        checks.query(src, "mute", i, table["query"], empty_ok=False)
        mutes.append(table["query"])
    return tuple(mutes)


def _views(src: Source, raw: Any) -> tuple[View, ...]:
    views = []
    for i, (name, query) in enumerate(_pairs(src, raw, "view", ("name", "query")), 1):
        checks.query(src, "view", i, query, empty_ok=True)
        views.append(View(name, query))
    return tuple(views)


def parse_config(data: Mapping[str, Any], *, file: Path | str = "<config>",
                 base: Path | None = None, text: str | None = None) -> Config:
    """Validate an already-decoded TOML document (`text`, when given, locates errors)."""
    src = Source(file, text)
    _unknown(src, None, None, "", data, _TOP_KEYS)
    base = base or Path.cwd()
    keys = data.get("keys", {})
    _expect(src.at("keys"), "[keys]", keys, (dict,))
    config = Config(
        path=Path(file).resolve() if isinstance(file, Path) else None,
        settings=_settings(src, data.get("settings", {}), base),
        feeds=_feeds(src, data.get("feed", [])),
        rules=_rules(src, data.get("rule", [])),
        mutes=_mutes(src, data.get("mute", [])),
        views=_views(src, data.get("view", [])),
        keys=checks.keys(src, keys),
    )
    checks.view_references(src, config.views, [r.query for r in config.rules], config.mutes)
    return config


def load_config(path: Path) -> Config:
    """Read one feeds.toml; relative paths in it are relative to its folder. A UTF-8 BOM
    (Windows editors add one) is accepted."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    return parse_config(toml_plain.document(path, text), file=path, base=path.parent, text=text)


def find_config(explicit: str | None) -> Path | None:
    """--config, then $NEWSDESK_CONFIG, then ./feeds.toml, then the user config dir."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV]).expanduser()
    if Path("feeds.toml").is_file():
        return Path("feeds.toml")
    mine = user_config_path()  # only now: with no home folder, ./feeds.toml still does
    return mine if mine.is_file() else None


def user_config_path() -> Path:
    """Where a user's own feeds.toml lives (platformdirs: ~/.config/newsdesk on Linux).
    ConfigError when there is no home folder (userdirs)."""
    from tui.core.config.userdirs import user_dir

    return user_dir("config") / "feeds.toml"


def resolve_config(explicit: str | None,
                   on_first_run: Callable[[str], None] | None = None) -> Config:
    """The config the user meant. With none anywhere (a first run), the curated feed list is
    written to the user config dir and used; `on_first_run` is told where, in a sentence."""
    path = find_config(explicit)
    if path is not None:
        return load_config(path)
    from tui.core.config.firstrun import CURATED, write_user_config
    from tui.core.config.userdirs import home_from_passwd, no_home_said

    tell = on_first_run or (lambda _message: None)
    where = (f" ({no_home_said()}: the account's home folder, from the password database)"
             if home_from_passwd("config") else "")
    try:
        path = write_user_config(user_config_path())
    except OSError as exc:  # a read-only home: the curated list, straight from the package
        tell(f"cannot write {user_config_path()}{where} ({exc.strerror or exc}); "
             "using the curated feed list from the package")
        import tomllib

        config = parse_config(tomllib.loads(CURATED.read_text(encoding="utf-8")),
                              file=str(CURATED))
        return config
    config = load_config(path)
    from tui.core.config.firstrun import import_hint

    tell(f"first run: wrote the curated feed list ({len(config.feeds)} feeds) to {path}{where}; "
         f"edit it to choose your feeds, or put your own list in its place: {import_hint()}")
    return config
