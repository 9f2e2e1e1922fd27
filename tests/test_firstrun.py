"""A first run is never a blank screen: the curated feed list ships in the package, is written
to the user's config dir when no feeds.toml exists, and every empty answer says what to do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import REPO, write_config
from tests.httpserver import LocalServer
from tests.recent_site import serve
from tui.app.empty_state import empty_text
from tui.core.config.firstrun import CURATED, write_user_config
from tui.core.config.loader import load_config, parse_config
from tui.core.desk import Desk


def fresh_user(tmp_path: Path) -> dict[str, str]:
    """The environment of a user with nothing set up (HOME empty, no XDG dirs)."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("XDG_") and k not in ("NEWSDESK_CONFIG", "HOME")}
    return {**env, "HOME": str(home)}


def newsdesk(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=60)


# ---------------------------------------------------------------- the curated list itself

def test_curated_list_ships_in_the_package_and_matches_the_repository_copy() -> None:
    assert CURATED.is_relative_to(REPO / "tui")  # inside the package: in the wheel
    packaged = CURATED.read_text(encoding="utf-8").splitlines()
    development = (REPO / "feeds.toml").read_text(encoding="utf-8").splitlines()
    differ = [(a, b) for a, b in zip(packaged, development, strict=True) if a != b]
    # The repository's copy keeps its cache in the checkout; nothing else may drift.
    assert len(differ) == 1 and differ[0][1].startswith('cache_dir = "cache"'), differ
    config = parse_config(tomllib.loads("\n".join(packaged)), file="curated")
    assert len(config.feeds) >= 30
    assert config.settings.cache_dir.name == "newsdesk"  # the user cache dir


def test_wheel_takes_the_whole_package() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["packages"] == ["tui"] and not wheel.get("exclude")


def test_an_existing_user_config_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "feeds.toml"
    path.parent.mkdir()
    path.write_text("# mine\n", encoding="utf-8")
    assert write_user_config(path) == path
    assert path.read_text(encoding="utf-8") == "# mine\n"
    assert [p.name for p in path.parent.iterdir()] == ["feeds.toml"]  # no temporary left


# ---------------------------------------------------------------- the CLI on a fresh install

