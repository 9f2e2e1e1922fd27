"""`n` and `p` (and `space` at an article's end) at the last unread article of a list. From a
feed's list they go on as newsboat's next-unread does: to the next (previous) feed of
feeds.toml with unread articles, round the list, its first (last) unread one opened when the
reader is open. It kept to the list, and said "no more unread articles" while the tree
counted unread ones elsewhere (an analyst following one feed thought the morning's reading
was done). Other lists (a tag's, a story's, Unread) keep to themselves and say where the
rest are; `J`/`K` at the last and first feed say so and stay."""

from __future__ import annotations

from tests.test_app_support import SIZE, listed_ids, main, make_app, settle, status
from tui.app.views import feed_view


async def test_n_at_a_feeds_last_unread_goes_on_to_the_next_feed_with_unread(demo_desk) -> None:
    desk, config = demo_desk
    names = [feed.name for feed in config.feeds]
    first, second, third = names[0], names[1], names[2]
    in_first = desk.ids(feed_view(first).query)
    desk.set_read(in_first[1:])  # the feed's newest article is its only unread one
    desk.set_read(desk.ids(feed_view(second).query))  # the next feed has none: skipped
    in_third = desk.ids(feed_view(third).query + " is:unread")
    assert in_third
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        screen.trail.to_view(feed_view(first))
        await settle(pilot)
        assert listed_ids(app) == in_first
        await pilot.press("enter")  # reads it
        await settle(pilot)
        assert screen.status_line._where[0].endswith("space: next unread") or \
            "nothing unread" not in str(screen.status_line.render())
        await pilot.press("n")
        await settle(pilot)
        said = status(app)
        assert screen.view.feed == third, said
        assert screen.reader.is_open and screen.reader.article.id == in_third[0], said
        assert said.startswith(third) and "next feed, " in said, said  # the label names it
        assert f"({first} has none left)" in said, said
        await pilot.press("p")  # and back: the previous feed with unread ones, round the list
        await settle(pilot)
        before = [n for n in reversed(names[:2]) if desk.count(f"feed:\"{n}\" is:unread")] or \
            [n for n in reversed(names[3:]) if desk.count(f"feed:\"{n}\" is:unread")]
        assert screen.view.feed == before[0], status(app)
        assert "prev feed, " in status(app) and "has none earlier" in status(app)


async def test_n_with_no_unread_anywhere_says_so_in_a_feed(demo_desk) -> None:
    desk, config = demo_desk
    first = config.feeds[0].name
    desk.set_read(desk.ids("is:unread"))
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main(app).trail.to_view(feed_view(first))
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        said = status(app)
        assert main(app).view.feed == first, said
        assert "no more unread articles" in said and "elsewhere" not in said, said


async def test_n_at_the_end_of_a_tags_list_says_where_the_unread_ones_are(demo_desk) -> None:
    desk, config = demo_desk
    tag = "caucasus"
    in_tag = desk.ids(f"tag:{tag}")
    desk.set_read(in_tag[1:])
    elsewhere = desk.count("is:unread") - 1
    assert elsewhere > 0
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        await pilot.press("f", *f"tag:{tag}", "enter")
        await settle(pilot)
        assert listed_ids(app) == in_tag[:1]  # Unread with the filter: its one unread
        await pilot.press("enter", "n")
        await settle(pilot)
        said = status(app)
        assert "no more unread articles in this list" in said, said
        assert f"{elsewhere} elsewhere" in said, said
        assert screen.filter_query == f"tag:{tag}"  # it stayed
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


async def test_J_and_K_at_the_last_and_first_feed_stay_and_say_so(demo_desk) -> None:
    desk, config = demo_desk
    names = [feed.name for feed in config.feeds]
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        await pilot.press("K")  # from Unread: the last feed
        await settle(pilot)
        assert screen.view.feed == names[-1]
        await pilot.press("J")
        await settle(pilot)
        assert screen.view.feed == names[-1] and "is the last feed" in status(app)
        await pilot.press("J")  # from Unread again after q: the first feed, then K stays
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("J")
        await settle(pilot)
        assert screen.view.feed == names[0]
        await pilot.press("K")
        await settle(pilot)
        assert screen.view.feed == names[0] and "is the first feed" in status(app)
