"""`e` in a real terminal at 120x40, then at 80x24: each feed's "last ok" reads the same at
both widths (the list's rule by age), where 120 columns gave a full date and 80 a time."""

from __future__ import annotations

import re
from pathlib import Path

from tests import test_app_support as support
from tests.test_app_support import copy_demo
from tests.test_tmux_panes import quit_app, start
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.app.widgets.row_time import short_time
from tui.core.config.loader import load_config
from tui.core.desk import Desk

FEED = "Levant Ledger"


def _row(screen: str) -> str:
    return next(line for line in screen.splitlines() if FEED in line and "│" in line)


def test_last_ok_is_the_same_at_120_and_80_columns(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with support.utc_clock(), Desk.open(load_config(config)) as desk:
        last_ok = next(f.last_ok for f in desk.feeds() if f.name == FEED)
        said = short_time(last_ok).strip()
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("e")
    wide = _row(tmux.wait_for(lambda s: "Feeds (" in s and FEED in s))
    assert f" {said} " in wide and not re.search(r"\d{4}-\d\d-\d\d", wide), wide
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Feeds (" not in s)
    tmux.run("resize-window", "-t", tmux.session, "-x", "80", "-y", "24")
    tmux.wait_for(lambda s: len(s.splitlines()[0]) <= 80)
    tmux.keys("e")
    narrow = _row(tmux.wait_for(lambda s: "Feeds (" in s and FEED in s))
    assert f" {said} " in narrow, narrow
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Feeds (" not in s)
    tmux.keys("q")
    quit_app(tmux)
