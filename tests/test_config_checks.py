"""feeds.toml values beyond their types: numbers finite and in range, a BOM accepted, [keys]
naming real commands, rule/mute/view queries parsed at load (before anything is stored),
cache_dir a folder. Each error names the key and its line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.config.checks import COMMAND_NAMES, RANGES
from tui.core.config.loader import ConfigError, load_config

FEED = '[[feed]]\nname = "A"\nurl = "http://127.0.0.1:9/a.xml"\n'


def _load(tmp_path: Path, text: str, *, bom: bool = False) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def _error(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        load_config(_load(tmp_path, text))
    return str(caught.value)


@pytest.mark.parametrize("key", sorted(RANGES))
@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "-0.5", "1e300",
                                   "99999999999999999999999"])
def test_numbers_are_finite_not_negative_and_in_range(tmp_path: Path, key: str,
                                                      value: str) -> None:
    text = f'# a comment\n[settings]\ncache_dir = "c"\n{key} = {value}\n' + FEED
    try:
        message = _error(tmp_path, text)
    except pytest.fail.Exception:
        raise AssertionError(f"{key} = {value} was accepted") from None
    assert f"feeds.toml:4: settings.{key}" in message, message
    if value in ("nan", "inf", "-inf") and "integer" not in message:
        assert "finite" in message
    if value.startswith("-") and value != "-inf" and "integer" not in message:
        assert "negative" in message


def test_error_lines_point_into_tables(tmp_path: Path) -> None:
    text = (FEED + '\n[[feed]]\nname = "B"\nurl = "http://127.0.0.1:9/b.xml"\n'
            'tags = ["x", 5]\n')
    assert "feeds.toml:8: feed #2 tags item must be a string" in _error(tmp_path, text)
    assert "feeds.toml:3:" in _error(tmp_path, '[settings]\n\nconcurency = 3\n')


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    config = load_config(_load(tmp_path, '[settings]\ncache_dir = "c"\n' + FEED, bom=True))
    assert [f.name for f in config.feeds] == ["A"]


@pytest.mark.parametrize(("keys", "expected"), [
    ('toggle_saved = "S"', None),
    ('toggle_saved = "ctrl+s,f5"', None),
    ('search = "?"', None),
    ('toggel_saved = "S"', "keys.toggel_saved: no such command (did you mean 'toggle_saved'?"),
    ('frobnicate = "S"', "keys.frobnicate: no such command"),
    ('toggle_saved = ""', "keys.toggle_saved needs a key"),
    ('toggle_saved = "s,"', "keys.toggle_saved needs a key"),
    ('toggle_saved = "[/]"', "'[/]' is not a key name"),
    ('toggle_saved = "ctrl s"', "'ctrl s' is not a key name"),
])
def test_keys_name_real_commands_and_real_keys(tmp_path: Path, keys: str,
                                               expected: str | None) -> None:
    text = FEED + "\n[keys]\n" + keys + "\n"
    if expected is None:
        assert load_config(_load(tmp_path, text)).keys
    else:
        message = _error(tmp_path, text)
        assert "feeds.toml:6:" in message and expected in message, message


def test_command_names_match_the_app() -> None:
    from tui.app.commands import BY_NAME

    assert set(BY_NAME) == COMMAND_NAMES


@pytest.mark.parametrize(("table", "expected"), [
    ('[[rule]]\nquery = "actor:irgc ("\ntag = "irgc"', "rule #1 query 'actor:irgc (': "
                                                      "unclosed '(' (column 12)"),
    ('[[rule]]\nquery = "  "\ntag = "x"', "rule #1 has an empty query"),
    ('[[rule]]\nquery = "iran"\ntag = " "', "rule #1 has an empty tag"),
    ('[[mute]]\nquery = "title:\\"horoscope"', "mute #1 query 'title:\"horoscope': "
                                                "unclosed quote"),
    ('[[view]]\nname = "V"\nquery = "is:nonsense"', "view #1 query 'is:nonsense': unknown "
                                                    "is:nonsense"),
])
def test_queries_are_checked_when_the_config_loads(tmp_path: Path, table: str,
                                                   expected: str) -> None:
    message = _error(tmp_path, FEED + "\n" + table + "\n")
    assert "feeds.toml:" in message and expected in message, message


def test_a_bad_rule_stops_fetch_before_anything_is_stored(tmp_path: Path) -> None:
    path = _load(tmp_path, '[settings]\ncache_dir = "c"\n' + FEED
                 + '\n[[rule]]\nquery = "actor:("\ntag = "x"\n')
    result = subprocess.run([sys.executable, "-m", "tui", "--config", str(path), "fetch"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "rule #1" in result.stderr and "feeds.toml:8" in result.stderr
    assert not (tmp_path / "c").exists()  # no cache made, nothing stored


def test_cache_dir_must_be_a_folder(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    message = _error(tmp_path, '[settings]\ncache_dir = "afile"\n' + FEED)
    assert "feeds.toml:2: settings.cache_dir" in message and "is a file" in message
    message = _error(tmp_path, '[settings]\ncache_dir = "afile/below"\n' + FEED)
    assert "is a file, not a folder" in message


def test_feed_tags_take_their_canonical_form(tmp_path: Path) -> None:
    text = ('[settings]\ncache_dir = "c"\n[[feed]]\nname = "A"\nurl = "http://127.0.0.1:9/a"\n'
            'tags = ["Россия", "  россия ", "two  words", "IRAN", "iran"]\n')
    config = load_config(_load(tmp_path, text))
    assert config.feeds[0].tags == ("Россия", "two words", "IRAN")
    assert "an empty tag" in _error(tmp_path, text.replace('"IRAN"', '"  "'))


def test_a_file_without_mistakes_is_not_searched_for_lines() -> None:
    """Each setting, key and query is checked with its place, but the place is found in the
    text only to word a mistake: indexing a 200-feed file's lines was ~1.5 ms of an unchanged
    fetch, for every settings number, [keys] entry or view."""
    from tui.core.config import checks
    from tui.core.toml_lines import Source

    text = "[settings]\nconcurrency = 8\n[keys]\nundo = \"u\"\n" + FEED * 3
    source = Source("feeds.toml", text)
    checks.number(source, "concurrency", 8)
    checks.keys(source, {"undo": "u"})
    checks.query(source, "view", 1, "is:unread", empty_ok=False)
    assert source._where is None  # never indexed
    with pytest.raises(ConfigError, match=r"feeds\.toml:2: settings\.concurrency"):
        checks.number(source, "concurrency", -1)
