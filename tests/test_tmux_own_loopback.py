"""A reader of one's own loopback feeds (a local bridge, laid out as `/outlet/feed.xml`, as
the demo's are) in a real terminal: when it is down, `R` says the feeds failed and `e` why,
never that "the demo site" is down nor how to start `newsdesk demo` in the user's folder."""

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


def test_R_on_own_loopback_feeds_down_says_they_failed(tmp_path: Path, tmux: Tmux) -> None:
    with LocalServer() as server:
        items = [{"title": "Bridge item about Lebanon", "guid": "b1",
                  "pubDate": "Mon, 05 Aug 2024 10:00:00 GMT"}]
        feeds = [{"name": name, "url": server.add(f"/{slug}/feed.xml", body=rss(items)),
                  "extract": False} for name, slug in (("Bridge A", "bridge-a"),
                                                       ("Bridge B", "bridge-b"))]
        config = write_config(tmp_path, feeds)
        fetched = subprocess.run([sys.executable, "-m", "tui", "--config", str(config),
                                  "fetch"], capture_output=True, text=True, timeout=120)
        assert fetched.returncode == 0, fetched.stderr
    # the bridge is down now: nothing listens on its port
    prefix = f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config}"
    tmux.start(prefix, cwd=tmp_path)
    tmux.wait_for(lambda s: "Bridge item about Lebanon" in s)
    tmux.keys("R")
    screen = tmux.wait_for(lambda s: "refreshed all feeds" in s)
    assert "2 failed" in screen and "demo" not in screen, screen
    tmux.keys("e")
    screen = tmux.wait_for(lambda s: "could not connect" in s)
    assert "demo" not in screen, screen
    tmux.keys("escape", "q")
