"""The reader keeps the user's place across a quit: the next start lands on the view and
the article the user was on (the reader open again when it was), taken from the cache after
the first list is drawn; a place that no longer exists gives the usual start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.test_app_newsboat_keys import choose_feed
from tests.test_app_support import SIZE, copy_demo, main, make_app, settle, status
from tui.core.config.loader import load_config
from tui.core.desk import Desk

FEED = "Levant Ledger"


async def _run(config: Any, desk: Desk, act: Any) -> Any:
    """One session: `act(pilot, app)`, then what the next start shows."""
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await act(pilot, app)
    return app


async def test_a_quit_while_reading_a_feeds_article_starts_there_again(
        tmp_path: Path) -> None:
    config = load_config(copy_demo(tmp_path / "demo"))
    with Desk.open(config) as desk:
        seen: dict[str, int] = {}

        async def read_the_third(pilot: Any, app: Any) -> None:
            await choose_feed(pilot, FEED)
            await pilot.press("j", "j", "enter")
            await settle(pilot)
            seen["id"] = main(app).reader.article.id
            app.exit()  # ctrl+q: quit from where the user is

        await _run(config, desk, read_the_third)

        async def look(pilot: Any, app: Any) -> None:
            screen = main(app)
            assert screen.view.kind == "feed" and screen.view.feed == FEED, screen.view
            assert screen.reader.is_open and screen.reader.article.id == seen["id"]
            assert screen.articles.current.id == seen["id"]
            await pilot.press("q", "q")  # the reader closes, then back to the top
            await settle(pilot)
            assert screen.view.kind in ("unread", "all"), screen.view
            seen["top"] = screen.articles.current.id
            await pilot.press("j", "j", "j")
            await settle(pilot)
            seen["chosen"] = screen.articles.current.id
            await pilot.press("q")  # quits from the top: the selection is the place

        await _run(config, desk, look)

        async def back_on_the_row(pilot: Any, app: Any) -> None:
            screen = main(app)
            assert screen.view.kind in ("unread", "all")
            assert screen.articles.current.id == seen["chosen"], status(app)
            assert not screen.reader.is_open  # selected, never opened (nor marked read)
            assert not desk.article(seen["chosen"]).read
            app.exit()

        await _run(config, desk, back_on_the_row)


async def test_a_place_that_is_gone_gives_the_usual_start(tmp_path: Path) -> None:
    path = copy_demo(tmp_path / "demo")
    config = load_config(path)
    with Desk.open(config) as desk:
        async def read_in_feed(pilot: Any, app: Any) -> None:
            await choose_feed(pilot, FEED)
            await pilot.press("enter")
            await settle(pilot)
            app.exit()

        await _run(config, desk, read_in_feed)
        assert desk.reader_place()["view"]["feed"] == FEED
    text = path.read_text(encoding="utf-8")
    start = text.index(f'name = "{FEED}"')
    table = text.rindex("[[feed]]", 0, start)
    end = text.find("[[feed]]", start)
    path.write_text(text[:table] + (text[end:] if end != -1 else ""), encoding="utf-8")
    config = load_config(path)
    with Desk.open(config) as desk:
        async def usual(pilot: Any, app: Any) -> None:
            screen = main(app)
            assert screen.view.kind in ("unread", "all") and not screen.trail.places
            app.exit()

        await _run(config, desk, usual)
