"""Config mistakes a new user made that passed in silence or were said without the line or
the word meant: a URL listed twice, a URL with no host, `[[feeds]]`, `cache_dir = "$HOME/x"`,
`fetch grow` for "Grow"; and a feed renamed by hand answers to its new name at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli import fetched_feed, newsdesk


def _one_error(config: Path) -> str:
    result = newsdesk("--config", str(config), "feeds")
    assert result.returncode == 2 and result.stdout == "", result
    assert len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr


def test_a_url_listed_twice_is_an_error(tmp_path: Path) -> None:
    url = "http://127.0.0.1:9/feed.xml"
    config = write_config(tmp_path, [("Wire", url), ("Dup", url)])
    line = len(config.read_text().splitlines())  # the second feed's url, the last line
    assert _one_error(config) == (f"newsdesk: config error: {config}:{line}: feed #2 repeats "
                                  f"the url of feed #1 ('{url}'): list a feed once\n")


def test_a_url_without_a_host_is_an_error(tmp_path: Path) -> None:
    config = write_config(tmp_path, [("Wire", "http://")])
    assert "feed #1 url names no host: 'http://'" in _one_error(config)


def test_an_unknown_table_says_its_line_and_the_one_meant(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\ncache_dir = "cache"\n\n[[feeds]]\nname = "W"\n'
                      'url = "http://127.0.0.1:9/x"\n')
    assert _one_error(config).startswith(f"newsdesk: config error: {config}:4: unknown key "
                                         "'feeds' (did you mean 'feed'? expected one of: ")
    config.write_text('[settings]\ncache_dir = "cache"\nread_timout = 5\n')
    assert f"{config}:3: unknown key [settings].'read_timout' (did you mean 'read_timeout'?" \
        in _one_error(config)


def test_cache_dir_expands_variables(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\ncache_dir = "$HOME/news"\n')
    env = {**os.environ, "HOME": str(home)}
    env.pop("NEWSDESK_UNSET_FOR_TEST", None)
    run = [sys.executable, "-m", "tui", "--config", str(config), "list"]
    listed = subprocess.run(run, capture_output=True, text=True, env=env, timeout=60,
                            cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert (home / "news").is_dir() and not (tmp_path / "$HOME").exists()
    config.write_text('[settings]\ncache_dir = "${NEWSDESK_UNSET_FOR_TEST}/news"\n')
    unset = subprocess.run(run, capture_output=True, text=True, env=env, timeout=60,
                           cwd=tmp_path)
    assert unset.returncode == 2 and unset.stderr == (
        f"newsdesk: config error: {config}:2: settings.cache_dir: ${{NEWSDESK_UNSET_FOR_TEST}} "
        "is not set in the environment ('${NEWSDESK_UNSET_FOR_TEST}/news')\n")


def test_fetch_takes_a_name_in_any_case_and_says_the_close_ones(server: LocalServer,
                                                                tmp_path: Path) -> None:
    url = server.add("/grow.xml", body=rss([{"title": "t", "guid": "g"}]))
    config = str(write_config(tmp_path, [("Grow", url), ("Levant Ledger", url + "?2")],
                              settings="extract = false"))
    fetched = newsdesk("--config", config, "fetch", "grow")
    assert fetched.returncode == 0 and fetched.stdout.startswith("1 feed ok"), fetched.stderr
    wrong = newsdesk("--config", config, "fetch", "levant")
    assert (wrong.returncode, wrong.stderr) == (
        2, "newsdesk: no feed named 'levant' in the config; did you mean 'Levant Ledger'?\n")
    none = newsdesk("--config", config, "fetch", "zzz")
    assert none.stderr.endswith("(`newsdesk feeds` lists them)\n")


def test_a_feed_renamed_by_hand_answers_to_its_new_name(server: LocalServer,
                                                        tmp_path: Path) -> None:
    config = fetched_feed(server, tmp_path, [{"title": "Convoy reaches Odesa"}])
    text = Path(config).read_text()
    Path(config).write_text(text.replace('name = "Wire"', 'name = "Black Sea Wire"'))
    rows = [json.loads(line) for line in
            newsdesk("--config", config, "list", "feed:black", "--json").stdout.splitlines()]
    assert [(r["title"], r["feed"]) for r in rows] == [("Convoy reaches Odesa", "Black Sea Wire")]
