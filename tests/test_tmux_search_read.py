"""The first morning in a real terminal: the reader starts in Unread, and `/` for what was
read yesterday says how many read articles match and how to list them, not only that
"(is:unread)" matches nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_slash_in_unread_counts_the_read_matches(tmp_path: Path, tmux: Tmux) -> None:
    items = [{"title": title, "guid": guid, "pubDate": f"Mon, 05 Aug 2024 1{i}:00:00 GMT"}
             for i, (title, guid) in enumerate((("Houthis strike a tanker", "h1"),
                                                ("Houthis claim a second ship", "h2"),
                                                ("Ankara talks on power lines", "a1")))]
    with LocalServer() as server:
        config = write_config(tmp_path, [{"name": "Wire", "url": server.add(
            "/wire/feed.xml", body=rss(items)), "extract": False}])
        run = [sys.executable, "-m", "tui", "--config", str(config)]
        assert subprocess.run([*run, "fetch"], capture_output=True, timeout=120).returncode == 0
    read = subprocess.run([*run, "read", "--query", "Houthis"], capture_output=True,
                          text=True, timeout=60)
    assert read.returncode == 0, read.stderr
    prefix = f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config}"
    tmux.start(prefix, cwd=tmp_path)
    tmux.wait_for(lambda s: "Ankara talks on power lines" in s and "Unread" in s)
    tmux.keys("/")
    tmux.keys("Houthis")
    tmux.keys("enter")
    screen = tmux.wait_for(lambda s: "No articles match" in s)
    assert "2 read articles match it: choose All in the tree (1), then search again" in screen
    tmux.keys("c")
    tmux.wait_for(lambda s: "Ankara talks on power lines" in s)
    tmux.keys("escape", "q")


def test_a_filter_matching_nothing_says_the_way_back(tmp_path: Path, tmux: Tmux) -> None:
    """Seen as a new user sees it: what was typed, not the query the list runs, and `c`."""
    items = [{"title": "Ankara talks on power lines", "guid": "a1",
              "pubDate": "Mon, 05 Aug 2024 10:00:00 GMT"}]
    with LocalServer() as server:
        config = write_config(tmp_path, [{"name": "Wire", "url": server.add(
            "/wire/feed.xml", body=rss(items)), "extract": False}])
        run = [sys.executable, "-m", "tui", "--config", str(config)]
        assert subprocess.run([*run, "fetch"], capture_output=True, timeout=120).returncode == 0
    tmux.start(f"{user_env(tmp_path / 'home')} {' '.join(run)}", cwd=tmp_path)
    tmux.wait_for(lambda s: "Ankara talks on power lines" in s)
    tmux.keys("f")
    tmux.keys("title:kremlin")
    tmux.keys("enter")
    screen = tmux.wait_for(lambda s: "No articles match" in s)
    assert "No articles match 'title:kremlin' in Unread." in screen, screen
    assert "(is:unread)" not in screen
    assert "c clears the filter and the search; f or / types another." in screen, screen
    tmux.keys("c")
    tmux.wait_for(lambda s: "Ankara talks on power lines" in s)
    tmux.keys("q")
