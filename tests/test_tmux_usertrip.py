"""A new user's keys in a real terminal: `u` keeps the selection on the article being read
(the next key acts on it), and `q` from an actor's timeline goes back instead of quitting."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.test_app_support import copy_demo
from tests.test_tmux_smoke import Tmux
from tui.core.config.loader import load_config
from tui.core.desk import Desk

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def status(screen: str) -> str:
    return screen.splitlines()[-2]  # the line above the footer


def test_undo_then_save_acts_on_the_article_being_read(tmp_path: Path, tmux: Tmux) -> None:
    config_path = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config_path)) as desk:
        third = desk.articles("is:unread", limit=3)[2]
    tmux.start(f"env TZ=UTC {sys.executable} -m tui --config {config_path}")
    tmux.wait_for(lambda s: "Unread" in s and third.title[:30] in s)
    tmux.keys("Enter", "n", "n")
    tmux.wait_for(lambda s: "Unread  3/" in status(s))
    tmux.keys("N")
    tmux.wait_for(lambda s: f"marked unread #{third.id}" in status(s))
    tmux.keys("u")
    tmux.wait_for(lambda s: f"undone: marked unread #{third.id}" in status(s)
                  and "Unread  3/" in status(s))
    tmux.keys("s")
    tmux.wait_for(lambda s: f"saved ★ #{third.id}" in status(s))
    with Desk.open(load_config(config_path)) as desk:
        assert desk.article(third.id).saved and desk.ids("is:saved") == [third.id]


def test_q_from_a_timeline_goes_back_then_quits_from_the_top(tmp_path: Path,
                                                            tmux: Tmux) -> None:
    config_path = copy_demo(tmp_path / "demo")
    tmux.start(f"env TZ=UTC {sys.executable} -m tui --config {config_path}")
    tmux.wait_for(lambda s: "Unread  1/" in status(s))
    tmux.keys("Enter", "4", "Enter")
    tmux.wait_for(lambda s: "Actor timeline: " in status(s))
    tmux.keys("q")
    tmux.wait_for(lambda s: "back to Unread" in status(s) and "Unread  1/" in status(s))
    tmux.keys("BSpace")  # nothing to go back to: Backspace never quits
    tmux.keys("q", "q", "q")  # the side panel, the reader, then the app
    tmux.wait_for(lambda s: not tmux.alive(), timeout=20)
