"""Pilot: an item whose guid is no link has none (`o` says so)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from tests.conftest import rss, write_config
from tests.test_app_support import SIZE, main, make_app, status, until
from tui.core.config.loader import load_config
from tui.core.desk import Desk


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
