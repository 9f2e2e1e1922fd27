"""`n` (and `space` at an article's end) at the last unread article of a feed's or a story's
list: newsboat's `n` goes on to the next feed's unread ones; here it keeps to the list, and
said "no more unread articles" while the tree counted unread ones elsewhere (an analyst
following one story thought the morning's reading was done)."""

from __future__ import annotations

from tests.test_app_support import SIZE, listed_ids, main, make_app, settle, status
from tui.app.views import feed_view


async def test_n_at_the_end_of_a_feed_says_where_the_unread_ones_are(demo_desk) -> None:
    desk, config = demo_desk
    first = config.feeds[0].name
    in_feed = desk.ids(feed_view(first).query)
    desk.set_read(in_feed[1:])  # the feed's newest article is its only unread one
    elsewhere = desk.count("is:unread") - 1
    assert elsewhere > 0
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main(app).trail.to_view(feed_view(first))
        await settle(pilot)
        assert listed_ids(app) == in_feed
        await pilot.press("enter")  # reads it
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        said = status(app)
        assert "no more unread articles in this list" in said, said
        assert f"{elsewhere} elsewhere" in said, said
        await pilot.press("p")
        await settle(pilot)
        assert "no earlier unread articles in this list" in status(app), status(app)


async def test_n_in_unread_with_none_left_says_only_that(demo_desk) -> None:
    desk, config = demo_desk
    desk.set_read(desk.ids("is:unread"))
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        said = status(app)
        assert "no more unread articles" in said and "elsewhere" not in said, said
