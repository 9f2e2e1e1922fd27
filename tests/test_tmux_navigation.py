"""The way back and the focus in a real terminal, as a user types: tmux runs `python -m tui`
with an empty HOME on a demo cache. A terminal made smaller hands the hidden side panel's focus
to the text; a story chosen in the tree and a related item are levels `q` and `backspace` come
back from, and `q` quits only from the top."""

from __future__ import annotations

import re
import time
from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import quit_app, start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def test_shrinking_with_the_focus_in_the_side_panel(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        unread = desk.ids("is:unread")[:30]
        at = max(range(len(unread)), key=lambda i: len(desk.article(unread[i]).body or ""))
    start(tmux, tmp_path, config, (160, 45))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys(*["j"] * at, "Enter", "4")
    tmux.wait_for(lambda s: "▶ Actors (" in s)
    tmux.run("resize-window", "-t", tmux.session, "-x", "80", "-y", "24")
    screen = tmux.wait_for(lambda s: len(s.splitlines()[0]) <= 80 and "Actors (" not in s)
    top = status(screen)
    tmux.keys("j", "j", "j", "j", "j", "j")  # the text scrolls: the focus is on it
    tmux.wait_for(lambda s: status(s) != top and "% · ↓" in status(s))
    tmux.keys("Enter")  # the text again: no actor's timeline opened unseen
    time.sleep(1)
    assert "Actor timeline" not in tmux.screen()


def test_back_from_a_story_in_the_tree_and_a_related_item(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        loaded = load_config(config)
        # the tree's lines before Stories: All, Unread, Saved, then each unfolded group
        groups = (len(desk.all_tags()), len(list(desk.feeds())), len(loaded.views))
        stories_line = 3 + sum(1 + max(1, n) for n in groups)
    start(tmux, tmp_path, config, (80, 24))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("1")
    tmux.wait_for(lambda s: "▼ Tags" in s)  # the tree, counted (it fills after start-up)
    tmux.keys(*["j"] * (stories_line - 1), "Enter")  # unfold the stories
    tmux.wait_for(lambda s: "▼ Stories" in s)
    tmux.keys("j", "Enter")  # the first story
    tmux.wait_for(lambda s: "Story: " in status(s))
    tmux.keys("Enter")  # its first article, the whole screen
    tmux.wait_for(lambda s: "· id " in s)
    tmux.keys("q")  # the story's list
    tmux.wait_for(lambda s: "Story: " in status(s) and "· id " not in s)
    tmux.keys("q")  # back to Unread: it quitted the app
    tmux.wait_for(lambda s: "back to Unread" in status(s))
    assert tmux.alive()

    tmux.keys("2", "g", "Enter", "5")  # back on the tree (as newsboat's feed list): the list
    screen = tmux.wait_for(lambda s: "▶ Related (" in s and "· id " in s)
    first = int(re.search(r"· id (\d+)", screen).group(1))
    with Desk.open(load_config(config)) as desk:
        related = desk.related(first)[0]
    tmux.keys("Enter")  # the first related item
    tmux.wait_for(lambda s: f"related to #{first} " in status(s) and f"id {related.id}" in s)
    tmux.keys("BSpace")  # back to the article it was listed under
    tmux.wait_for(lambda s: f"back to #{first} " in status(s) and f"id {first}" in s
                  and "▶ Related (" in s)
    tmux.keys("q", "q")  # the list (the reader had the screen), then the app
    quit_app(tmux)
