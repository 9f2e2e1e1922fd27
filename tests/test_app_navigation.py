"""Where the focus and `q` lead as a newsboat or Elfeed user expects (Pilot, on the demo cache):
a pane a shrinking terminal hides gives the focus to one the user sees."""

from __future__ import annotations

import pytest

from tests.test_app_support import main, make_app, settle, status
from tui.app.widgets.reader import ArticleText


def longest_unread(desk) -> int:
    """Where the Unread list has its longest article (one that fills a small terminal)."""
    unread = desk.articles("is:unread", limit=30)
    return max(range(len(unread)), key=lambda i: len(desk.article(unread[i].id).body or ""))


@pytest.mark.parametrize("pane", ["4", "5"])
async def test_a_side_list_hidden_by_a_smaller_terminal_gives_the_focus_to_the_text(
        demo_desk, pane) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*["j"] * longest_unread(desk), "enter", pane)
        await settle(pilot)
        screen = main(app)
        assert app.focused in (screen.reader.side.actor_list, screen.reader.side.related_list)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert not screen.reader.side.display
        assert isinstance(app.focused, ArticleText)  # was the hidden side list
        shown = screen.reader.article.id
        await pilot.press("j", "j")  # the text scrolls
        await settle(pilot)
        assert screen.reader.scroller.scroll_y > 0
        await pilot.press("enter")  # no actor's timeline or related article opened unseen
        await settle(pilot)
        assert screen.view.kind != "actor" and screen.reader.article.id == shown


async def test_the_tree_hidden_by_a_smaller_terminal_gives_the_focus_away(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "1")
        await settle(pilot)
        screen = main(app)
        assert app.focused is screen.view_tree
        await pilot.resize_terminal(80, 24)  # the reader takes the screen
        await settle(pilot)
        assert not screen.view_tree.display and isinstance(app.focused, ArticleText)
        await pilot.press("q", "1")  # the list alone: the tree shows while it has the focus
        await settle(pilot)
        assert screen.view_tree.display and app.focused is screen.view_tree


async def test_u_takes_back_the_read_an_opening_made_before_older_actions(demo_desk) -> None:
    """s on one article, then j j enter: u makes the opened one unread again (it used to undo
    the save and leave the opened article read); a second u takes the save back."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        saved = main(app).articles.current
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        opened = main(app).reader.article
        assert desk.article(opened.id).read
        await pilot.press("u")
        await settle(pilot)
        assert not desk.article(opened.id).read and desk.article(saved.id).saved
        assert f"undone: marked read #{opened.id}" in status(app)
        assert not main(app).articles.current.read  # the row says so too
        await pilot.press("u")
        await settle(pilot)
        assert not desk.article(saved.id).saved
        assert f"undone: saved #{saved.id}" in status(app)


async def test_space_and_n_readings_are_undone_last_first(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        first = main(app).reader.article.id
        await pilot.press("n")
        await settle(pilot)
        second = main(app).reader.article.id
        await pilot.press("3", "G", "space")  # the end of the text: space opens the next unread
        await settle(pilot)
        third = main(app).reader.article.id
        assert len({first, second, third}) == 3
        await pilot.press("enter")  # the same article again: already read, nothing to undo
        await pilot.press("u")
        await settle(pilot)
        assert not desk.article(third).read and desk.article(second).read
        await pilot.press("u", "u")
        await settle(pilot)
        assert not desk.article(second).read and not desk.article(first).read
        assert "nothing to undo" not in status(app)
        await pilot.press("u")
        await settle(pilot)
        assert "nothing to undo" in status(app)
