"""feeds.toml validation: every bad file names the file, the key and what was expected."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.config.loader import ConfigError, find_config, load_config, parse_config

BAD = Path(__file__).parent / "data" / "bad_config"
REPO = Path(__file__).resolve().parent.parent


def _expected(path: Path) -> str:
    for line in path.read_bytes().decode("utf-8", "replace").splitlines():
        if line.startswith("# expect: "):
            return line.removeprefix("# expect: ")
    return "not UTF-8"


@pytest.mark.parametrize("path", sorted(BAD.glob("*.toml")), ids=lambda p: p.stem)
def test_bad_config_is_a_clear_error(path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert str(path) in message
    assert _expected(path) in message


def test_bad_config_from_cli_is_one_line_exit_2() -> None:
    result = subprocess.run([sys.executable, "-m", "tui", "--config", str(BAD / "wrong_type.toml"),
                             "list"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "concurrency" in result.stderr


def test_shipped_feeds_toml_is_valid_and_rich() -> None:
    config = load_config(REPO / "feeds.toml")
    assert len(config.feeds) >= 25
    langs = {f.lang for f in config.feeds}
    assert {"ru", "ar", "fa"} <= langs
    assert config.settings.cache_dir == (REPO / "cache").resolve()


def test_cache_dir_is_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    path = tmp_path / "sub" / "feeds.toml"
    path.write_text('[settings]\ncache_dir = "here"\n')
    assert load_config(path).settings.cache_dir == tmp_path / "sub" / "here"


def test_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert find_config(None) is None
    (tmp_path / "feeds.toml").write_text("")
    assert find_config(None) == Path("feeds.toml")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "env.toml"))
    assert find_config(None) == tmp_path / "env.toml"
    assert find_config("x.toml") == Path("x.toml")
    assert os.environ["NEWSDESK_CONFIG"]


_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                       lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
                       max_leaves=10)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["settings", "feed", "rule", "mute", "view", "keys", "x"]),
                       _values))
def test_any_document_loads_or_is_a_config_error(doc: dict) -> None:
    try:
        parse_config({k: v for k, v in doc.items() if v is not None})
    except ConfigError:
        pass


def test_a_good_feed_list_is_read_without_looking_for_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines are found only for an error's words: indexing a 200-feed file for the checks
    that pass was a few ms of every command. A mistake still names its line."""
    from tui.core.toml_lines import Source

    feeds = "".join(f'[[feed]]\nname = "Wire {i}"\nurl = "http://127.0.0.1/{i}.xml"\n'
                    f'tags = ["gulf"]\n\n' for i in range(200))
    path = tmp_path / "feeds.toml"
    path.write_text(f'[settings]\ncache_dir = "{tmp_path}"\n\n' + feeds)
    real = Source._index

    def refused(lines: list[str]) -> object:
        raise AssertionError("lines looked for in a good file")

    monkeypatch.setattr(Source, "_index", staticmethod(refused))
    assert len(load_config(path).feeds) == 200
    monkeypatch.setattr(Source, "_index", staticmethod(real))
    path.write_text(path.read_text().replace('tags = ["gulf"]', "tags = 7", 1))
    with pytest.raises(ConfigError, match=r"feeds\.toml:7: feed #1 tags must be"):
        load_config(path)
