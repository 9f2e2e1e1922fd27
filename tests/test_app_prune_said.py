"""The reader says what keep_days pruned, as `newsdesk fetch` does, and its feed list (`e`)
counts as `newsdesk feeds` does: unread, articles stored, items in the feed now. Pilot, a
loopback server, a real cache."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from textual.widgets import DataTable

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_support import make_app, settle, status, until
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def _items(n: int) -> list[dict[str, str]]:
    return [{"title": f"Wire item {i}", "guid": f"w{i}",
             "pubDate": f"Mon, 05 Aug 2024 1{i}:00:00 GMT"} for i in range(n)]


async def test_R_says_what_it_pruned_and_e_counts_what_it_counts(server: LocalServer,
                                                                 tmp_path: Path) -> None:
    from tui.app.screens.feeds import FeedsScreen

    url = server.add("/w.xml", body=rss(_items(4)))
    config = load_config(write_config(tmp_path, [{"name": "Wire", "url": url,
                                                  "extract": False}],
                                      settings="keep_days = 30"))
    with Desk.open(config) as desk:
        await asyncio.to_thread(desk.refresh)  # Desk.refresh runs its own event loop
        with sqlite3.connect(desk.db_path) as conn:  # two as if fetched long ago
            conn.execute("UPDATE articles SET first_seen = '2024-08-06T00:00:00Z' "
                         "WHERE title IN ('Wire item 0', 'Wire item 1')")
        server.add("/w.xml", body=rss(_items(4)[3:]))  # the feed drops three items
        app = make_app(desk, config)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("R")
            await until(pilot, lambda: "pruned" in status(app))
            assert "refreshed all feeds: 0 new; 2 old articles pruned" in status(app)
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, FeedsScreen)
            table = app.screen.query_one(DataTable)
            heads = [str(c.label) for c in table.columns.values()]
            assert heads[2:5] == ["unread", "articles", "in feed"]
            # item 2 is no longer in the feed, but recent: stored and unread, not pruned
            assert [str(cell) for cell in table.get_row_at(0)[2:5]] == ["2", "2", "1"]
