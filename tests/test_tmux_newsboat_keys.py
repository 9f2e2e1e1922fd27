"""newsboat's habits in a real terminal (tmux, `python -m tui`, an empty HOME, the demo
cache): a feed chosen in the tree, an article of it, then `q` `q` is back on Unread with the
tree on that feed (it quitted the app at once); J lists the next feed; `b` says which key
opens the browser; `q` from the tree, then from Unread's list, quits."""

from __future__ import annotations

from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import quit_app, start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def test_q_from_a_feed_goes_back_to_the_view_it_came_from(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    loaded = load_config(config)
    with Desk.open(loaded) as desk:
        first_feed_line = 3 + 1 + max(1, len(desk.all_tags())) + 1  # All Unread Saved, Tags
    names = [feed.name for feed in loaded.feeds]
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("1")
    tmux.wait_for(lambda s: "▼ Feeds" in s)  # the tree, counted
    tmux.keys(*["j"] * (first_feed_line - 1), "Enter")  # from Unread to the first feed
    tmux.wait_for(lambda s: status(s).lstrip().startswith(names[0]))
    tmux.keys("Enter")  # an article of it
    tmux.wait_for(lambda s: "· id " in s)
    tmux.keys("q")  # the reader closes
    tmux.wait_for(lambda s: "· id " not in s)
    tmux.keys("q")  # back to Unread: it quitted the app
    tmux.wait_for(lambda s: "back to Unread" in status(s))
    assert tmux.alive()
    tmux.keys("2", "J")  # newsboat's next feed
    tmux.wait_for(lambda s: f"feed 1 of {len(names)}: {names[0]}" in status(s))
    tmux.keys("J")
    tmux.wait_for(lambda s: f"feed 2 of {len(names)}: {names[1]}" in status(s))
    tmux.keys("b")
    tmux.wait_for(lambda s: "b: no such key in newsdesk; o opens the link" in status(s))
    tmux.keys("q")  # back to Unread (J moved sideways at the feed's level)
    tmux.wait_for(lambda s: "back to Unread" in status(s))
    tmux.keys("q", "q")  # the tree's focus to the list, then quit from the top
    quit_app(tmux)
