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
