"""A feed listed in feeds.toml by its URL only goes by the title it sent once fetched. Its server
down, `R` said "feeds.toml re-read: 1 feed renamed" (and so did any save of the file while the
reader ran): the reader started with the Desk's config, whose unnamed feed had its stored title,
and compared it with the file read again, where it had its host, so each read "renamed" it
to its host, and the tree and the trail followed the host while the Desk kept the title."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_support import SIZE, main, make_app, settle, status, until
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def _fetched_once(server: LocalServer, tmp_path: Path) -> Path:
    items = [{"title": f"Wire item {i}", "link": f"http://127.0.0.1/w/{i}", "guid": f"w{i}",
              "description": "text"} for i in range(2)]
    url = server.add("/wire.xml", body=rss(items, "Wire Service"))
    path = write_config(tmp_path, [{"url": url}], settings="extract = false")
    with Desk.open(load_config(path)) as desk:
        desk.refresh()
        assert [f.name for f in desk.config.feeds] == ["Wire Service"]
    server.add("/wire.xml", status=503, body=b"down")
    return path


def _tree_feeds(app) -> list[str]:
    tree = main(app).view_tree
    group = next(n for n in tree.root.children if str(n.label).startswith("Feeds"))
    return [n.data.feed for n in group.children if n.data is not None]


async def test_a_failed_refresh_of_an_unnamed_feed_renames_nothing(
        server: LocalServer, tmp_path: Path) -> None:
    path = await asyncio.to_thread(_fetched_once, server, tmp_path)
    with Desk.open(load_config(path)) as desk:
        app = make_app(desk, desk.config)  # as `newsdesk` starts it
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("R")
            await until(pilot, lambda: "failed" in status(app), seconds=120)
            await settle(pilot)
            assert "renamed" not in status(app) and "re-read" not in status(app), status(app)
            assert _tree_feeds(app) == ["Wire Service"]
            assert [f.name for f in main(app).config.feeds] == ["Wire Service"]


async def test_feeds_toml_saved_while_the_reader_runs_renames_nothing(
        server: LocalServer, tmp_path: Path) -> None:
    """A comment added to the file: nothing to say of its feed; a name given to it is a rename
    from its title."""
    path = await asyncio.to_thread(_fetched_once, server, tmp_path)
    with Desk.open(load_config(path)) as desk:
        app = make_app(desk, desk.config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            path.write_text("# my feeds\n" + path.read_text())
            await asyncio.sleep(2.5)  # the file watch polls every second
            await settle(pilot)
            assert "renamed" not in status(app), status(app)
            assert _tree_feeds(app) == ["Wire Service"]
            path.write_text(path.read_text().replace("[[feed]]\n", '[[feed]]\nname = "Wire"\n'))
            await until(pilot, lambda: "re-read" in status(app), 10)
            assert "1 feed renamed" in status(app)
            await until(pilot, lambda: _tree_feeds(app) == ["Wire"])


async def test_a_title_that_comes_with_a_refresh_is_no_rename_of_the_file(
        server: LocalServer, tmp_path: Path) -> None:
    """Never fetched, the feed goes by its host; the refresh brings its title, which the tree
    shows; the next `R` has nothing of feeds.toml to say."""
    items = [{"title": "Wire item", "link": "http://127.0.0.1/w/1", "guid": "w1",
              "description": "text"}]
    url = server.add("/wire.xml", body=rss(items, "Wire Service"))
    path = write_config(tmp_path, [{"url": url}], settings="extract = false")
    with Desk.open(load_config(path)) as desk:
        app = make_app(desk, desk.config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert _tree_feeds(app) == ["127.0.0.1:" + url.split(":")[2].split("/")[0]]
            for _ in range(2):
                await pilot.press("R")
                await until(pilot, lambda: "refreshed" in status(app), seconds=120)
                await settle(pilot)
                assert "renamed" not in status(app) and "re-read" not in status(app), status(app)
                await until(pilot, lambda: _tree_feeds(app) == ["Wire Service"])
                main(app).say("")
