"""What happened, as a new user sees it: after a first refresh in a fresh reader (empty HOME,
a cold interpreter, links scored in the worker pool), the related list says which kind of
event both articles report ("both: ceasefire"), beside who, where and when."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.demo.server import DemoServer, write_demo_config

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_related_items_say_what_both_report(tmp_path: Path, tmux: Tmux) -> None:
    with DemoServer() as site:
        config_path = write_demo_config(tmp_path / "site", site)
        tmux.start(f"{user_env(tmp_path / 'home')} {sys.executable} -m tui "
                   f"--config {config_path}", cwd=tmp_path)
        tmux.wait_for(lambda s: "R Refresh" in s)
        tmux.keys("R")
        tmux.wait_for(lambda s: "refreshed all feeds" in s, timeout=90)
        tmux.keys("5")  # the first row's related list: the reader opens beside it
        screen = tmux.wait_for(lambda s: "▶ Related (" in s and "both: " in s)
        tmux.keys("q")
    with Desk.open(load_config(config_path)) as desk:
        first = desk.ids("")[0]
        reasons = [r.reasons for r in desk.related(first)]
    kinds = next(r for r in reasons if "both: " in r).split("both: ", 1)[1].split(";")[0]
    assert kinds.split(",")[0].strip()[:12] in screen  # what the pane shows is what was stored
