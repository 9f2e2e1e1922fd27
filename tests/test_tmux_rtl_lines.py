"""In a real terminal (tmux does no bidi), as the new user met them: the `e` feeds dialog and
`newsdesk list lang:fa` draw the demo's Arabic and Persian outlets and titles in visual
order and shaped, not in the stored order (backwards and unjoined there)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.test_app_support import copy_demo
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.visual import visual_lines

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

ARABIC_FEED, PERSIAN_FEED = "بريد المشرق", "پیک البرز"


def drawn(text: str) -> str:
    return visual_lines(text, 1000, rtl=True)[0].text


def test_the_feeds_dialog_and_list_read_right_to_left_in_tmux(tmp_path: Path) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        title = desk.articles("lang:fa", limit=1)[0].title
    term = Tmux()
    try:
        term.start(f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config}",
                   cwd=tmp_path)
        term.wait_for(lambda s: "Unread" in s and "1/" in s)
        term.keys("e")
        screen = term.wait_for(lambda s: "Feeds (9" in s)
        rows = [line for line in screen.splitlines() if "│" in line]
        assert any(drawn(ARABIC_FEED) in row for row in rows), screen
        assert any(drawn(PERSIAN_FEED) in row for row in rows)
        assert ARABIC_FEED not in screen and PERSIAN_FEED not in screen
        term.keys("q", "q")
        term.wait_for(lambda s: not term.alive() or "Feeds (9" not in s)
    finally:
        term.kill()
    term = Tmux()
    try:
        term.start(f"sh -c '{user_env(tmp_path / 'home')} {sys.executable} -m tui --config "
                   f"{config} list lang:fa; echo listed; sleep 60'", cwd=tmp_path)
        screen = term.wait_for(lambda s: "listed" in s)
        assert drawn(" ".join(title.split()[:3])) in screen and title.split()[0] not in screen
        assert drawn(PERSIAN_FEED) in screen
    finally:
        term.kill()
