"""The lean reading of feeds.toml (config/lean_read.py, an all-304 fetch's) takes a file only
when the loader takes it, and then reads what the loader reads; anything else is left to the
loader, which words the mistake."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.config import lean_read
from tui.core.config.loader import ConfigError, Settings, load_config

_FEED = '[[feed]]\nname = "Wire"\nurl = "http://127.0.0.1:8080/feed.xml"\n'
_PLAIN = '[settings]\ncache_dir = "cache"\n' + _FEED

# Each a whole file: some the loader takes, some it refuses, some only it reads.
FILES = [
    _PLAIN,
    "\ufeff" + _PLAIN,
    _PLAIN.replace("\n", "\r\n"),
    _PLAIN + '[[feed]]\nname = "Two"\nurl = "http://example.org/rss"\ntags = ["Iran", "iran", '
             '"  Gulf   states "]\nlang = "pt-BR"\nextract = false\n',
    _PLAIN + '[[feed]]\nname = "Two"\nurl = "http://example.org/rss"\ntags = ["Россия"]\n',
    _PLAIN + '[[feed]]\nname = "Two"\nurl = "http://example.org/rss"\ntags = [""]\n',
    _PLAIN + '[[feed]]\nname = "Two"\nurl = "http://example.org/rss"\ntags = ["a\tb"]\n',
    _PLAIN + '[[feed]]\nname = "Two"\nurl = "http://example.org/rss"\nlang = "english"\n',
    _PLAIN + '[[feed]]\nname = "Two"\nurl = "http://example.org/rss"\nlang = "e"\n',
    _PLAIN + '[[feed]]\nname = "Wire"\nurl = "http://example.org/rss"\n',  # name repeated
    _PLAIN + '[[feed]]\nname = "Two"\nurl = "http://127.0.0.1:8080/feed.xml"\n',  # url too
    _PLAIN + '[[feed]]\nurl = "http://example.org/rss"\n',  # no name: its title, later
    _PLAIN + '[[feed]]\nname = "  "\nurl = "http://example.org/rss"\n',
    _PLAIN + '[[feed]]\nname = "Two"\nurl = "https://example.org/rss"\n',
    _PLAIN + '[[feed]]\nname = "Two"\nurl = "  http://example.org/rss  "\n',
    _PLAIN + '[[feed]]\nname = "Two"\nurl = "ftp://example.org/rss"\n',
    _PLAIN + '[[feed]]\nname = "Two"\nurl = "http://example.org/rss"\nextract = "no"\n',
    _PLAIN + '[[feed]]\nname = "Two"\nurl = "http://example.org/rss"\ncolour = "red"\n',
    _PLAIN + '[[rule]]\nquery = "iran"\ntag = "Iran"\n',
    _PLAIN + '[keys]\nopen = "o"\n',
    _PLAIN + "[oops]\n",
    _PLAIN.replace('cache_dir = "cache"', 'cache_dir = ""'),
    _PLAIN.replace('cache_dir = "cache"', ""),
    _PLAIN.replace('cache_dir = "cache"', 'cache_dir = "~/news-cache"'),
    _PLAIN.replace('cache_dir = "cache"', 'cache_dir = "$LEAN_TEST_FOLDER/c"'),
    _PLAIN.replace('cache_dir = "cache"', 'cache_dir = "$LEAN_TEST_UNSET/c"'),
    _PLAIN.replace('cache_dir = "cache"', 'cache_dir = "/tmp/x/../y//cache/"'),
    _PLAIN.replace('cache_dir = "cache"', 'cache_dir = "sub/../cache"'),
    _PLAIN.replace('cache_dir = "cache"', "cache_dir = 3"),
    "[[feed]]\nname = 'Wire'\nurl = 'http://example.org/rss'\n[settings]\ncache_dir = 'c'\n",
    _PLAIN.replace("[settings]", '[settings]\ncache_dir = "x"'),  # a repeated key
    _PLAIN + '[settings]\nkeep_days = 3\n',  # a repeated table
    _PLAIN + 'x = "\\u00e9"\n',  # an escape: tomllib's to read
    _PLAIN.replace("\n", "\n\x01", 1),
]
SETTINGS = [
    "concurrency = 20", "concurrency = 0", "concurrency = 1001", "concurrency = true",
    "concurrency = 2.5", "per_host = 1", "per_host = 101", "connect_timeout = 0",
    "connect_timeout = 0.5", "connect_timeout = 3", "read_timeout = 3600",
    "read_timeout = 3601", "read_timeout = -1", "keep_days = 0", "keep_days = 36501",
    "extract = false", "extract = 1", "allow_private_links = true", "max_pages_per_feed = 0",
    "max_pages_per_feed = 1000001", "text_width = 0", "text_width = 29", "text_width = 30",
    "bidi = \"app\"", "bidi = \"rtl\"", "browser = \"firefox %u\"", "hide_read = true",
    "refresh_minutes = 10081", "max_feed_bytes = 0", "colour = \"red\"",
    "mark_read_on_open = false", "confirm_mark_all_feeds_read = \"yes\"",
]
FILES += [_PLAIN.replace("[settings]", f"[settings]\n{line}") for line in SETTINGS]


def _fields(config: lean_read.LeanConfig) -> tuple[object, ...]:
    settings = config.settings
    return (config.path, config.actors_file,
            tuple(getattr(settings, key) for key in (*lean_read.DEFAULTS, "cache_dir")),
            tuple((f.name, f.url, f.tags, f.extract, f.named) for f in config.feeds))


@pytest.mark.parametrize("text", FILES)
def test_the_lean_reading_is_the_loaders_or_none(text: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEAN_TEST_FOLDER", str(tmp_path / "env"))
    monkeypatch.delenv("LEAN_TEST_UNSET", raising=False)
    path = tmp_path / "conf" / "feeds.toml"
    path.parent.mkdir()
    path.write_bytes(text.encode("utf-8"))
    (path.parent / "actors.toml").write_text("")
    lean = lean_read.read(str(path))
    try:
        full = lean_read.of_config(load_config(path))
    except ConfigError:
        assert lean is None
        return
    if lean is not None:
        assert _fields(lean) == _fields(full)


def test_plain_files_are_read_lean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ours (the bench's, the tests'), with a relative cache folder, read from another one."""
    assert lean_read.read(os.devnull) is None  # (nothing in it: no cache_dir)
    for text in FILES[:5]:
        path = tmp_path / "feeds.toml"
        path.write_text(text)
        monkeypatch.chdir(tmp_path)
        lean = lean_read.read("feeds.toml")
        assert lean is not None and lean.actors_file is None
        assert lean.settings.cache_dir == str(tmp_path.resolve() / "cache")
        assert _fields(lean) == _fields(lean_read.of_config(load_config(Path("feeds.toml"))))


def test_the_defaults_are_the_loaders() -> None:
    assert {key: Settings._field_defaults[key] for key in lean_read.DEFAULTS} == lean_read.DEFAULTS


@given(st.text(alphabet="aZ09-_ é", max_size=14))
def test_a_language_code_is_read_as_checks_reads_it(text: str) -> None:
    pattern = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
    assert lean_read._lang_code(text) == bool(pattern.fullmatch(text))
