"""The list's rows at 80x24 in a real terminal, as a new user starts the app (tmux, empty
HOME): headlines keep their width beside the tags, and `E` after reading an article in
Unread writes every row the list shows (the one read, still listed, too)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import quit_app, start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def test_E_after_reading_in_unread_exports_every_row_shown(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        rows = desk.articles("is:unread", limit=10_000)
    total = len(rows)
    start(tmux, tmp_path, config, (80, 24))
    # the headline first, not the tags: 45 of its columns at least
    tmux.wait_for(lambda s: f"Unread  1/{total}" in s and rows[0].title[:45] in s)
    tmux.keys("Enter")  # the reader takes the screen; the article is read, still listed
    tmux.wait_for(lambda s: f"id {rows[0].id}" in s)
    tmux.keys("E")
    screen = tmux.wait_for(lambda s: "Export the list" in s)
    assert f"{total} articles: Unread" in screen, screen
    tmux.keys("Enter")  # the default: ~/newsdesk-unread.md in the (empty) HOME
    tmux.wait_for(lambda s: f"exported {total} articles to ~/newsdesk-unread.md" in status(s))
    dossier = (tmp_path / "home" / "newsdesk-unread.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^## \d+\. ", dossier, re.MULTILINE)) == total
    assert re.search(r"^## 1\. ", dossier, re.MULTILINE)
    tmux.keys("q", "q")
    quit_app(tmux)
