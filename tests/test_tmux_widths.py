"""The layout a user gets in a real terminal at the sizes people run (tmux, an empty HOME, a
bare environment): headlines beside the open article, the text on its measure while the view
tree is asked for, the feeds dialog's reason for a failure on a small terminal."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_config
from tests.test_app_support import copy_demo
from tests.test_cli import newsdesk
from tests.test_tmux_panes import quit_app, start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def test_reading_at_160_columns_keeps_headlines_and_the_measure(tmp_path: Path,
                                                                 tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        first, second = desk.articles("is:unread", limit=2)

    start(tmux, tmp_path, config, (160, 45))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("Enter")
    screen = tmux.wait_for(lambda s: f"· id {first.id}" in s and "Related (" in s)
    lines = screen.splitlines()
    assert any(second.title[:30] in line for line in lines), screen  # was its first 16

    tmux.keys("1")  # the view tree: the side panel makes way, the text keeps its measure
    screen = tmux.wait_for(lambda s: any(line.lstrip("▏┃").startswith("Unread ")
                                         for line in s.splitlines()) and "Related (" not in s)
    header = next(line for line in screen.splitlines() if f"· id {first.id}" in line)
    assert f"{first.feed} · " in header, screen  # the header line is not wrapped
    assert any(second.title[:28] in line for line in screen.splitlines()), screen
    tmux.keys("2")
    tmux.wait_for(lambda s: "Related (" in s)
    tmux.keys("q", "q")
    quit_app(tmux)


def test_the_feeds_dialog_at_80x24_says_why_each_feed_fails(tmp_path: Path,
                                                           tmux: Tmux) -> None:
    """The offline first run: every feed fails, and the reason is the one thing to read."""
    config = write_config(tmp_path, [(f"Outlet {n:02d}", f"http://127.0.0.1:9/{n}.xml")
                                     for n in range(32)])
    assert newsdesk("--config", str(config), "fetch").returncode == 1  # no feed read
    with Desk.open(load_config(config)) as desk:
        reason = desk.feeds()[0].last_error
    assert reason

    start(tmux, tmp_path, config, (80, 24))
    tmux.wait_for(lambda s: "R tries again" in s)
    tmux.keys("e")
    tmux.wait_for(lambda s: "Outlet 00" in s and f"failing: {reason[:40]}" in s)
    tmux.keys(*["Down"] * 20)  # the table scrolls; the reason stays under it
    tmux.wait_for(lambda s: "http://127.0.0.1:9/20.xml" in s and f"failing: {reason[:40]}" in s)
    tmux.keys("G")  # the last feed, as in the list
    tmux.wait_for(lambda s: "http://127.0.0.1:9/31.xml" in s and f"failing: {reason[:40]}" in s)
    tmux.keys("q", "q")
    quit_app(tmux)


def test_the_reader_at_80x24_says_more_follows(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        unread = desk.ids("is:unread")
        at = max(range(len(unread)), key=lambda i: len(desk.article(unread[i]).body or ""))

    start(tmux, tmp_path, config, (80, 24))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys(*["j"] * at, "Enter")
    tmux.wait_for(lambda s: "% · ↓ space: more below" in status(s))
    tmux.keys("G")
    tmux.wait_for(lambda s: "end · space: next unread" in status(s))
    tmux.keys("q", "q")
    quit_app(tmux)

