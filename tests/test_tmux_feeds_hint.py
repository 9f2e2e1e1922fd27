"""In a real terminal (tmux, empty HOME) of 100 columns, where the tree of feeds and views
is hidden until asked for: the footer names the key that shows it, so a newsboat user,
whose reader opens on its feed list, finds the feeds without reading the help first."""

from __future__ import annotations

from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)


def test_the_footer_names_the_key_to_the_feeds(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    start(tmux, tmp_path, config, (100, 30))
    screen = tmux.wait_for(lambda s: "Unread  1/" in status(s))
    assert "▼ Feeds" not in screen  # the tree waits at this width
    footer = screen.splitlines()[-1]
    assert "1 Feeds & views" in footer and footer.rstrip().endswith("? Help"), footer
    tmux.keys("1")
    tmux.wait_for(lambda s: "▼ Feeds" in s and "Levant Ledger" in s)
