"""Hints name the key the user bound: with `[keys]` remapping add_feed, remove_feed,
refresh_all, undo and the rest, the empty list, the status line, the feeds dialog, the help
screen and the palette say the user's keys, never the defaults, which would do nothing (or
something else)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_newsboat_keys import choose_feed
from tests.test_app_support import SIZE, copy_demo, main, make_app, settle, status
from tui.app.screens.feeds import FeedsScreen
from tui.core.config.loader import load_config
from tui.core.desk import Desk

KEYS = """
[keys]
add_feed = "I"
remove_feed = "D"
refresh_all = "U"
refresh_feed = "F"
feed_errors = "W"
undo = "Z"
toggle_hide_read = "H"
toggle_side = "ctrl+b"
copy_link = "ctrl+y"
"""


def _said(app) -> str:
    return main(app).articles.empty_text


async def test_the_empty_list_names_the_users_keys(tmp_path: Path) -> None:
    path = write_config(tmp_path, [], extra=KEYS)
    config = load_config(path)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            said = _said(app)
            assert "press I to add one" in said and "press U to fetch them" in said, said
            assert "press i " not in said and "press R " not in said


async def test_a_feeds_empty_list_and_the_feeds_dialog_name_the_users_keys(
        server: LocalServer, tmp_path: Path) -> None:
    items = [{"title": "Cedar item", "guid": "c1", "description": "text",
              "pubDate": "Mon, 02 Jun 2025 10:00:00 GMT"}]
    path = write_config(tmp_path, [("Cedar", server.add("/cedar.xml", body=rss(items))),
                                   ("Quiet Wire", "http://127.0.0.1:9/quiet.xml")],
                        extra=KEYS, settings="extract = false")
    config = load_config(path)
    with Desk.open(config) as desk:
        await asyncio.to_thread(desk.refresh, ["Cedar"])
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await choose_feed(pilot, "Quiet Wire")
            said = _said(app)
            assert "not fetched yet.  F fetches it." in said, said
            assert "D removes it" in said and "I adds a feed" in said, said
            await pilot.press("W")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, FeedsScreen)
            assert "I adds a feed · D removes it" in str(
                dialog.query_one("#feeds-box").border_subtitle)
            await pilot.press("j")  # Quiet Wire, after Cedar
            await pilot.pause()
            detail = str(dialog.query_one("#feeds-error").render())
            assert "U fetches every feed" in detail and "I adds a feed, D removes" in detail
            await pilot.press("I")  # the user's key works in the dialog too
            await pilot.pause()
            assert type(app.screen).__name__ == "AddFeedDialog"


async def test_status_messages_name_the_users_keys(tmp_path: Path) -> None:
    config = load_config(copy_demo(tmp_path / "demo", KEYS))
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("s")
            await settle(pilot)
            assert "(Z undoes)" in status(app), status(app)
            await pilot.press("H")
            await settle(pilot)
            assert "read articles hidden (H shows them)" in status(app), status(app)
            for _ in range(2):  # hidden, whichever it was first
                main(app).arranger.toggle_side()
                await settle(pilot)
                if "hidden" in status(app):
                    break
            assert "side panel hidden (ctrl+b shows it)" in status(app), status(app)


async def test_the_help_screen_and_the_palette_name_the_users_keys(tmp_path: Path) -> None:
    """Their prose said "(u undoes)" and "s N x t T E y o" whatever `[keys]` said."""
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    from tests.test_app_newsboat_keys import rendered
    from tui.app.screens.help import HelpScreen

    config = load_config(copy_demo(tmp_path / "demo", KEYS))
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            text = " ".join(rendered(app.screen.query_one("#help-text").content).split())
            assert "as newsboat's C (Z undoes)" in text, text
            assert "s N x t T E ctrl+y o act on every marked one" in text, text
            assert "(u undoes)" not in text
            await pilot.press("q", "ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            await pilot.press(*"mark all feeds")
            options = app.screen.query_one(OptionList)
            prompts: list[str] = []
            for _ in range(100):  # the palette gathers asynchronously
                await pilot.pause(0.05)
                prompts = [str(options.get_option_at_index(i).prompt)
                           for i in range(options.option_count)]
                if any("Z undoes" in prompt for prompt in prompts):
                    break
            assert any("as newsboat's C (Z undoes)" in prompt for prompt in prompts), prompts


async def test_keys_typed_with_t_go_to_the_dialog_without_a_hint(demo_desk) -> None:
    """`tprobe` in one burst, as a terminal delivers it: the `b` (a habit key: "b: no such key")
    reached the main screen while `t`'s dialog was opening and flashed its hint there, then
    landed in the dialog's line."""
    from textual import events
    from textual.widgets import Input

    from tui.app.screens.tags import AddTagsScreen

    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in "tprobe":  # posted at once, none waiting for the one before
            app.post_message(events.Key(key, key))
        await settle(pilot)
        assert isinstance(app.screen, AddTagsScreen)
        assert app.screen.query_one(Input).value == "probe"
        line = str(app.screen_stack[-2].query_one("#status").render())
        assert "no such key" not in line, line
