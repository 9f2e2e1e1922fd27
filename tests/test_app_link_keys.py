"""`O` on an article whose text cites one link, with no browser on the machine: `enter` on the
dialog opens that link (no number needed), and says what `o` says when no browser is found;
the dialog's footer says enter opens. `y` says honestly where the link went."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_support import SIZE, main, make_app, status, until
from tui.app.screens.dialogs import TextDialog
from tui.core.config.loader import load_config
from tui.core.desk import Desk

ONE_LINK = ('The envoy met the minister on Monday; the <a href="https://example.org/report-2">'
            'full report</a> gives the figures for the whole year of talks.')


def page(text: str) -> bytes:
    return ("<html><head><title>Talks in Tehran</title></head><body><article><h1>Talks in "
            f"Tehran</h1><p>{text}</p><p>Both sides said the next round would follow in the "
            "spring, after the holidays.</p></article></body></html>").encode()


@pytest.fixture
def fetched(server: LocalServer, tmp_path: Path) -> Path:
    """A feeds.toml whose one article cites one link in its text."""
    link = server.add("/world/one.html", body=page(ONE_LINK),
                      headers={"Content-Type": "text/html; charset=utf-8"})
    feed = server.add("/feed.xml", body=rss([
        {"title": "Talks in Tehran", "link": link, "guid": link, "description": "Talks.",
         "pubDate": "Fri, 10 Jan 2025 09:00:00 +0000"}]))
    path = write_config(tmp_path, [("Wire", feed)])
    with Desk.open(load_config(path)) as desk:
        desk.refresh()
    return path


async def test_O_with_one_link_and_no_browser_says_so(fetched: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # no browser of any kind
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        monkeypatch.delenv(name, raising=False)
    config = load_config(fetched)
    with Desk.open(config) as desk:
        assert len(desk.article(desk.ids()[0]).links) == 1
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: main(app).articles.current is not None)
            await pilot.press("y")
            await until(pilot, lambda: "link sent to the terminal's clipboard" in status(app))
            await pilot.press("enter")
            await until(pilot, lambda: main(app).reader.article is not None)
            await pilot.press("O")
            await until(pilot, lambda: isinstance(app.screen, TextDialog))
            assert app.screen.query_one("#text-dialog").border_subtitle == (
                "enter opens · esc cancels")
            await pilot.press("enter")  # its only link: no number to type
            await until(pilot, lambda: "no browser found (y copies the link)" in status(app))


async def test_a_browser_named_by_BROWSER_but_not_installed_is_named(
        fetched: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """$BROWSER set to a program that is not there: "no browser found" said only that."""
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setenv("BROWSER", "firefxo")
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    config = load_config(fetched)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: main(app).articles.current is not None)
            await pilot.press("o")
            await until(pilot, lambda: "no browser found" in status(app))
            assert ("no browser found ($BROWSER's 'firefxo' not installed; y copies the link)"
                    in status(app)), status(app)
