"""`q` from the view tree in a real terminal: the first one moves to the list and says so
on the status line (only a border's weight showed it), the next quits."""

from __future__ import annotations

import time
from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)


def test_q_from_the_tree_says_the_list_then_quits(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    start(tmux, tmp_path, config, (160, 45))  # wide enough for the tree
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("1")
    tmux.keys("q")
    tmux.wait_for(lambda s: "to the list; q again quits" in status(s))
    assert tmux.alive()
    tmux.keys("q")
    deadline = time.monotonic() + 15
    while tmux.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not tmux.alive(), "the second q did not quit the app"
