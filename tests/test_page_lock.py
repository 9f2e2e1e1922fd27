"""A page fetched outside a refresh (the reader opening an article whose page waits, `show`)
writes the cache as a refresh does, so it takes the same lock: while a cron fetch holds it,
the page is left to that fetch and the user is told, never written by two at once."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_support import SIZE, main, make_app, settle, status, until
from tests.test_cli_probes import newsdesk
from tests.test_page_budget import PAGE, _items
from tui.core.config.loader import Config, load_config
from tui.core.desk import Desk
from tui.core.refresh.lock import RefreshBusy, refresh_lock


def _asked(server: LocalServer) -> int:
    return sum(seen.path == "/a0" for seen in server.seen)


def _failed_page(server: LocalServer, tmp_path: Path) -> Config:
    """A cache whose oldest article's page failed (503) and is back now: it is due again."""
    server.add("/feed.xml", body=rss(_items(server, 2)))
    server.add("/a0", status=503, body=b"busy")
    config = load_config(write_config(tmp_path, [("Wire", server.url("/feed.xml"))]))
    with Desk.open(config) as desk:
        desk.refresh()
    server.add("/a0", body=PAGE, headers={"Content-Type": "text/html"})
    return config


def _oldest(desk: Desk) -> int:
    return next(row.id for row in desk.articles() if row.title == "Story 0")


def test_a_page_is_not_fetched_while_a_fetch_holds_the_cache(server: LocalServer,
                                                             tmp_path: Path) -> None:
    config = _failed_page(server, tmp_path)
    with Desk.open(config) as desk:
        oldest = _oldest(desk)
        with refresh_lock(config.settings.cache_dir), pytest.raises(RefreshBusy) as busy:
            desk.fetch_page(oldest)
        assert busy.value.pid == os.getpid() and _asked(server) == 1  # the refresh's try only
        article = desk.article(oldest)
        assert article is not None and article.page_due and article.body_source != "page"
        assert desk.fetch_page(oldest)  # the fetch is gone: this reader's one more try
        article = desk.article(oldest)
        assert article is not None and article.body_source == "page" and _asked(server) == 2


def test_show_leaves_the_page_to_the_running_fetch(server: LocalServer, tmp_path: Path) -> None:
    config = _failed_page(server, tmp_path)
    with Desk.open(config) as desk:
        oldest = _oldest(desk)
    with refresh_lock(config.settings.cache_dir):  # as a cron fetch holds it
        shown = newsdesk("--config", str(config.path), "show", str(oldest))
    assert shown.returncode == 0 and "feed text 0" in shown.stdout, shown.stderr
    assert shown.stderr == ("newsdesk: the article's page was not fetched now: another fetch is "
                            f"running on this cache (pid {os.getpid()}), which fetches it\n")
    assert _asked(server) == 1


async def test_the_reader_says_the_page_waits_for_the_running_fetch(
        server: LocalServer, tmp_path: Path) -> None:
    config = await asyncio.to_thread(_failed_page, server, tmp_path)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            with refresh_lock(config.settings.cache_dir):  # as a cron fetch holds it
                await pilot.press("G", "enter")  # the oldest: Story 0
                await until(pilot, lambda: "the page waits" in status(app), 30)
            assert (f"the page waits: another fetch is running on this cache (pid {os.getpid()})"
                    ", which fetches it" in status(app))
            assert main(app).reader.article.title == "Story 0" and _asked(server) == 1
            assert main(app).jobs.pages == 0
