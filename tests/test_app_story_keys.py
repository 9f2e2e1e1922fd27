"""A triage key acts on the article on screen: `]` to a story's article the list does not
have gives the reader the focus, so `s` saves the article the reader shows and says so, as in
Elfeed's and newsboat's article view; with the list focused again, its selection is in hand."""

from __future__ import annotations

from typing import Any

from tests.test_app_support import SIZE, listed_ids, main, make_app, settle, status
from tui.core.desk import Desk


async def story_step_out_of_the_list(pilot: Any, app: Any, desk: Desk) -> tuple[int, int]:
    """A search that lists one article of a story, then `]`: the reader shows the story's
    next (older) article, which the list does not have. Returns (listed, shown)."""
    await pilot.press("slash", *"Gulf capitals", "enter")
    await settle(pilot)
    (listed,) = listed_ids(app)
    story = desk.story_of(listed)
    assert story is not None
    newest_first = list(reversed(story.article_ids))
    shown = newest_first[newest_first.index(listed) + 1]
    await pilot.press("right_square_bracket")
    await settle(pilot)
    screen = main(app)
    assert screen.reader.is_open and screen.reader.article.id == shown
    return listed, shown


async def test_s_after_a_story_step_out_of_the_list_saves_the_article_shown(
        demo_desk: Any) -> None:
    """`/Gulf capitals`, `]`, `s`: the article the reader shows is saved and named, not the
    one the list keeps selected; the focus is on the reader, so its border says whose."""
    desk, _config = demo_desk
    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listed, shown = await story_step_out_of_the_list(pilot, app, desk)
        screen = main(app)
        assert "(not in this view)" in status(app)
        assert app.focused is screen.reader.scroller
        await pilot.press("s")
        await pilot.pause()
        assert desk.article(shown).saved and not desk.article(listed).saved
        assert f"saved ★ #{shown} " in status(app)
        await pilot.press("left_square_bracket")  # back to the listed one: list and reader agree
        await settle(pilot)
        assert screen.reader.article.id == listed == screen.articles.current.id
        await pilot.press("s")
        await pilot.pause()
        assert desk.article(listed).saved and f"saved ★ #{listed} " in status(app)


async def test_the_list_focused_again_acts_on_its_selection(demo_desk: Any) -> None:
    """After `]` out of the list, `2` gives the list the focus: its selected row is then the
    one in hand, as the focus shows, and `m` marks it (the reader's is not listed)."""
    desk, _config = demo_desk
    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listed, shown = await story_step_out_of_the_list(pilot, app, desk)
        await pilot.press("m")
        await pilot.pause()
        assert f"#{shown} " in status(app) and "not listed" in status(app)
        await pilot.press("2", "s")
        await pilot.pause()
        assert desk.article(listed).saved and not desk.article(shown).saved
