"""`r` refreshes the feed the user points at, as in newsboat: the one highlighted in the tree
when the tree has the focus, and a refresh that fails says so and why."""

from __future__ import annotations

from pathlib import Path

from tests import test_app_support as support
from tests.test_app_support import SIZE, main, make_app, settle, status, until
from tui.app.views import feed_view
from tui.core.config.loader import load_config
from tui.core.desk import Desk

DEAD = '\n[[feed]]\nname = "Dead Feed"\nurl = "http://127.0.0.1:9/feed.xml"\n'


def _with_dead_feed(tmp_path: Path) -> Path:
    path = support.copy_demo(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + DEAD, encoding="utf-8")
    return path


async def test_r_on_a_feed_in_the_tree_refreshes_that_feed(tmp_path: Path) -> None:
    """An article of another feed is open; the tree's cursor is on Dead Feed: `r` is for it,
    and its failure is said with the reason, not as '0 new; 1 failed'."""
    config = load_config(_with_dead_feed(tmp_path))
    with support.utc_clock(), Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")  # an article of a demo feed is open
            await pilot.pause()
            screen = main(app)
            assert screen.reader.article is not None
            await pilot.press("1")
            await until(pilot, lambda: screen.view_tree.cursor_node is not None)
            screen.view_tree.select_view(feed_view("Dead Feed"))
            await pilot.press("r")
            await until(pilot, lambda: "failed" in status(app), 60)
            await settle(pilot)
            line = status(app)
            assert "Dead Feed: refresh failed: could not connect" in line, line
            assert "0 new" not in line
            assert desk.feeds()[-1].failures == 1
            assert all(f.failures == 0 for f in desk.feeds()[:-1])  # no other feed was tried


async def test_r_on_a_feed_in_the_tree_of_an_empty_cache(tmp_path: Path) -> None:
    """No articles at all (a first run): `r` on a feed in the tree still has a feed."""
    from tests.conftest import write_config

    config = load_config(write_config(tmp_path, [("Dead Feed", "http://127.0.0.1:9/f.xml")]))
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            screen = main(app)
            await pilot.press("1")
            await until(pilot, lambda: screen.view_tree.cursor_node is not None)
            screen.view_tree.select_view(feed_view("Dead Feed"))
            await pilot.press("r")
            assert "no feed to refresh here" not in status(app)
            await until(pilot, lambda: "refresh failed" in status(app), 60)
