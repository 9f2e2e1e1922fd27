"""A search that matches nothing closes the reader: it kept showing the last article read as
if it belonged to the empty list (an analyst's note)."""

from __future__ import annotations

from tests.test_app_support import SIZE, main, make_app, settle


async def test_a_search_matching_nothing_leaves_no_article_shown(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = main(app)
        assert screen.reader.is_open and screen.reader.article is not None
        await pilot.press("slash", *"zzqxnothing", "enter")
        await settle(pilot)
        assert not screen.articles.pager and not screen.reader.is_open
        assert screen.focused is screen.articles
        await pilot.press("slash", *"treaty", "enter")  # a search that matches: as before
        await settle(pilot)
        assert screen.articles.pager and len(screen.articles.pager) > 0


async def test_a_search_in_unread_says_how_many_read_articles_match(demo_desk) -> None:
    """A newsboat user's `/` finds read articles too, and the reader starts in Unread: a
    search of yesterday's reading there found nothing and said only that. It says how many
    read ones match and how to list them."""
    desk, config = demo_desk
    read = desk.ids("treaty")
    assert len(read) > 1
    desk.set_read(read)
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        assert screen.view.kind == "unread"
        await pilot.press("slash", *"treaty", "enter")
        await settle(pilot)
        assert not screen.articles.pager
        said = screen.articles.empty_text
        assert f"{len(read)} read articles match it" in said, said
        assert "choose All in the tree (1)" in said, said
        await pilot.press("slash", *"zzqxnothing", "enter")  # nothing anywhere: as before
        await settle(pilot)
        assert "read article" not in screen.articles.empty_text


def test_the_read_ones_left_out_by_l_are_counted_too(demo_desk) -> None:
    from tui.app.empty_state import empty_text, read_left_out

    desk, config = demo_desk
    one = desk.ids("treaty")[0]
    desk.set_read([one])
    title = desk.article(one).title
    words = f'"{title}"'
    assert read_left_out(desk, "all", "", words, hide_read=False) == 0  # All lists them
    read = read_left_out(desk, "all", "", words, hide_read=True)
    assert read == 1
    said = empty_text(desk, config, "All", f"(is:unread) ({words})", True, read=read)
    assert said.endswith("\n1 read article matches it: l shows them."), said


async def test_a_filter_matching_nothing_names_what_was_typed_and_the_way_back(
        demo_desk) -> None:
    """A new user's first filter that matched nothing was told the query the list runs,
    `No articles match '(is:unread) (actor:shoigu feed:nowhere)'`, with no key: what they
    typed is named, with the view, and how to clear or change it."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        await pilot.press("f", *"actor:shoigu feed:nowhere", "enter")
        await settle(pilot)
        assert not screen.articles.pager
        assert screen.articles.empty_text == (
            "No articles match 'actor:shoigu feed:nowhere' in Unread.\n"
            "c clears the filter and the search; f or / types another."), \
            screen.articles.empty_text
        await pilot.press("c")
        await settle(pilot)
        assert screen.articles.pager and len(screen.articles.pager) > 0


async def test_l_hiding_every_article_of_a_view_says_l_shows_them(demo_desk) -> None:
    from tests.test_app_newsboat_keys import choose_feed

    desk, config = demo_desk
    feed = config.feeds[0].name
    desk.set_read(desk.ids(f'feed:"{feed}"'))
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_feed(pilot, feed)
        screen = main(app)
        assert screen.articles.pager and len(screen.articles.pager) > 0
        await pilot.press("l")
        await settle(pilot)
        assert not screen.articles.pager
        assert screen.articles.empty_text == (
            f"No unread articles in {feed}: l shows the read ones too."), \
            screen.articles.empty_text
