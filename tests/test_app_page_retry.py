"""The reader tries a failed page again once when its article is opened (as it fetches a
page that waits), and shows the page when the server is back; a page that fails again is
left to later refreshes, not asked for in a loop."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_support import SIZE, main, make_app, settle
from tests.test_page_budget import PAGE, _items
from tui.core.config.loader import Config, load_config
from tui.core.desk import Desk


def _refresh(config: Config) -> None:
    with Desk.open(config) as desk:
        desk.refresh()


def _asked(server: LocalServer, path: str) -> int:
    return sum(seen.path == path for seen in server.seen)


async def _open_oldest(server: LocalServer, tmp_path: Path, heal: bool) -> tuple[str, int]:
    """Refresh while /a0 answers 503, heal it or not, open Story 0 in the reader: its body,
    and how often /a0 was asked for."""
    server.add("/feed.xml", body=rss(_items(server, 2)))
    server.add("/a0", status=503, body=b"busy")
    config = load_config(write_config(tmp_path, [("Wire", server.url("/feed.xml"))]))
    await asyncio.to_thread(_refresh, config)
    with Desk.open(config) as desk:
        if heal:
            server.add("/a0", body=PAGE, headers={"Content-Type": "text/html"})
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("G", "enter")  # the oldest: Story 0
            for _ in range(4):  # a loop would ask again on each round
                await settle(pilot)
                await asyncio.sleep(0.2)
            screen = main(app)
            assert screen.reader.article.title == "Story 0"
            return str(screen.query_one("#reader-body").render()), _asked(server, "/a0")


async def test_opening_an_article_whose_page_failed_tries_it_again(
        server: LocalServer, tmp_path: Path) -> None:
    body, asked = await _open_oldest(server, tmp_path, heal=True)
    assert "The article page itself" in body and asked == 2


async def test_a_page_that_fails_again_is_left_to_later_refreshes(
        server: LocalServer, tmp_path: Path) -> None:
    body, asked = await _open_oldest(server, tmp_path, heal=False)
    assert asked == 2  # the refresh's try, the reader's one more: no loop
    assert "503 Service Unavailable" in body and "later refreshes try again" in body
    assert "fetching" not in body
