"""The `t` dialog reads tags as `newsdesk tag --add` does: `+priority` (the query form users
copy) is the tag `priority`, which `+priority` and `tag:priority` then find."""

from __future__ import annotations

from tests.test_app_keys import current
from tests.test_app_support import SIZE, make_app
from tui.app.screens.main import MainScreen


async def test_t_drops_the_query_plus(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        row = current(app)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"+priority,#watch")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        tags = desk.article(row.id).tags
        assert "priority" in tags and "watch" in tags and "+priority" not in tags
        assert row.id in desk.ids("+priority") and row.id in desk.ids("tag:watch")
