"""A new user's own feeds in a real terminal: `kill PID` ends a fetch a shell started in the
background (`newsdesk fetch &`, SIGINT ignored there), and the reader's feed list (`e`) says
a feed added since the last fetch is not fetched yet."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_refresh import _items
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_kill_pid_ends_a_background_fetch(tmp_path: Path, tmux: Tmux) -> None:
    with LocalServer() as server:
        slow = server.add("/slow.xml", body=rss(_items(server, "s", 1)), delay=30)
        config = write_config(tmp_path, [("Slow", slow)])
        prefix = f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config}"
        script = f'{prefix} fetch & echo "PID=$!"; wait $!; echo "EXIT=$?"; sleep 600'
        tmux.start(f"sh -c '{script}'", cwd=tmp_path)
        screen = tmux.wait_for(lambda s: "PID=" in s)
        pid = int(screen.split("PID=")[1].split()[0])
        deadline = time.monotonic() + 60
        while not server.seen and time.monotonic() < deadline:  # waiting for the slow feed
            time.sleep(0.1)
        time.sleep(0.5)
        started = time.monotonic()
        os.kill(pid, signal.SIGTERM)  # what `kill PID` does
        screen = tmux.wait_for(lambda s: "EXIT=" in s, timeout=60)
        assert time.monotonic() - started < 15, "the fetch ran on to the end"
    assert "interrupted: " in screen and "EXIT=143" in screen, screen


def test_the_feeds_dialog_says_not_fetched_yet(tmp_path: Path, tmux: Tmux) -> None:
    with LocalServer() as server:
        wire = server.add("/w.xml", body=rss(_items(server, "w", 1)))
        config = write_config(tmp_path, [{"name": "Wire", "url": wire, "extract": False}])
        prefix = f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config}"
        tmux.start(prefix, cwd=tmp_path)
        tmux.wait_for(lambda s: "No articles yet" in s)
        tmux.keys("e")
        screen = tmux.wait_for(lambda s: "not fetched yet" in s)
        assert "no error at the last refresh" not in screen
        tmux.keys("escape", "q")
