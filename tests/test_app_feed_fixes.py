"""Pilot: a correction from the feed shows in the reader after `R` (title, unread, counted on
the status line), and an item whose guid is no link has none (`o` says so)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from tests.conftest import rss, write_config
from tests.test_app_support import SIZE, main, make_app, status, until
from tests.test_corrections import NEW, OLD, OTHER
from tui.core.config.loader import load_config
from tui.core.desk import Desk


async def test_R_shows_a_corrected_item_unread(tmp_path: Path, server: Any, utc_clock) -> None:
    url = server.add("/good.xml", body=rss([OLD, OTHER]),
                     headers={"Content-Type": "application/rss+xml"})
    config = load_config(write_config(tmp_path, [{"name": "Good", "url": url,
                                                  "extract": False}]))

    def first_refresh() -> None:
        with Desk.open(config) as desk:
            desk.refresh()
            desk.set_read(desk.ids())

    await asyncio.to_thread(first_refresh)  # Desk.refresh runs its own event loop
    server.add("/good.xml", body=rss([NEW, OTHER]), headers={"Content-Type": "application/rss+xml"})
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("R")
            await until(pilot, lambda: "refreshed" in status(app), seconds=120)
            assert "0 new, 1 updated" in status(app)

            def titles() -> list[str]:
                return [row.title for _, row in main(app).articles.pager.rows(0, 5)]

            await until(pilot, lambda: NEW["title"] in titles())
            assert OLD["title"] not in titles()
            assert desk.count("is:unread") == 1


async def test_o_on_an_item_whose_guid_is_no_link(tmp_path: Path, server: Any,
                                                  utc_clock) -> None:
    url = server.add("/nd.xml", body=rss([{"title": "Item with no link", "guid": "nd2",
                                           "description": "Lavrov spoke."}]),
                     headers={"Content-Type": "application/rss+xml"})
    config = load_config(write_config(tmp_path, [{"name": "No links", "url": url}],
                                      settings="allow_private_links = true"))

    def fetch() -> None:
        with Desk.open(config) as desk:
            desk.refresh()

    await asyncio.to_thread(fetch)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: main(app).articles.current is not None)
            await pilot.press("o")
            await pilot.pause()
            assert "this article has no link" in status(app)
    assert [s.path for s in server.seen if s.path != "/nd.xml"] == []
