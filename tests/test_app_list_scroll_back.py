"""Pilot tests: back from a reader that took the whole screen, the list keeps the rows it
showed (newsboat's does): `n` and `p` there move the selection while the list is hidden, and
a hidden list has no height to keep a row in sight by."""

from __future__ import annotations

from tests.test_app_support import main, pressed, settle


async def test_n_in_a_full_screen_reader_leaves_the_rows_above_in_sight(demo_desk) -> None:
    async with pressed(demo_desk, (80, 24), "enter", "n", "n", "q") as (app, pilot):
        await settle(pilot)
        articles = main(app).articles
        assert articles.display and articles.cursor == 2
        assert int(articles.scroll_y) == 0  # the two read above it are still on the screen


async def test_a_far_n_still_brings_the_selection_into_sight(demo_desk) -> None:
    desk, _config = demo_desk
    unread = desk.ids("is:unread")
    desk.set_read(unread[1:30])  # read elsewhere: still listed until a reload, n skips them
    async with pressed(demo_desk, (80, 24), "enter", "n", "q") as (app, pilot):
        await settle(pilot)
        articles = main(app).articles
        height = articles.scrollable_content_region.height
        top = int(articles.scroll_y)
        assert top <= articles.cursor < top + height
