"""Dialogs on a small terminal (Pilot): what a dialog is opened for stays on screen at 80x24,
whichever row is chosen."""

from __future__ import annotations

from datetime import UTC

import pytest

from tests.test_app_support import make_app, settle
from tui.core.models import FeedStatus

DNS = "the host name could not be resolved (DNS failure)"


def failing(count: int) -> list[FeedStatus]:
    """`count` feeds whose last refresh failed, as on a first run without a network."""
    return [FeedStatus(f"Outlet {n:02d}", f"https://outlet{n}.example/rss", (), None, DNS, 1,
                       0, 0) for n in range(count)]


def inside(outer, inner) -> bool:
    return (outer.y <= inner.y and inner.bottom <= outer.bottom and inner.height > 0)


@pytest.mark.parametrize("size", [(80, 24), (120, 30), (100, 16)],
                         ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_feeds_dialog_always_says_why_a_feed_fails(demo_desk, size) -> None:
    from textual.widgets import DataTable

    from tui.app.screens.feeds import FeedsScreen

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await app.push_screen(FeedsScreen(failing(32)))
        await settle(pilot)
        dialog = app.screen
        box = dialog.query_one("#feeds-box")
        table = dialog.query_one(DataTable)
        detail = dialog.query_one("#feeds-error")
        for keys in ((), ("down", "down"), ("G",), ("tab",), ("g",)):
            await pilot.press(*keys)
            await pilot.pause()
            assert f"failing: {DNS}" in str(detail.render())
            assert inside(box.content_region, detail.region), (keys, box.region, detail.region)
            assert inside(box.content_region, table.region)
            cursor = table.cursor_row - int(table.scroll_y) + 1  # under the header
            assert 0 < cursor < table.scrollable_content_region.height + 1  # chosen row shown


@pytest.mark.parametrize("count", [1, 3, 14])
async def test_the_feeds_dialog_is_as_tall_as_its_feeds(demo_desk, count) -> None:
    from textual.widgets import DataTable

    from tui.app.screens.feeds import FeedsScreen

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.push_screen(FeedsScreen(failing(count)))
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.region.height == count + 1  # the header and every feed, no blank rows


async def test_every_column_of_the_feeds_dialog_shows_at_80x24(demo_desk) -> None:
    """At 80 columns the table's columns (last ok, failures) fit: a DataTable scrolls
    sideways without a word, so a column past the edge was never seen. The demo's feeds, as
    `e` lists them; the date is the list's short one, "last ok" whole."""
    from datetime import datetime

    from textual.widgets import DataTable

    from tui.app.screens.feeds import FeedsScreen

    desk, config = demo_desk
    feeds = [FeedStatus(f"Tehran Wire Review {n}", f"https://o{n}.example/rss", (),
                        datetime(2024, 8, 1, 12, 0, tzinfo=UTC), None, 0, 8, 8)
             for n in range(3)]
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(FeedsScreen(feeds))
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width, (
            table.virtual_size, table.scrollable_content_region)


async def test_the_add_tags_line_shows_its_whole_hint_at_80x24(demo_desk) -> None:
    """The `t` line's placeholder ends in its key hint (→ completes): at 80 columns the
    line is 48 wide, and a longer hint lost that end."""
    from tui.app.screens.tags import AddTagsScreen

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, AddTagsScreen)
        line = app.screen.query_one("#tag-input")
        assert len(line.placeholder) <= line.content_region.width, line.content_region
