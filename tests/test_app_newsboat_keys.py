"""Habits a newsboat or Elfeed user brings (Pilot, on the demo cache): `q` from a feed chosen
in the tree goes back to the view it came from, as newsboat's `q` goes from a feed's articles
back to the feed list; J and K step through the feeds; keys newsdesk does not have say which
one does that here; the palette finds commands by newsboat's words."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_app_support import main, make_app, settle, status


async def choose_feed(pilot: Any, name: str) -> None:
    """`1`, the cursor on the feed `name` in the tree, `enter`."""
    await pilot.press("1")
    await settle(pilot)
    tree = main(pilot.app).view_tree
    group = next(n for n in tree.root.children if str(n.label).startswith("Feeds"))
    group.expand()
    await pilot.pause()
    node = next(n for n in group.children if n.data is not None and n.data.feed == name)
    tree.move_cursor(node, animate=False)
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_q_from_a_feed_chosen_in_the_tree_goes_back_to_the_view_before(
        demo_desk, size) -> None:
    """1, a feed, enter, q: back to Unread with the tree's cursor on that feed (it quitted
    the app at once); a tag or saved view chosen from there is sideways; q from the tree
    gives the list the focus, and q from Unread's list quits."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = main(app)
        await choose_feed(pilot, "Caspian Courier")
        assert screen.view.kind == "feed" and screen.focused is screen.articles
        await pilot.press("enter", "q")  # an article, closed again
        await settle(pilot)
        assert screen.view.kind == "feed" and not screen.reader.is_open
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running and screen.view.label == "Unread"
        assert "back to Unread" in status(app)
        assert screen.focused is screen.view_tree
        assert screen.view_tree.highlighted_feed == "Caspian Courier"
        await choose_feed(pilot, "Levant Ledger")
        await choose_feed(pilot, "Gulf Dispatch")  # sideways: one q still leads back
        await pilot.press("escape")
        await settle(pilot)
        assert screen.view.label == "Unread" and app.is_running
        await pilot.press("q", "q")  # the tree's focus, then quit from the top
        await settle(pilot)
        assert not app.is_running


async def test_all_chosen_in_the_tree_is_the_top(demo_desk) -> None:
    """All (or Unread) chosen in the tree is the top: q quits from its list."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await choose_feed(pilot, "Caspian Courier")
        await pilot.press("1", "g", "enter")  # All, the tree's first row
        await settle(pilot)
        assert main(app).view.label == "All"
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running
