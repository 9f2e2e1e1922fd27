"""The view tree in a real 220x60 terminal: an analyst saw it stay 28 columns, every story
cut (`Kazan · Pezeshk… · 23 Oct`, two rows of `Tehran`) and actor counts lost
(`Ali Akbar Ahmadian (…`). It takes a share of a wide screen and shows them whole."""

from __future__ import annotations

import re
from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import quit_app, start
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def test_the_tree_takes_a_share_of_a_wide_terminal(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        stories = desk.stories(limit=50)
    start(tmux, tmp_path, config, (220, 60))
    tmux.wait_for(lambda s: "Unread  1/" in s and "▶ Actors (" in s)  # the tree counted
    tmux.keys("1", "G", "Enter")  # the tree; its last group (Actors) unfolded
    screen = tmux.wait_for(lambda s: re.search(r"├ Iran \(\d+\)", s) is not None)
    assert re.search(r"├ Islamic Revolutionary Guard Corps \(\d+\) ", screen), screen
    tmux.keys("Enter", "k", "Enter")  # folded again; Stories unfolded
    screen = tmux.wait_for(lambda s: "├ Kazan · Pezeshkian, BRICS · 23 Oct 2024" in s)
    rows = [line[1:63] for line in screen.splitlines()]  # the tree: 63 columns, its border
    for story in stories:  # whole, or only its people cut: never the place or the days
        counted, short = f"/{len(story.article_ids)}", re.sub(r" \d{4}$", "", story.label)
        head, _, days = short.rpartition(" · ")
        shown = [row for row in rows if row.rstrip().endswith(counted) and days in row
                 and row[2:].startswith(head.split(" · ")[0])]
        assert any(short in row or "…" in row for row in shown), (story.label, "\n".join(rows))
    tehran = [row for row in rows if row[2:].startswith("Tehran ·")]
    assert len(tehran) == 2 and "Shoigu" in tehran[0] and "Haniyeh" in tehran[1], tehran
    tmux.keys("2", "q")  # from the list, at the top: q quits
    quit_app(tmux)
