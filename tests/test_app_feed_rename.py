"""A feed renamed in feeds.toml while the reader runs (same URL, new name) is a rename: the
tree, the list and the reader show the new name within a second, with the feed's counts, and
the status line says so (it said "1 feed added, 1 feed removed", and the tree showed the new
name with 2 unread of 0 until the next refresh)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_newsboat_keys import choose_feed
from tests.test_app_support import SIZE, main, make_app, settle, status, until
from tui.core.config.loader import Config, load_config
from tui.core.desk import Desk


def _feed(server: LocalServer, name: str) -> str:
    items = [{"title": f"{name} item {i}", "link": f"http://127.0.0.1/{name}/{i}",
              "guid": f"{name}-{i}", "pubDate": f"0{i + 1} Jun 2025 10:00:00 GMT",
              "description": "text"} for i in range(2)]
    return server.add(f"/{name}.xml", body=rss(items, name))


@asynccontextmanager
async def two_feeds(server: LocalServer, tmp_path: Path
                    ) -> AsyncIterator[tuple[Path, Config, Desk]]:
    """feeds.toml with Alpha and Kremlin Watch (the one renamed), both fetched."""
    path = write_config(tmp_path, [("Alpha", _feed(server, "alpha")),
                                   ("Kremlin Watch", _feed(server, "kremlin"))],
                        settings="extract = false")
    config = load_config(path)
    with Desk.open(config) as desk:
        await asyncio.to_thread(desk.refresh)
        yield path, config, desk


def _tree_label(app, url_name: str) -> str:
    """The feed's row in the tree, "" while the tree has none (being rebuilt): a bare `next`
    raised StopIteration inside `until`, a RuntimeError under load instead of a wait."""
    tree = main(app).view_tree
    group = next((n for n in tree.root.children if str(n.label).startswith("Feeds")), None)
    if group is None:
        return ""
    return next((str(n.label) for n in group.children
                 if n.data is not None and n.data.feed == url_name), "")


async def test_a_feed_renamed_in_feeds_toml_is_renamed_everywhere_at_once(
        server: LocalServer, tmp_path: Path) -> None:
    async with two_feeds(server, tmp_path) as (path, config, desk):
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await choose_feed(pilot, "Kremlin Watch")
            await pilot.press("enter")
            await settle(pilot)
            screen = main(app)
            assert screen.reader.article.feed == "Kremlin Watch"
            path.write_text(path.read_text().replace('"Kremlin Watch"', '"Kremlin Watch EN"'))
            await until(pilot, lambda: "feeds.toml re-read" in status(app), 10)
            await settle(pilot)
            assert "1 feed renamed" in status(app) and "added" not in status(app)
            assert screen.view.feed == "Kremlin Watch EN"
            assert [row.feed for _, row in screen.articles.pager.rows(0, 2)] == [
                "Kremlin Watch EN"] * 2
            assert screen.reader.article.feed == "Kremlin Watch EN"
            await until(pilot, lambda: "Kremlin Watch EN" in _tree_label(app, "Kremlin Watch EN"))
            assert _tree_label(app, "Kremlin Watch EN").endswith(" 1/2")


async def test_a_failing_feeds_empty_list_says_why(server: LocalServer, tmp_path: Path) -> None:
    """Its last error, not only `R refreshes the feeds`, and where to change or remove it."""
    gone = server.add("/gone.xml", status=500, body=b"down for maintenance")
    path = write_config(tmp_path, [("Alpha", _feed(server, "alpha")), ("Tass Wire", gone)],
                        settings="extract = false")
    config = load_config(path)
    with Desk.open(config) as desk:
        await asyncio.to_thread(desk.refresh)
        error = next(f.last_error for f in desk.feeds() if f.name == "Tass Wire")
        assert error
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await choose_feed(pilot, "Tass Wire")
            text = main(app).articles.empty_text
            assert text.startswith("No articles in Tass Wire: its last refresh failed:\n")
            assert error in text and "r tries it again" in text
            assert str(path) in text and "X removes it" in text and "i adds a feed" in text


async def test_the_feeds_dialog_says_where_feeds_are_added(demo_desk) -> None:
    """`e` says how feeds are added and removed: i, X, or the file."""
    from tests.test_app_support import make_app as make

    desk, config = demo_desk
    app = make(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        detail = str(app.screen.query_one("#feeds-error").render())
        assert "i adds a feed, X removes this one; or edit" in detail
        assert str(config.path) in detail


async def test_a_rename_is_written_to_the_cache_off_the_ui_thread_and_errors_are_said(
        server: LocalServer, tmp_path: Path, monkeypatch) -> None:
    """The rename's cache write (feed rows, the feed's tags on every stored article) ran on
    the UI thread, and a failing one was dropped without a word: now a worker writes it, the
    tree follows when it is done, and a storage error reaches the status line."""
    import sqlite3
    import threading

    async with two_feeds(server, tmp_path) as (path, config, desk):
        threads: list[str] = []
        sync = desk.sync_feeds

        def recorded():
            threads.append(threading.current_thread().name)
            return sync()

        monkeypatch.setattr(desk, "sync_feeds", recorded)
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            path.write_text(path.read_text().replace('"Kremlin Watch"', '"Kremlin Watch EN"'))
            await until(pilot, lambda: "feeds.toml re-read" in status(app), 10)
            await settle(pilot)
            assert threads and threading.main_thread().name not in threads
            await until(pilot, lambda: "Kremlin Watch EN" in _tree_label(app, "Kremlin Watch EN"))
            assert _tree_label(app, "Kremlin Watch EN").endswith(" 2/2")

            def locked():
                raise sqlite3.OperationalError("database is locked")

            monkeypatch.setattr(desk, "sync_feeds", locked)
            path.write_text(path.read_text().replace('"Kremlin Watch EN"', '"Kremlin Watch RU"'))
            try:  # a CI failure here said nothing of what the line showed instead
                await until(pilot, lambda: "storage error: database is locked" in status(app), 10)
            except AssertionError:
                raise AssertionError(f"the status line says: {status(app)!r}") from None
            assert "the next refresh tries again" in status(app)


async def test_the_way_back_to_a_renamed_feed_goes_by_its_new_name(
        server: LocalServer, tmp_path: Path) -> None:
    """A feed's list left for a drill-down, the feed renamed meanwhile: q went back to the
    old name, which lists nothing now ("back to Kremlin Watch", an empty list)."""
    from tui.app.views import unlisted_view

    async with two_feeds(server, tmp_path) as (path, config, desk):
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await choose_feed(pilot, "Kremlin Watch")
            screen = main(app)
            screen.trail.down(unlisted_view("Peskov"))  # as `enter` on a name not listed
            await settle(pilot)
            path.write_text(path.read_text().replace('"Kremlin Watch"', '"Kremlin Watch EN"'))
            await until(pilot, lambda: "feeds.toml re-read" in status(app), 10)
            await settle(pilot)
            await pilot.press("q")
            await settle(pilot)
            assert screen.view.feed == "Kremlin Watch EN"
            assert "back to Kremlin Watch EN" in status(app)
            assert [row.feed for _, row in screen.articles.pager.rows(0, 2)] == [
                "Kremlin Watch EN"] * 2
