"""Habits a newsboat or Elfeed user brings (Pilot, on the demo cache): `q` from a feed chosen
in the tree goes back to the view it came from, as newsboat's `q` goes from a feed's articles
back to the feed list; J and K step through the feeds; keys newsdesk does not have say which
one does that here; the palette finds commands by newsboat's words."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_app_support import main, make_app, settle, status


def rendered(table: Any) -> str:
    from rich.console import Console

    console = Console(width=200, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(table)
    return console.export_text()


async def choose_feed(pilot: Any, name: str) -> None:
    """`1`, the cursor on the feed `name` in the tree, `enter`."""
    await pilot.press("1")
    await settle(pilot)
    tree = main(pilot.app).view_tree
    group = next(n for n in tree.root.children if str(n.label).startswith("Feeds"))
    group.expand()
    await pilot.pause()
    node = next(n for n in group.children if n.data is not None and n.data.feed == name)
    tree.move_cursor(node, animate=False)
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_q_from_a_feed_chosen_in_the_tree_goes_back_to_the_view_before(
        demo_desk, size) -> None:
    """1, a feed, enter, q: back to Unread with the tree's cursor on that feed (it quitted
    the app at once); a tag or saved view chosen from there is sideways; q from the tree
    gives the list the focus, and q from Unread's list quits."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = main(app)
        await choose_feed(pilot, "Caspian Courier")
        assert screen.view.kind == "feed" and screen.focused is screen.articles
        await pilot.press("enter", "q")  # an article, closed again
        await settle(pilot)
        assert screen.view.kind == "feed" and not screen.reader.is_open
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running and screen.view.label == "Unread"
        assert "back to Unread" in status(app)
        assert screen.focused is screen.view_tree
        assert screen.view_tree.highlighted_feed == "Caspian Courier"
        await choose_feed(pilot, "Levant Ledger")
        await choose_feed(pilot, "Gulf Dispatch")  # sideways: one q still leads back
        await pilot.press("escape")
        await settle(pilot)
        assert screen.view.label == "Unread" and app.is_running
        await pilot.press("q", "q")  # the tree's focus, then quit from the top
        await settle(pilot)
        assert not app.is_running


async def test_all_chosen_in_the_tree_is_the_top(demo_desk) -> None:
    """All (or Unread) chosen in the tree is the top: q quits from its list."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await choose_feed(pilot, "Caspian Courier")
        await pilot.press("1", "g", "enter")  # All, the tree's first row
        await settle(pilot)
        assert main(app).view.label == "All"
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running


async def test_j_and_k_step_through_the_feeds_and_q_goes_back(demo_desk) -> None:
    """J from Unread lists the first feed, J again the second, K the first again; q returns
    to Unread (J/K are sideways at the feed's level)."""
    desk, config = demo_desk
    names = [feed.name for feed in config.feeds]
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main(app)
        await pilot.press("J")
        await settle(pilot)
        assert screen.view.feed == names[0]
        assert f"feed 1 of {len(names)}: {names[0]}" in status(app)
        await pilot.press("J", "J", "K")
        await settle(pilot)
        assert screen.view.feed == names[1]
        await pilot.press("K", "K")
        await settle(pilot)
        assert screen.view.feed == names[0] and "is the first feed" in status(app)
        await pilot.press("q")
        await settle(pilot)
        assert screen.view.label == "Unread" and app.is_running


@pytest.mark.parametrize(("key", "said"), [
    ("b", "b: no such key in newsdesk; o opens the link in the browser"),
    ("P", "P: no such key in newsdesk; p goes to the previous unread, K to the previous feed"),
    ("D", "D: no such key in newsdesk; x dismisses it"),
    ("colon", "':': no such key in newsdesk; ctrl+p opens the command palette (commands by name"),
])
async def test_another_readers_key_says_which_key_does_that(demo_desk, key, said) -> None:
    """In the list and in the reader alike (they did nothing, without a word)."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert said in status(app)
        await pilot.press("enter", "3", key)
        await pilot.pause()
        assert main(app).reader.is_open and said in status(app)


async def test_a_key_the_user_gave_a_command_runs_it_and_is_no_hint(demo_desk) -> None:
    from tui.app.habits import habit_hint

    assert habit_hint("b", {"open_browser": "b"}) is None
    assert habit_hint("P", {"prev_unread": "u"}) == (
        "P: no such key in newsdesk; u: Prev unread (? lists every key)")
    assert habit_hint("x", {}) is None


async def test_capital_c_asks_first_as_newsboat_does_by_default(demo_desk) -> None:
    """newsboat's confirm-mark-all-feeds-read is on unless set off: C asks, n (or esc) keeps
    every article as it was; with the setting off, C marks at once."""
    from tui.app.screens.dialogs import ConfirmDialog

    desk, config = demo_desk
    unread = desk.count("is:unread")
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert f"Mark {unread} unread articles read in every feed?" in app.screen.question
        await pilot.press("n")
        await settle(pilot)
        assert desk.count("is:unread") == unread and "nothing marked read" in status(app)
    quiet = config.replace(settings=config.settings.replace(
        confirm_mark_all_feeds_read=False))
    app = make_app(desk, quiet)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        assert desk.count("is:unread") == 0


async def test_capital_c_marks_every_feed_read_and_u_takes_it_back(demo_desk) -> None:
    """newsboat's C (mark all feeds read), from a feed's list too; ctrl+r refreshes all."""
    desk, config = demo_desk
    unread = desk.count("is:unread")
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J", "C", "y")
        await settle(pilot)
        assert desk.count("is:unread") == 0
        assert f"marked {unread} read in every feed (u undoes)" in status(app)
        await pilot.press("u")
        await settle(pilot)
        assert desk.count("is:unread") == unread
    from tui.app.commands import BY_NAME

    assert "ctrl+r" in BY_NAME["refresh_all"].key.split(",")


@pytest.mark.parametrize(("typed", "first"), [
    ("reload", "Refresh all"), ("mark all read", "Mark view read"),
    ("add feed", "Add feed"), ("unsubscribe", "Remove feed"), ("next feed", "Next feed"), ("yank", "Copy link"),
])
async def test_the_palette_finds_commands_by_newsboats_words(demo_desk, typed, first) -> None:
    from tests.test_app_palette import palette_prompts

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        prompts = await palette_prompts(pilot, typed)
        assert prompts and prompts[0].startswith(first), prompts
        assert typed in prompts[0], prompts


async def test_slash_in_the_help_screen_finds_commands(demo_desk) -> None:
    """/ then words: the help keeps the commands that have them (aliases too); esc shows
    them all again, and q still closes."""
    from tui.app.commands import COMMANDS
    from tui.app.screens.help import HelpScreen

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("slash", *"reload")
        await pilot.pause()
        text = rendered(app.screen.query_one("#help-text").content)
        assert "Refresh all" in text and "Refresh feed" in text and "Tag" not in text
        assert "have 'reload'" in str(app.screen.query_one("#help-box").border_title)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert f"({len(COMMANDS)} commands)" in str(app.screen.query_one("#help-box").border_title)
        await pilot.press("q")
        await pilot.pause()
        main(app)
