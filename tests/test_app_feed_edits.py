"""`i` adds a feed from the reader and `X` removes one: the dialog checks the URL as
`newsdesk add-feed` does and stays open on a mistake, feeds.toml is written with its comments
kept, the tree shows the feed at once (once: the file watch that sees the write adds nothing
more) and its articles are fetched; `X` asks first, saying how many articles the feed holds
and that saved and tagged ones stay, and they do."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_newsboat_keys import choose_feed
from tests.test_app_support import SIZE, main, make_app, settle, status, until
from tui.app.screens.dialogs import ConfirmDialog
from tui.app.screens.feed_dialogs import AddFeedDialog
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def _feed(server: LocalServer, name: str, n: int = 2) -> str:
    items = [{"title": f"{name} item {i}", "link": f"http://127.0.0.1/{name}/{i}",
              "guid": f"{name}-{i}", "pubDate": f"0{i + 1} Jun 2025 10:00:00 GMT",
              "description": "text"} for i in range(n)]
    return server.add(f"/{name}.xml", body=rss(items, f"{name.title()} Courier"))


def _feed_labels(app) -> list[str]:
    tree = main(app).view_tree
    group = next(n for n in tree.root.children if str(n.label).startswith("Feeds"))
    return [n.data.feed for n in group.children if n.data is not None and n.data.feed]


async def _type(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space", '"': "quotation_mark"}.get(ch, ch) for ch in text])


async def test_i_adds_a_feed_checked_written_shown_once_and_fetched(
        server: LocalServer, tmp_path: Path) -> None:
    path = write_config(tmp_path, [("Alpha", _feed(server, "alpha"))],
                        settings="extract = false\n# my own note")
    steppe = _feed(server, "steppe", 3)
    config = load_config(path)
    with Desk.open(config) as desk:
        await asyncio.to_thread(desk.refresh)
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("i")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, AddFeedDialog)
            await _type(pilot, "ftp://x.org/feed")
            await pilot.press("enter")
            await pilot.pause()
            verdict = str(dialog.query_one("#feed-verdict").render())
            assert app.screen is dialog and "starts with http:// or https://" in verdict
            dialog.query_one("#feed-url").value = server.url("/alpha.xml/")  # listed already
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog
            assert "listed already, as 'Alpha'" in str(dialog.query_one("#feed-verdict").render())
            dialog.query_one("#feed-url").value = steppe
            await pilot.press("tab", "tab")
            await _type(pilot, 'steppe "Central Asia"')
            await pilot.press("enter")
            await until(pilot, lambda: "refreshed" in status(app), 30)
            await settle(pilot)
            assert "refreshed Steppe Courier: 3 new" in status(app), status(app)  # its title
            await until(pilot, lambda: "Steppe Courier" in _feed_labels(app))
            assert _feed_labels(app).count("Steppe Courier") == 1
            await pilot.pause(1.5)  # the file watch sees the write: nothing more to add
            await settle(pilot)
            assert "re-read" not in status(app) and "added" not in status(app)
            assert _feed_labels(app) == ["Alpha", "Steppe Courier"]
            assert desk.count('feed:"Steppe Courier"') == 3
    text = path.read_text(encoding="utf-8")
    assert "# my own note" in text
    assert load_config(path).feeds[-1].tags == ("steppe", "Central Asia")


async def test_X_asks_with_the_count_and_removes_the_feed_keeping_its_articles(
        server: LocalServer, tmp_path: Path) -> None:
    path = write_config(tmp_path, [("Alpha", _feed(server, "alpha")),
                                   ("Kremlin Watch", _feed(server, "kremlin"))],
                        settings="extract = false")
    path.write_text("# hand-written, keep me\n" + path.read_text(), encoding="utf-8")
    config = load_config(path)
    with Desk.open(config) as desk:
        await asyncio.to_thread(desk.refresh)
        saved = desk.ids('feed:"Kremlin Watch"')[0]
        desk.set_saved(saved)
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await choose_feed(pilot, "Kremlin Watch")
            await pilot.press("X")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
            question = str(app.screen.query_one(".dialog-about").render())
            assert "Take Kremlin Watch" in question and "It holds 2 articles (2 unread)" in question
            assert "The 1 saved or tagged stays for good" in question
            assert ("""To take its unread ones out of Unread now: newsdesk dismiss --query """
                    """'feed:"Kremlin Watch"'""") in question  # the rest need not linger
            await pilot.press("n")  # anything but y keeps it
            await settle(pilot)
            assert "nothing removed" in status(app)
            assert [f.name for f in load_config(path).feeds] == ["Alpha", "Kremlin Watch"]
            await pilot.press("X")
            await pilot.pause()
            await pilot.press("y")
            await until(pilot, lambda: "removed Kremlin Watch" in status(app))
            assert 'f feed:"Kremlin Watch" lists them' in status(app)
            await settle(pilot)
            assert main(app).view.kind != "feed"  # its view went: All lists its articles
            await until(pilot, lambda: _feed_labels(app) == ["Alpha"])
            await pilot.pause(1.5)
            await settle(pilot)
            assert _feed_labels(app) == ["Alpha"] and "re-read" not in status(app)
        assert desk.count("") == 4 and desk.article(saved).saved
    assert path.read_text(encoding="utf-8").startswith("# hand-written, keep me\n")
    assert [f.name for f in load_config(path).feeds] == ["Alpha"]


async def test_the_add_dialog_fits_80x24_with_its_verdict(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AddFeedDialog)
        await _type(pilot, "meduza.io/rss")
        await pilot.press("enter")
        await pilot.pause()
        box = dialog.query_one("#feed-dialog")
        verdict = dialog.query_one("#feed-verdict")
        assert "did you mean 'https://meduza.io/rss'?" in str(verdict.render())
        for part in ("#feed-url", "#feed-name", "#feed-tags", "#feed-verdict"):
            region = dialog.query_one(part).region
            assert box.region.y < region.y and region.bottom < box.region.bottom, part
        await pilot.press("escape")
        await pilot.pause()
        assert main(app) and "meduza" not in config.path.read_text(encoding="utf-8")


async def test_i_and_X_in_the_feeds_dialog(server: LocalServer, tmp_path: Path) -> None:
    """`e` lists the feeds as newsboat's feed list does: X there removes the feed under its
    cursor (after the same question), i opens the add dialog."""
    from tui.app.screens.feeds import FeedsScreen

    path = write_config(tmp_path, [("Alpha", _feed(server, "alpha")),
                                   ("Kremlin Watch", _feed(server, "kremlin"))],
                        settings="extract = false")
    config = load_config(path)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, FeedsScreen)
            await pilot.press("j", "X")  # the second row: Kremlin Watch
            await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            assert "Take Kremlin Watch" in str(app.screen.query_one(".dialog-about").render())
            await pilot.press("y")
            await until(pilot, lambda: "removed Kremlin Watch" in status(app))
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("i")
            await until(pilot, lambda: isinstance(app.screen, AddFeedDialog))
            await pilot.press("escape")
    assert [f.name for f in load_config(path).feeds] == ["Alpha"]