def test_first_run_writes_the_user_config_and_says_where(tmp_path: Path) -> None:
    env = fresh_user(tmp_path)
    done = newsdesk("feeds", "--json", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = tmp_path / "home" / ".config" / "newsdesk" / "feeds.toml"
    assert written.read_text(encoding="utf-8") == CURATED.read_text(encoding="utf-8")
    assert f"wrote the curated feed list (32 feeds) to {written}" in done.stderr
    assert len(json.loads(done.stdout)) == 32

    again = newsdesk("list", env=env, cwd=tmp_path)  # the second run: no notice, a next step
    assert again.returncode == 0 and again.stdout == ""
    assert "first run" not in again.stderr
    assert f"no articles yet: `newsdesk fetch` downloads the 32 feeds in {written}" \
        in again.stderr

    helped = newsdesk("--help", env=env, cwd=tmp_path)
    assert f"config in use: {written} (from the user config)" in " ".join(helped.stdout.split())


def test_a_feeds_toml_in_the_current_folder_that_hides_the_users_own_is_said(
        tmp_path: Path) -> None:
    """Run from a folder holding a feeds.toml (a checkout), a command used another cache
    without a word; now stderr names both files, and --config silences it."""
    env = fresh_user(tmp_path)
    assert newsdesk("feeds", env=env, cwd=tmp_path).returncode == 0  # writes the user's own
    mine = tmp_path / "home" / ".config" / "newsdesk" / "feeds.toml"
    folder = tmp_path / "checkout"
    folder.mkdir()
    (folder / "feeds.toml").write_text("[settings]\ncache_dir = \"cache\"\n", encoding="utf-8")
    done = newsdesk("list", env=env, cwd=folder)
    assert done.returncode == 0, done.stderr
    assert (f"using feeds.toml in the current folder ({folder / 'feeds.toml'}), not your "
            f"{mine}; --config names the one you mean") in done.stderr
    named = newsdesk("--config", str(folder / "feeds.toml"), "list", env=env, cwd=folder)
    assert "current folder" not in named.stderr
    alone = newsdesk("list", env=env, cwd=tmp_path)  # no feeds.toml here: the user's, quietly
    assert "current folder" not in alone.stderr


def test_help_names_the_config_or_where_a_first_run_writes_it(tmp_path: Path) -> None:
    env = fresh_user(tmp_path)
    helped = newsdesk("--help", env=env, cwd=tmp_path)
    text = " ".join(helped.stdout.split())
    assert "config: none yet; the first run writes the curated feed list to " \
        f"{tmp_path / 'home' / '.config' / 'newsdesk' / 'feeds.toml'}" in text
    assert not (tmp_path / "home" / ".config").exists()  # help writes nothing
    config = write_config(tmp_path, [("A", "http://127.0.0.1:9/feed")])
    helped = newsdesk("list", "--help", "--config", str(config), env=env, cwd=tmp_path)
    assert f"config in use: {config} (from --config)" in " ".join(helped.stdout.split())


def test_queries_that_match_nothing_say_so(tmp_path: Path) -> None:
    env = fresh_user(tmp_path)
    with LocalServer() as server:
        config_path, _ = serve(server, tmp_path / "site", feeds=1)
        with Desk.open(load_config(config_path)) as desk:
            desk.refresh(extract=False)
    for query, expected in [
        ("zzzzqqq", "newsdesk: no articles match 'zzzzqqq'"),
        ("actor:nobody-we-know", "newsdesk: no known actor is called 'nobody-we-know'"),
        ("actor:shoigu is:saved", "newsdesk: no articles match 'actor:shoigu is:saved'"),
        ("feed:TASS", "newsdesk: no feed is called 'TASS'; `newsdesk feeds` lists them"),
    ]:
        done = newsdesk("--config", str(config_path), "list", query, env=env, cwd=tmp_path)
        assert done.returncode == 0 and done.stdout == "", done.stderr
        assert expected in done.stderr
    listed = newsdesk("--config", str(config_path), "list", "actor:shoigu", env=env, cwd=tmp_path)
    assert "Shoigu" in listed.stdout and listed.stderr == ""


# ---------------------------------------------------------------- the app's empty list

@pytest.fixture
def site_config(tmp_path: Path) -> Path:
    return write_config(tmp_path, [("Outlet", "http://127.0.0.1:9/feed.xml")])


def test_empty_list_texts(tmp_path: Path, site_config: Path) -> None:
    bare = parse_config({"settings": {"cache_dir": str(tmp_path / "c0")}},
                        file=tmp_path / "feeds.toml")
    with Desk.open(bare) as desk:
        text = empty_text(desk, bare, "All", "", False)
        assert text.startswith("No feeds yet: press i to add one.") \
            and "newsdesk import-opml FILE" in text
        assert str(tmp_path / "feeds.toml") in text
    config = load_config(site_config)
    with Desk.open(config) as desk:
        text = empty_text(desk, config, "All", "", False)
        assert text.startswith("No articles yet: press R to fetch the feed listed in")
        assert str(site_config) in text and "newsdesk import-opml FILE" in text
        text = empty_text(desk, config, "All", "actor:nobody-we-know", True)
        assert text.startswith("No known actor is called 'nobody-we-know'")
        assert empty_text(desk, config, "All", "zzz", True) == (
            "No articles match 'zzz' in All.\nc clears the filter and the search; f or / types "
            "another.")
        desk.refresh(extract=False)  # port 9: refused, and never reached before
        text = empty_text(desk, config, "All", "", False)
        assert text.startswith("No articles yet: the last refresh could not reach the feed")
        assert "e lists why" in text and str(site_config) in text
        assert text.endswith("To try newsdesk offline: newsdesk demo (a built-in site, no "
                             "network needed)")
