"""Pilot tests for marked rows (`m`, `M`): the triage keys act on every marked article, the
status line counts them, one `u` takes the whole batch back, and marks go with the list they
were made in."""

from __future__ import annotations

from typing import Any

from tests.test_app_support import listed_ids, main, make_app, status
from tui.app.screens.tags import AddTagsScreen, RemoveTagScreen
from tui.app.widgets.article_list import ArticleList


async def started(demo_desk: Any) -> Any:
    desk, config = demo_desk
    return desk, make_app(desk, config)


def row_text(app: Any, index: int) -> str:
    articles = main(app).query_one(ArticleList)
    return articles.render_line(index - int(articles.scroll_y)).text


async def test_m_marks_and_moves_on_and_s_saves_every_marked_one(demo_desk: Any) -> None:
    desk, app = await started(demo_desk)
    async with app.run_test(size=(120, 40)) as pilot:
        rows = listed_ids(app)
        await pilot.press("m", "j", "m")  # the first and the third
        await pilot.pause()
        screen = main(app)
        assert screen.articles.marked == {rows[0], rows[2]}
        assert screen.articles.cursor == 3  # m moved on, as dired's m does
        assert "2 marked  4/" in status(app)
        assert row_text(app, 0)[2] == "✓" and row_text(app, 1)[2] == " "
        await pilot.press("s")
        await pilot.pause()
        assert [desk.article(i).saved for i in rows[:4]] == [True, False, True, False]
        assert "2 marked articles saved ★ (u undoes)" in status(app)
        await pilot.press("s")  # all saved already: s takes the star off them all
        await pilot.pause()
        assert not desk.article(rows[0]).saved and not desk.article(rows[2]).saved
        await pilot.press("u")
        await pilot.pause()
        assert desk.article(rows[0]).saved and desk.article(rows[2]).saved
        await pilot.press("u")  # the batch as one: both stars go with one u
        await pilot.pause()
        assert not desk.article(rows[0]).saved and not desk.article(rows[2]).saved
        await pilot.press("k", "m")  # unmark the third
        await pilot.pause()
        assert screen.articles.marked == {rows[0]}


async def test_M_marks_a_search_and_t_tags_them_all_then_u_untags(demo_desk: Any) -> None:
    desk, app = await started(demo_desk)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"Shoigu", "enter", "M")
        await pilot.pause()
        found = listed_ids(app)
        assert len(found) > 1 and main(app).articles.marked == set(found)
        assert f"{len(found)} marked  1/{len(found)}" in status(app)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, AddTagsScreen)
        assert f"{len(found)} marked articles" in str(app.screen.query_one("#tag-article").render())
        await pilot.press(*"dossier", "enter")
        await pilot.pause()
        assert all("dossier" in desk.article(i).tags for i in found)
        assert f"{len(found)} marked articles tagged #dossier" in status(app)
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, RemoveTagScreen)
        await pilot.press("escape", "u")
        await pilot.pause()
        assert not any("dossier" in desk.article(i).tags for i in found)
        await pilot.press("M")  # with marks: M clears them
        await pilot.pause()
        assert not main(app).articles.marked and "marks cleared" in status(app)
        await pilot.press("s")  # no marks: s is back to the selected article alone
        await pilot.pause()
        assert desk.article(found[0]).saved and not desk.article(found[1]).saved


async def test_x_dismisses_the_marked_ones_and_u_brings_them_back(demo_desk: Any) -> None:
    desk, app = await started(demo_desk)
    async with app.run_test(size=(120, 40)) as pilot:
        rows = listed_ids(app)  # Unread
        await pilot.press("j", "m", "m", "m")  # the second to the fourth
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert all(desk.article(i).dismissed and desk.article(i).read for i in rows[1:4])
        assert listed_ids(app) == [rows[0], *rows[4:]]  # they left Unread, as after A
        assert not main(app).articles.marked and status(app).startswith("Unread  2/")
        await pilot.press("u")
        await pilot.pause()
        assert not any(desk.article(i).dismissed or desk.article(i).read for i in rows[1:4])
        assert listed_ids(app) == rows


async def test_T_removes_a_tag_they_share_and_N_reads_them(demo_desk: Any) -> None:
    desk, app = await started(demo_desk)
    async with app.run_test(size=(120, 40)) as pilot:
        rows = listed_ids(app)
        desk.add_tags(rows[:2], ["keep"])
        await pilot.press("m", "m", "T")
        await pilot.pause()
        assert isinstance(app.screen, RemoveTagScreen)
        shown = app.screen.tags  # every tag of the marked articles, once
        assert len(shown) == len(set(shown)) and set(desk.article(rows[0]).tags) <= set(shown)
        await pilot.press(*["j"] * shown.index("keep"), "enter")
        await pilot.pause()
        assert not any("keep" in desk.article(i).tags for i in rows[:2])
        assert "#keep removed from 2 marked articles" in status(app)
        await pilot.press("N")
        await pilot.pause()
        assert desk.article(rows[0]).read and desk.article(rows[1]).read
        assert "2 marked articles marked read" in status(app)


async def test_a_batch_says_how_many_it_changed(demo_desk: Any) -> None:
    desk, app = await started(demo_desk)
    async with app.run_test(size=(120, 40)) as pilot:
        rows = listed_ids(app)
        desk.set_saved(rows[1])
        await pilot.press("m", "m", "m", "s")
        await pilot.pause()
        assert "2 of 3 marked articles saved ★" in status(app)
        await pilot.press("u")
        await pilot.pause()
        assert [desk.article(i).saved for i in rows[:3]] == [False, True, False]


async def test_a_new_search_clears_the_marks(demo_desk: Any) -> None:
    _desk, app = await started(demo_desk)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m", "m")
        await pilot.pause()
        assert len(main(app).articles.marked) == 2
        await pilot.press("slash", *"Iran", "enter")
        await pilot.pause()
        assert not main(app).articles.marked and "marked" not in status(app)

