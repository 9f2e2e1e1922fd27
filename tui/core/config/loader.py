"""Read and validate `feeds.toml`.

Every mistake in the file becomes a `ConfigError` that names the file, the key and what was
expected, so the CLI can print one line instead of a traceback.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir, user_config_dir

APP_NAME = "newsdesk"
CONFIG_ENV = "NEWSDESK_CONFIG"


class ConfigError(Exception):
    """A problem with the configuration, worded for the user."""


@dataclass(frozen=True, slots=True)
class Settings:
    cache_dir: Path
    concurrency: int = 8
    per_host: int = 2
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    keep_days: int = 90
    extract: bool = True
    refresh_minutes: int = 0
    mark_read_on_open: bool = True
    max_feed_bytes: int = 10 * 1024 * 1024
    max_page_bytes: int = 5 * 1024 * 1024
    browser: str = ""  # what `o` runs, as in newsboat: a command with %u, no shell


@dataclass(frozen=True, slots=True)
class Feed:
    name: str
    url: str
    tags: tuple[str, ...] = ()
    lang: str | None = None
    extract: bool = True


@dataclass(frozen=True, slots=True)
class Rule:
    query: str
    tag: str


@dataclass(frozen=True, slots=True)
class View:
    name: str
    query: str


@dataclass(frozen=True, slots=True)
class Config:
    path: Path | None
    settings: Settings
    feeds: tuple[Feed, ...] = ()
    rules: tuple[Rule, ...] = ()
    mutes: tuple[str, ...] = ()
    views: tuple[View, ...] = ()
    keys: Mapping[str, str] = field(default_factory=dict)

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


_SETTING_TYPES: dict[str, tuple[type, ...]] = {
    "cache_dir": (str,),
    "concurrency": (int,),
    "per_host": (int,),
    "connect_timeout": (int, float),
    "read_timeout": (int, float),
    "keep_days": (int,),
    "extract": (bool,),
    "refresh_minutes": (int,),
    "mark_read_on_open": (bool,),
    "max_feed_bytes": (int,),
    "max_page_bytes": (int,),
    "browser": (str,),
}
_FEED_KEYS = {"name": (str,), "url": (str,), "tags": (list,), "lang": (str,), "extract": (bool,)}
_TOP_KEYS = {"settings", "feed", "rule", "mute", "view", "keys"}
_TYPE_WORDS = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
               list: "a list", dict: "a table"}


def _expect(file: Path | str, key: str, value: Any, types: tuple[type, ...]) -> None:
    # bool is an int subclass: `concurrency = true` must still be refused.
    ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
    if not ok:
        wanted = " or ".join(_TYPE_WORDS.get(t, t.__name__) for t in types)
        raise ConfigError(f"{file}: {key} must be {wanted}, not {value!r}")


def _unknown(file: Path | str, where: str, table: Mapping[str, Any], known: set[str]) -> None:
    extra = sorted(set(table) - known)
    if extra:
        raise ConfigError(
            f"{file}: unknown key {where}{extra[0]!r} (expected one of: {', '.join(sorted(known))})"
        )


def _str_list(file: Path | str, key: str, value: Any) -> tuple[str, ...]:
    _expect(file, key, value, (list,))
    for item in value:
        _expect(file, f"{key} item", item, (str,))
    return tuple(value)


def _settings(file: Path | str, raw: Any, base: Path) -> Settings:
    _expect(file, "[settings]", raw, (dict,))
    _unknown(file, "[settings].", raw, set(_SETTING_TYPES))
    values: dict[str, Any] = {}
    for key, value in raw.items():
        _expect(file, f"settings.{key}", value, _SETTING_TYPES[key])
        values[key] = value
    for key in ("concurrency", "per_host", "max_feed_bytes", "max_page_bytes"):
        if key in values and values[key] < 1:
            raise ConfigError(f"{file}: settings.{key} must be at least 1, not {values[key]}")
    for key in ("connect_timeout", "read_timeout"):
        if key in values and values[key] <= 0:
            raise ConfigError(f"{file}: settings.{key} must be above 0, not {values[key]}")
    if values.get("keep_days", 1) < 0 or values.get("refresh_minutes", 0) < 0:
        raise ConfigError(f"{file}: settings.keep_days and refresh_minutes cannot be negative")
    cache = values.pop("cache_dir", None)
    cache_dir = (base / Path(cache).expanduser()) if cache else Path(user_cache_dir(APP_NAME))
    return Settings(cache_dir=cache_dir.resolve(), **values)


def _feeds(file: Path | str, raw: Any) -> tuple[Feed, ...]:
    _expect(file, "[[feed]]", raw, (list,))
    feeds: list[Feed] = []
    seen: set[str] = set()
    for i, table in enumerate(raw, 1):
        where = f"feed #{i}"
        _expect(file, where, table, (dict,))
        _unknown(file, f"in {where}: ", table, set(_FEED_KEYS))
        for key, types in _FEED_KEYS.items():
            if key in table:
                _expect(file, f"{where} {key}", table[key], types)
        for key in ("name", "url"):
            if not str(table.get(key, "")).strip():
                raise ConfigError(f"{file}: {where} needs a non-empty {key}")
        url = table["url"].strip()
        if not url.lower().startswith(("http://", "https://")):
            raise ConfigError(f"{file}: {where} url must start with http:// or https://: {url!r}")
        name = table["name"].strip()
        if name in seen:
            raise ConfigError(f"{file}: {where} repeats the feed name {name!r}")
        seen.add(name)
        feeds.append(Feed(name=name, url=url,
                          tags=_str_list(file, f"{where} tags", table.get("tags", [])),
                          lang=table.get("lang"), extract=table.get("extract", True)))
    return tuple(feeds)


def _pairs(file: Path | str, raw: Any, section: str,
           keys: tuple[str, str]) -> list[tuple[str, str]]:
    _expect(file, f"[[{section}]]", raw, (list,))
    out = []
    for i, table in enumerate(raw, 1):
        where = f"{section} #{i}"
        _expect(file, where, table, (dict,))
        _unknown(file, f"in {where}: ", table, set(keys))
        for key in keys:
            if key not in table:
                raise ConfigError(f"{file}: {where} needs {key}")
            _expect(file, f"{where} {key}", table[key], (str,))
        out.append((table[keys[0]], table[keys[1]]))
    return out


def parse_config(data: Mapping[str, Any], *, file: Path | str = "<config>",
                 base: Path | None = None) -> Config:
    """Validate an already-decoded TOML document."""
    _unknown(file, "", data, _TOP_KEYS)
    base = base or Path.cwd()
    mutes = []
    _expect(file, "[[mute]]", data.get("mute", []), (list,))
    for i, table in enumerate(data.get("mute", []), 1):
        _expect(file, f"mute #{i}", table, (dict,))
        _unknown(file, f"in mute #{i}: ", table, {"query"})
        _expect(file, f"mute #{i} query", table.get("query"), (str,))
        mutes.append(table["query"])
    keys = data.get("keys", {})
    _expect(file, "[keys]", keys, (dict,))
    for command, key in keys.items():
        _expect(file, f"keys.{command}", key, (str,))
    return Config(
        path=Path(file).resolve() if isinstance(file, Path) else None,
        settings=_settings(file, data.get("settings", {}), base),
        feeds=_feeds(file, data.get("feed", [])),
        rules=tuple(Rule(q, t) for q, t in _pairs(file, data.get("rule", []), "rule",
                                                    ("query", "tag"))),
        mutes=tuple(mutes),
        views=tuple(View(n, q) for n, q in _pairs(file, data.get("view", []), "view",
                                                    ("name", "query"))),
        keys=dict(keys),
    )


def load_config(path: Path) -> Config:
    """Read one feeds.toml; relative paths in it are relative to its folder."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    return parse_config(data, file=path, base=path.parent)


