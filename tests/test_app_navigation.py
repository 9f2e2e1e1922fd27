"""Where the focus and `q` lead as a newsboat or Elfeed user expects (Pilot, on the demo cache):
a pane a shrinking terminal hides gives the focus to one the user sees."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_app_support import main, make_app, pressed, settle, status
from tui.app.widgets.reader import ArticleText


def longest_unread(desk) -> int:
    """Where the Unread list has its longest article (one that fills a small terminal)."""
    unread = desk.articles("is:unread", limit=30)
    return max(range(len(unread)), key=lambda i: len(desk.article(unread[i].id).body or ""))


@pytest.mark.parametrize("pane", ["4", "5"])
async def test_a_side_list_hidden_by_a_smaller_terminal_gives_the_focus_to_the_text(
        demo_desk, pane) -> None:
    desk, _config = demo_desk
    keys = [*["j"] * longest_unread(desk), "enter", pane]
    async with pressed(demo_desk, (160, 45), *keys) as (app, pilot):
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
    async with pressed(demo_desk, (160, 45), "enter", "1") as (app, pilot):
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
    desk, _config = demo_desk
    async with pressed(demo_desk, (120, 40), "s") as (app, pilot):
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
    desk, _config = demo_desk
    async with pressed(demo_desk, (160, 45), "enter") as (app, pilot):
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


async def choose_first_story(pilot) -> Any:
    """`1`, then enter on the tree's first story (the group unfolded as a user would)."""
    await pilot.press("1")
    await settle(pilot)
    tree = main(pilot.app).view_tree
    group = next(n for n in tree.root.children if str(n.label).startswith("Stories"))
    group.expand()
    await pilot.pause()
    tree.move_cursor(group.children[0], animate=False)
    await pilot.press("enter")
    await settle(pilot)
    return group


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_q_goes_back_from_a_story_chosen_in_the_tree(demo_desk, size) -> None:
    """1, a story, enter, q, q: back to Unread (it quitted the app), then q quits; esc goes
    back too; another story chosen in the tree from there is a move sideways."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        story = desk.stories(limit=1)[0]  # the tree's first
        unread = desk.ids("is:unread")
        at = next(i for i, article_id in enumerate(unread) if article_id not in story.article_ids)
        await pilot.press(*["j"] * at)  # an article the story's list will not read
        selected = unread[at]
        await choose_first_story(pilot)
        screen = main(app)
        assert screen.view.kind == "story"
        await pilot.press("enter", "q")  # an article of the story, then back to its list
        await settle(pilot)
        assert screen.view.kind == "story" and not screen.reader.is_open
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running and screen.view.label == "Unread"
        assert "back to Unread" in status(app) and screen.articles.current.id == selected
        group = await choose_first_story(pilot)
        tree = screen.view_tree
        tree.move_cursor(group.children[1], animate=False)
        await pilot.press("1", "enter")  # a second story from the first: sideways
        await settle(pilot)
        assert screen.view.kind == "story"
        await pilot.press("escape")
        await settle(pilot)
        assert screen.view.label == "Unread"
        await pilot.press("2", "q")
        await settle(pilot)
        assert not app.is_running


async def test_back_from_a_related_item_returns_to_the_article_it_came_from(demo_desk) -> None:
    """5, enter on a related item, backspace: the article it was listed under again, the
    list's selection back on it and the related list on the item (backspace moved the focus
    to the text, then closed the reader, with the selection lost)."""
    desk, config = demo_desk
    unread = desk.ids("is:unread")
    first = unread[1]
    related = desk.related(first)[0].id
    assert related in unread  # the list's selection follows it: the back restores it
    app = make_app(desk, config)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = main(app)
        side = screen.reader.side
        for back_key in ("backspace", "q", "escape"):
            await pilot.press("2", "g", "j", "enter", "5", "enter")
            await settle(pilot)
            assert screen.reader.article.id == related
            assert screen.articles.current.id == related
            assert f"related to #{first} " in status(app)
            await pilot.press(back_key)
            await settle(pilot)
            assert screen.reader.article.id == first, back_key
            assert screen.articles.current.id == first
            assert app.focused is side.related_list and side.related_list.highlighted == 0
            assert f"back to #{first} " in status(app)
        await pilot.press("backspace", "backspace")  # the text, then the list
        await settle(pilot)
        assert not screen.reader.is_open and app.is_running


async def test_back_from_a_related_item_outside_the_view_at_80x24(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main(app)
        first = screen.articles.current.id
        await pilot.press("enter", "5", "enter")
        await settle(pilot)
        shown = screen.reader.article.id
        assert shown != first and "(esc goes back)" in status(app)
        await pilot.press("q")
        await settle(pilot)
        assert screen.reader.is_open and screen.reader.article.id == first
        await pilot.press("n", "5")  # moved on: the way back is forgotten, q closes as before
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert not screen.reader.is_open and app.is_running
