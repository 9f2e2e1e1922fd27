"""The list's and the reader's keys no other tmux test types, as a user starts the app (tmux,
an empty HOME, a bare environment): `p` `x` `T` `A` `u` `C` change what the cache holds and
say so; `space` `z` `End` `Home` `PageDown` `ctrl+b` `ctrl+f` `PageUp` the arrows and `K`
move; `esc` closes dialogs and the reader; `right` unfolds the tree; `ctrl+c` and other
readers' keys (`D` `Q` `#` `ctrl+n` `P` `F` `S`) say which key does that here."""

from __future__ import annotations

from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import quit_app, start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def test_p_x_untag_and_catching_up_say_what_they_did(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        unread = desk.ids("is:unread")
        tags = desk.article(unread[2]).tags
    total = len(unread)
    assert len(tags) >= 2
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: f"Unread  1/{total}" in status(s))
    tmux.keys("p")  # at the top: nothing earlier, and which way the unread ones are
    tmux.wait_for(lambda s: "no earlier unread articles in this list (n goes" in status(s))
    tmux.keys("n", "n", "p")
    # the hint was about the first row: once `n` and `p` have moved, it is not said there
    tmux.wait_for(lambda s: f"Unread  2/{total}" in status(s)
                  and "no earlier unread" not in status(s), timeout=5)
    tmux.keys("tburst")  # typed fast: the words after `t` go into its line, not to the list
    tmux.wait_for(lambda s: "Add tags" in s and "burst" in s)
    tmux.keys("Enter")
    tmux.wait_for(lambda s: f"tagged #burst on #{unread[1]} " in status(s))
    tmux.keys("x")  # dismissed: read, and the cursor goes on
    tmux.wait_for(lambda s: f"dismissed #{unread[1]} " in status(s)
                  and f"Unread  3/{total}" in status(s))
    tmux.keys("T")
    tmux.wait_for(lambda s: "Remove tag" in s and "enter removes" in s)
    tmux.keys("j", "Enter")  # the second of its tags
    screen = tmux.wait_for(lambda s: f"removed #{tags[1]} from #{unread[2]} " in status(s))
    assert "Remove tag" not in screen
    tmux.keys("A")
    tmux.wait_for(lambda s: f"marked {total - 1} read (u undoes)" in status(s)
                  and "Unread  0/0" in status(s))
    tmux.keys("u")
    tmux.wait_for(lambda s: f"undone: marked {total - 1} read" in status(s))
    tmux.keys("C")  # every feed's: asked first
    tmux.wait_for(lambda s: "Mark all feeds read" in s and f"Mark {total - 1} unread" in s)
    tmux.keys("n")
    tmux.wait_for(lambda s: "nothing marked read" in status(s))
    with Desk.open(load_config(config)) as desk:
        assert desk.article(unread[1]).read and desk.count("is:unread") == total - 1
        assert desk.article(unread[2]).tags == tuple(t for t in tags if t != tags[1])
    tmux.keys("C")
    tmux.wait_for(lambda s: "Mark all feeds read" in s)
    tmux.keys("y")
    tmux.wait_for(lambda s: f"marked {total - 1} read in every feed" in status(s))
    with Desk.open(load_config(config)) as desk:
        assert desk.count("is:unread") == 0
    tmux.keys("q")
    quit_app(tmux)


def list_shown(screen: str) -> bool:
    """The list is drawn above the reader (the border under it starts a line)."""
    return any(line.startswith("▔") for line in screen.splitlines())


HABITS = {"D": "D: no such key in newsdesk; x dismisses",
          "Q": "Q: no such key in newsdesk; q quits",
          "#": "#: no such key in newsdesk; O opens a link",
          "C-n": "ctrl+n: no such key in newsdesk; J lists the next feed",
          "P": "P: no such key in newsdesk; p goes to the previous unread",
          "F": "F: no such key in newsdesk; f filters", "S": "S: no such key in newsdesk; f filters"}


def test_space_z_paging_k_and_other_readers_keys(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    loaded = load_config(config)
    with Desk.open(loaded) as desk:
        unread = desk.ids("is:unread")
    total = len(unread)
    names = [feed.name for feed in loaded.feeds]
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: f"Unread  1/{total}" in status(s))
    tmux.keys("Enter")  # the first article fits, and the status line says so at once
    tmux.wait_for(lambda s: f"· id {unread[0]}" in s and "end · space: next unread" in status(s))
    tmux.keys("Space")  # space goes on to the next unread
    tmux.wait_for(lambda s: f"· id {unread[1]}" in s and "end · space: next unread" in status(s))
    tmux.keys("z")  # the reader takes the whole screen: the list above it goes
    tmux.wait_for(lambda s: not list_shown(s) and f"· id {unread[1]}" in s)
    tmux.keys("z")
    tmux.wait_for(list_shown)
    tmux.keys("q")
    tmux.wait_for(lambda s: "· id " not in s)
    tmux.keys("End")
    tmux.wait_for(lambda s: f"Unread  {total}/{total}" in status(s))
    tmux.keys("Home")
    tmux.wait_for(lambda s: f"Unread  1/{total}" in status(s))
    tmux.keys("PageDown")
    tmux.wait_for(lambda s: f"Unread  1/{total}" not in status(s))
    tmux.keys("C-b")
    tmux.wait_for(lambda s: f"Unread  1/{total}" in status(s))
    tmux.keys("C-f")
    tmux.wait_for(lambda s: f"Unread  1/{total}" not in status(s))
    tmux.keys("PageUp")
    tmux.wait_for(lambda s: f"Unread  1/{total}" in status(s))
    tmux.keys("Down", "Down")
    tmux.wait_for(lambda s: f"Unread  3/{total}" in status(s))
    tmux.keys("Up")
    tmux.wait_for(lambda s: f"Unread  2/{total}" in status(s))
    tmux.keys("Enter")
    tmux.wait_for(lambda s: f"· id {unread[1]}" in s)
    tmux.keys("t")  # the dialogs' esc (and the untag list's q) take nothing
    tmux.wait_for(lambda s: "Add tags" in s)
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Add tags" not in s)
    tmux.keys("T")
    tmux.wait_for(lambda s: "Remove tag" in s)
    tmux.keys("q")
    tmux.wait_for(lambda s: "Remove tag" not in s and f"· id {unread[1]}" in s)
    tmux.keys("Escape")  # back: the reader closes, the app stays
    tmux.wait_for(lambda s: "· id " not in s and f"Unread  2/{total}" in status(s))
    tmux.keys("1", "G", "Right")  # the tree's last group, unfolded by the right arrow
    tmux.wait_for(lambda s: "▼ Actors" in s)
    tmux.keys("2")
    tmux.keys("K")  # from another view: the last feed's list
    tmux.wait_for(lambda s: f"feed {len(names)} of {len(names)}" in status(s))
    tmux.keys("K")
    tmux.wait_for(lambda s: f"feed {len(names) - 1} of {len(names)}" in status(s))
    tmux.keys("C-c")  # not a quit: it says how
    tmux.wait_for(lambda s: "Do you want to quit?" in s and "Press ctrl+q to quit" in s)
    for key, said in HABITS.items():
        tmux.keys(key)
        tmux.wait_for(lambda s, said=said: said in status(s), timeout=10)
    assert tmux.alive()
    tmux.keys("q")  # back to Unread
    tmux.wait_for(lambda s: "back to Unread" in status(s))
    tmux.keys("q")
    quit_app(tmux)

