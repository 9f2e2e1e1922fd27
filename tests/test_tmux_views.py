"""In a real terminal: `f view:shoigu` lists the demo's saved view "Shoigu" (a view saved with
V), a name that is no view is said with the views there are, and `newsdesk dismiss --query
view:shoigu` from another shell empties the filtered list of the open reader."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.test_app_support import copy_demo
from tests.test_tmux_follow import cli
from tests.test_tmux_smoke import Tmux
from tui.core.config.loader import load_config
from tui.core.desk import Desk

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_a_saved_view_in_the_filter_bar_and_the_cli(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        shoigu = desk.articles("is:unread actor:sergei-shoigu", limit=100)
        other = desk.articles("is:unread -actor:sergei-shoigu", limit=1)[0]
    assert shoigu
    tmux.start(f"env TZ=UTC {sys.executable} -m tui --config {config}")
    tmux.wait_for(lambda s: "Unread" in s and other.title[:25] in s)

    tmux.keys("f")
    tmux.keys("view:nope", "Enter")
    tmux.wait_for(lambda s: "no saved view is called 'nope'" in s and "Shoigu" in s)
    # the cursor waits at the error: to its end and clear (ctrl+e, not End: End is an escape
    # sequence, which a loaded machine can deliver split, and a lone esc closes the bar)
    tmux.keys("C-e", "C-u")
    tmux.wait_for(lambda s: "filter query, e.g." in s)  # the bar, emptied, waits for the query
    tmux.keys("view:SHOIGU", "Enter")
    screen = tmux.wait_for(lambda s: "f:view:SHOIGU" in s and shoigu[0].title[:25] in s)
    assert other.title[:25] not in screen

    done = cli(config, "dismiss", "--query", "view:shoigu")
    assert done.returncode == 0 and done.stdout.startswith(f"{len(shoigu)} articles dismissed")
    tmux.wait_for(lambda s: shoigu[0].title[:25] not in s, timeout=15)  # gone from Unread
    tmux.keys("q")
