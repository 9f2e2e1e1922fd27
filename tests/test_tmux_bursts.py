"""Keys typed in one burst in a real terminal (one tmux send-keys: the terminal delivers them
at once) land where they would have landed typed one by one: each key is handled by the
screen the key before it left (tui/app/key_order.py). Before, the tabs of `i Tab Tidewater
Tab coast` typed from the feeds list were lost (the letters landed in the URL field), the
palette was left open after `ctrl+p Tag enter probe`, and the enter of `T j enter` was lost."""

from __future__ import annotations

from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import quit_app, start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def add_dialog_fields(tmux: Tmux) -> None:
    """URL empty (its placeholder shows), the name and the tags each in its own field."""
    screen = tmux.wait_for(lambda s: "Tidewater" in s and "coast" in s
                           and "name (optional" not in s and "tags (optional" not in s)
    rows = screen.splitlines()
    at = [next((i for i, row in enumerate(rows) if mark in row), -1)
          for mark in ("URL, e.g.", "Tidewater", "coast")]
    assert -1 not in at and at == sorted(set(at)), screen
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "URL, e.g." not in s)


def test_keys_typed_in_one_burst_land_in_what_the_keys_before_opened(
        tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: "Unread  1/" in status(s))
    tmux.keys("e")
    tmux.wait_for(lambda s: "Feeds (" in s)
    tmux.keys("i", "Tab", "Tidewater", "Tab", "coast")  # from the feeds list
    add_dialog_fields(tmux)
    tmux.keys("e", "i", "Tab", "Tidewater", "Tab", "coast")  # from the list, `e` too
    add_dialog_fields(tmux)
    tmux.keys("C-p", "Tag", "Enter", "probe")  # the palette's command, then its dialog
    tmux.wait_for(lambda s: "Add tags" in s and "probe" in s)
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Add tags" not in s and "Unread  1/" in status(s))
    tmux.keys("q")
    quit_app(tmux)


def test_a_list_dialog_takes_the_enter_typed_with_the_key_that_opened_it(
        tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: "Unread  1/" in status(s))
    with Desk.open(load_config(config)) as desk:
        first = desk.articles("is:unread", limit=1)[0]
        tags = desk.article(first.id).tags
    assert len(tags) >= 3, tags
    tmux.keys("T", "Enter")  # the first tag of the article under the cursor goes
    tmux.wait_for(lambda s: f"removed #{tags[0]}" in status(s))
    tmux.keys("T", "j", "Enter")  # then the second of those left
    tmux.wait_for(lambda s: f"removed #{tags[2]}" in status(s))
    with Desk.open(load_config(config)) as desk:
        assert desk.article(first.id).tags == (tags[1], *tags[3:])
    tmux.keys("q")
    quit_app(tmux)


def paste(tmux: Tmux, text: str) -> None:
    """A bracketed paste, as a terminal sends one (one Paste event, not keys)."""
    tmux.run("set-buffer", "-b", "clip", text)
    tmux.run("paste-buffer", "-p", "-b", "clip", "-t", tmux.session)


def test_a_paste_right_after_the_key_opening_a_dialog_lands_in_it(
        tmp_path: Path, tmux: Tmux) -> None:
    """`e i` then a pasted URL: the URL went to the list under the dialog (a Paste was routed
    at once, while `e` and `i` were still opening their screens), the field stayed empty."""
    config = copy_demo(tmp_path / "demo")
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: "Unread  1/" in status(s))
    url = "http://127.0.0.1:9/pasted/feed.xml"
    for _ in range(2):
        tmux.keys("e", "i")
        paste(tmux, url)
        tmux.wait_for(lambda s: url in s and "URL, e.g." not in s, timeout=20)
        tmux.keys("Escape", "Escape")
        tmux.wait_for(lambda s: "Feeds (" not in s and "Unread  1/" in status(s))
    tmux.keys("/")
    paste(tmux, "Shoigu")
    tmux.keys("Enter")
    tmux.wait_for(lambda s: "/Shoigu" in status(s))
    tmux.keys("q")  # leaves the search (newsboat's q), then quits
    tmux.wait_for(lambda s: "search and filter cleared" in status(s))
    tmux.keys("q")
    quit_app(tmux)
