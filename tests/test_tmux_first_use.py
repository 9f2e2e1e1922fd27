"""First uses of the worker pool inside the reader, in a real terminal, as a new user meets them.

Each test starts a fresh interpreter in tmux with an empty HOME: the pool is spawned lazily
inside the app, where Textual's stderr capture has fileno() -1 (Pilot tests never see that:
they run under pytest's real stderr, often with a warm pool).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tests.recent_site import serve
from tests.test_tmux_smoke import Tmux
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.demo.server import DemoServer, write_demo_config

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def user_env(home: Path) -> str:
    """`env` prefix for a user with nothing set up: empty HOME, no XDG dirs, no display."""
    home.mkdir(parents=True, exist_ok=True)
    unset = " ".join(f"-u {name}" for name in (
        "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "NEWSDESK_CONFIG", "DISPLAY",
        "WAYLAND_DISPLAY", "BROWSER", "VTE_VERSION", "KONSOLE_VERSION", "MLTERM", "TERM_PROGRAM"))
    return f"env {unset} HOME={home} TZ=UTC"


@pytest.fixture
def demo_site() -> Iterator[DemoServer]:
    with DemoServer() as server:
        yield server


def test_R_in_a_fresh_reader_fetches_every_article(tmp_path: Path, term: Tmux,
                                                   demo_site: DemoServer) -> None:
    config_path = write_demo_config(tmp_path / "site", demo_site)
    expected = len(demo_site.site.articles)
    term.start(f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config_path}",
               cwd=tmp_path)
    term.wait_for(lambda s: "R Refresh" in s)
    term.keys("R")
    screen = term.wait_for(lambda s: "refreshed all feeds" in s, timeout=90)
    status = next(line for line in screen.splitlines() if "refreshed all feeds" in line)
    # every feed read, every page with it: the demo's feed-only item has no page to fail
    assert f"{expected} new" in status and not re.search(r"failed|warning", status), status
    term.keys("q")

    with Desk.open(load_config(config_path)) as desk:
        assert desk.count("") == expected
        assert [f.name for f in desk.feeds() if f.last_error] == []
        pages = sum(1 for a in demo_site.site.articles if not a.feed_only)
        extracted = desk.conn.execute(
            "SELECT count(*) FROM articles WHERE body_source = 'page'").fetchone()[0]
        assert extracted == pages


def test_alias_rematch_is_the_first_use_of_the_pool(tmp_path: Path, term: Tmux) -> None:
    with LocalServer() as server:
        config_path, articles = serve(server, tmp_path / "site")
        fetched = subprocess.run([sys.executable, "-m", "tui", "--config", str(config_path),
                                  "fetch"], capture_output=True, text=True, timeout=120)
        assert fetched.returncode == 0, fetched.stderr
    term.start(f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config_path}",
               cwd=tmp_path)
    term.wait_for(lambda s: "Sergei Shoigu meets officials in Tehran (0)" in s)
    term.keys("Enter")  # the newest article names Shoigu: he is the panel's first actor
    term.wait_for(lambda s: "Outlet 0 · " in s)
    term.keys("4")  # the actor list (a narrow terminal shows it when asked for)
    term.wait_for(lambda s: "▶ Actors (" in s)
    term.keys("a")
    term.wait_for(lambda s: "Alias for Sergei Shoigu" in s)
    term.keys("Shoygu-in-tmux", "Enter")
    screen = term.wait_for(lambda s: "actors matched" in s or "edit failed" in s, timeout=90)
    assert "actors matched" in screen, screen
    term.keys("q", "q")

    with Desk.open(load_config(config_path)) as desk:
        pending = desk.conn.execute("SELECT count(*) FROM articles WHERE analysed = 0")
        assert pending.fetchone()[0] == 0
        assert desk.count("") == articles


def test_a_fresh_install_opens_on_the_curated_feeds_and_says_where(tmp_path: Path,
                                                                   term: Tmux) -> None:
    """No feeds.toml anywhere, an empty HOME: never a blank screen. (R is not pressed: the
    curated feeds are real outlets, and no test touches the internet.)"""
    home = tmp_path / "home"
    written = home / ".config" / "newsdesk" / "feeds.toml"
    (tmp_path / "elsewhere").mkdir()
    term.start(f"{user_env(home)} {sys.executable} -m tui", cwd=tmp_path / "elsewhere")
    screen = term.wait_for(lambda s: "No articles yet" in s and "first run: wrote" in s)
    # the notice may cover part of the list; once it has gone, the whole next step shows
    # (long lines are wrapped: compare the list's column without spaces)
    def listed(s: str) -> str:
        return "".join("".join(line.partition("┃")[2].split()) for line in s.splitlines())

    screen = term.wait_for(lambda s: str(written) in listed(s))
    flat = listed(screen)
    assert "pressRtofetchthe32feedslistedin" in flat
    assert "newsdeskimport-opmlFILE" in flat
    term.keys("?")
    screen = term.wait_for(lambda s: "newsdesk keys" in s)
    inside = [line.split("│")[1] for line in screen.splitlines() if line.count("│") >= 2]
    boxed = "".join("".join(inside).split())  # a long path wraps inside the box
    assert f"config:{written}" in boxed, screen
    term.keys("q", "q")
    assert written.is_file()
