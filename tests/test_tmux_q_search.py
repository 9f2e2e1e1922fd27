"""In a real terminal (tmux, empty HOME), as a newsboat user leaves a search's results: `q`
after `/` or `f` goes back to the whole list (the article in hand still selected), and only
the next `q` quits; a quit with a search on lost the search and the list it came from."""

from __future__ import annotations

from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import quit_app, start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def test_q_leaves_the_search_then_quits(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        unread = desk.ids("is:unread")
        found = desk.ids("is:unread Shoigu")
    start(tmux, tmp_path, config, (80, 24))
    tmux.wait_for(lambda s: f"Unread  1/{len(unread)}" in status(s))
    tmux.keys("/")
    tmux.wait_for(lambda s: "/ search" in s)
    tmux.keys(*"Shoigu", "Enter")
    tmux.wait_for(lambda s: f"/Shoigu  1/{len(found)}" in status(s))
    tmux.keys("j", "q")  # the second result: the whole list comes back, on that article
    at = unread.index(found[1]) + 1
    line = status(tmux.wait_for(lambda s: "search and filter cleared" in status(s)))
    assert f"Unread  {at}/{len(unread)}" in line and "q again quits" in line, line
    assert tmux.alive()
    tmux.keys("f")
    tmux.wait_for(lambda s: "f filter" in s)
    tmux.keys(*"actor:shoigu", "Enter")
    tmux.wait_for(lambda s: "f:actor:shoigu" in status(s))
    tmux.keys("Escape")  # esc goes back the same way
    tmux.wait_for(lambda s: "search and filter cleared" in status(s) and "f:actor" not in status(s))
    tmux.keys("q")
    quit_app(tmux)
