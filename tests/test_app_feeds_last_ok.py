"""The `e` dialog's "last ok" by one rule at every width, the list's by age: the time for a
feed read today, the day within six months, the month before; it said "14:05" at 80 columns
and "2026-12-07 14:05" at 120."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests import test_app_support as support
from tests.test_app_support import make_app, settle
from tui.core.models import FeedStatus


def _feeds(now: datetime) -> list[FeedStatus]:
    ages = {
        "Today Wire": timedelta(hours=1),
        "Last Month Post": timedelta(days=30),
        "Old Gazette": timedelta(days=400),
    }
    return [
        FeedStatus(name, f"https://{n}.example/rss", (), now - age, None, 0, 8, 8)
        for n, (name, age) in enumerate(ages.items())
    ]


async def _cells(desk, config, size: tuple[int, int], feeds: list[FeedStatus]) -> list[str]:
    from textual.widgets import DataTable

    from tui.app.screens.feeds import FeedsScreen

    app = make_app(desk, config)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await app.push_screen(FeedsScreen(feeds))
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        return [str(table.get_row(feed.name)[5]) for feed in feeds]


async def test_last_ok_reads_the_same_at_80_and_120_columns(demo_desk) -> None:
    desk, config = demo_desk
    now = datetime.now(UTC).replace(hour=12, minute=30)
    feeds = _feeds(now)
    with support.utc_clock():
        narrow = await _cells(desk, config, (80, 24), feeds)
        wide = await _cells(desk, config, (120, 40), feeds)
    assert narrow == wide, (narrow, wide)
    old = now - timedelta(days=400)
    month = now - timedelta(days=30)
    assert wide[0] == "11:30"
    assert wide[1] == f"{month:%b} {month.day:>2}"
    assert wide[2] == f"{old:%b}'{old:%y}"