def find_config(explicit: str | None) -> Path | None:
    """--config, then $NEWSDESK_CONFIG, then ./feeds.toml, then the user config dir."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV]).expanduser()
    for candidate in (Path("feeds.toml"), user_config_path()):
        if candidate.is_file():
            return candidate
    return None


def user_config_path() -> Path:
    """Where a user's own feeds.toml lives (platformdirs: ~/.config/newsdesk on Linux)."""
    return Path(user_config_dir(APP_NAME)) / "feeds.toml"


def resolve_config(explicit: str | None,
                   on_first_run: Callable[[str], None] | None = None) -> Config:
    """The config the user meant. With none anywhere (a first run), the curated feed list is
    written to the user config dir and used; `on_first_run` is told where, in a sentence."""
    path = find_config(explicit)
    if path is not None:
        return load_config(path)
    from tui.core.config.firstrun import CURATED, write_user_config

    tell = on_first_run or (lambda _message: None)
    try:
        path = write_user_config(user_config_path())
    except OSError as exc:  # a read-only home: the curated list, straight from the package
        tell(f"cannot write {user_config_path()} ({exc.strerror or exc}); "
             "using the curated feed list from the package")
        config = parse_config(tomllib.loads(CURATED.read_text(encoding="utf-8")),
                              file=str(CURATED))
        return config
    config = load_config(path)
    tell(f"first run: wrote the curated feed list ({len(config.feeds)} feeds) to {path}; "
         "edit it to choose your feeds")
    return config
