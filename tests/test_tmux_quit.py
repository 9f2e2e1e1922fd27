"""Quitting in a real terminal (tmux, the installed command, an empty HOME) while a refresh
or the open article's page waits on a server that never answers: the shell is back within a
couple of seconds, not after the request's 70 s deadline on a blank screen."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_page_budget import PAGE, _items
from tests.test_tmux_fetch import NEWSDESK
from tests.test_tmux_smoke import Tmux
from tui.core.config.loader import load_config
from tui.core.desk import Desk

pytestmark = [pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
              pytest.mark.skipif(not NEWSDESK.exists(),
                                 reason=f"the newsdesk command is not at {NEWSDESK}")]


def _open(tmux: Tmux, tmp_path: Path, config: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    tmux.run("new-session", "-d", "-s", tmux.session, "-x", "120", "-y", "40",
             "-c", str(tmp_path), f"env -i HOME={home} PATH=/usr/bin:/bin TZ=UTC "
             "TERM=xterm-256color sh")
    tmux.keys(f"{NEWSDESK} --config {config}; echo done-$?", "Enter")


def _quit_takes(tmux: Tmux) -> float:
    begin = time.monotonic()
    tmux.keys("q")
    screen = tmux.wait_for(lambda s: re.search(r"done-\d", s) is not None, timeout=60)
    assert "done-0" in screen and "Traceback" not in screen, screen
    return time.monotonic() - begin


def _long_reads(config: Path) -> Path:
    config.write_text(config.read_text().replace("read_timeout = 2", "read_timeout = 20"))
    return config


def test_q_during_a_refresh_stuck_on_a_silent_feed(server: LocalServer, tmp_path: Path,
                                                   tmux: Tmux) -> None:
    silent = server.add("/silent.xml", body=rss(_items(server, 1)), delay=60)
    config = _long_reads(write_config(tmp_path, [("Silent Wire", silent)]))
    _open(tmux, tmp_path, config)
    tmux.wait_for(lambda s: "Silent Wire" in s)
    tmux.keys("R")
    tmux.wait_for(lambda s: "waiting for Silent Wire" in s or "refreshing" in s, timeout=30)
    time.sleep(1)
    assert _quit_takes(tmux) < 5


def test_q_while_the_open_articles_page_drips(server: LocalServer, tmp_path: Path,
                                              tmux: Tmux) -> None:
    server.add("/feed.xml", body=rss(_items(server, 2)))
    config = _long_reads(write_config(tmp_path, [("Wire", server.url("/feed.xml"))],
                                      settings="max_pages_per_feed = 1"))
    with Desk.open(load_config(config)) as desk:
        desk.refresh()  # Story 1's page; Story 0's waits for the reader
    server.add("/a0", body=PAGE * 50, headers={"Content-Type": "text/html"}, byte_delay=2.0)
    _open(tmux, tmp_path, config)
    tmux.wait_for(lambda s: "Story 0" in s)
    tmux.keys("G", "Enter")
    tmux.wait_for(lambda s: "fetching the article's page" in s, timeout=30)
    time.sleep(1)
    tmux.keys("q")  # closes the reader
    tmux.wait_for(lambda s: "fetching the article's page" not in s, timeout=10)
    assert _quit_takes(tmux) < 5
