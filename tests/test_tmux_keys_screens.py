"""The keys of the screens over the list, as a user starts the app (tmux, an empty HOME, a bare
environment): the help screen's `j` `space` `k` `/` `esc` `q` `?`."""

from __future__ import annotations

import re
from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import quit_app, start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.app.commands import COMMANDS


def help_lines(screen: str) -> int:
    """The first line the help box shows, as its border says ("lines 5-34 of 80")."""
    found = re.search(r"lines (\d+)-\d+ of \d+", screen)
    assert found, screen
    return int(found.group(1))


def test_the_help_screen_scrolls_finds_and_closes(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    every = f"newsdesk keys ({len(COMMANDS)} commands)"
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: "Unread  1/" in status(s))
    tmux.keys("?")
    tmux.wait_for(lambda s: every in s and "lines 1-" in s)
    tmux.keys("j")
    tmux.wait_for(lambda s: "lines 2-" in s)
    tmux.keys("Space")  # a page down
    screen = tmux.wait_for(lambda s: "lines " in s and help_lines(s) > 10)
    top = help_lines(screen)
    tmux.keys("k")
    tmux.wait_for(lambda s: f"lines {top - 1}-" in s)
    tmux.keys("/", *"reload")  # other readers' word for it
    screen = tmux.wait_for(lambda s: f"2 of {len(COMMANDS)} commands have 'reload'" in s)
    assert "Refresh every feed" in screen and "Go to the next unread" not in screen
    tmux.keys("Escape")  # the words go: every command again
    tmux.wait_for(lambda s: every in s and "Go to the next unread" in s)
    tmux.keys("q")
    tmux.wait_for(lambda s: "newsdesk keys" not in s)
    tmux.keys("?")
    tmux.wait_for(lambda s: every in s)
    tmux.keys("?")  # the key that opened it closes it
    tmux.wait_for(lambda s: "newsdesk keys" not in s)
    tmux.keys("q")
    quit_app(tmux)
