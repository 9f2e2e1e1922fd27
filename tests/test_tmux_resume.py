"""In a real terminal: quit while reading (ctrl+q), start again, and the same article is
shown in the same view, as the user left it."""

from __future__ import annotations

import os
import re
import shlex
import sys
import time
from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)


def _start(tmux: Tmux, tmp_path: Path, config: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    command = ["env", "-i", f"HOME={home}", "TERM=xterm-256color", "PATH=/usr/bin:/bin",
               "TZ=UTC", f"PYTHONPATH={os.environ.get('PYTHONPATH', '')}", sys.executable,
               "-m", "tui", "--config", str(config)]
    tmux.run("new-session", "-d", "-s", tmux.session, "-x", "160", "-y", "45",
             "-c", str(tmp_path), shlex.join(command))


def _ended(tmux: Tmux) -> None:
    deadline = time.monotonic() + 20
    while tmux.alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not tmux.alive(), tmux.screen()


def test_quit_and_start_again_shows_the_same_article(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    _start(tmux, tmp_path, config)
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("j", "j", "j", "Enter")
    screen = tmux.wait_for(lambda s: re.search(r"· id \d+", s) is not None and "Related (" in s)
    shown = re.search(r"· id (\d+)", screen).group(1)  # type: ignore[union-attr]
    tmux.keys("C-q")
    _ended(tmux)
    _start(tmux, tmp_path, config)
    again = tmux.wait_for(lambda s: "Related (" in s and "· id " in s)
    assert f"· id {shown}" in again, again
    tmux.keys("C-q")
    _ended(tmux)
