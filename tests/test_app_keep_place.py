"""Pilot tests: when the list is loaded again (a search, `l`, `c`), the article in hand stays
selected while it is listed, else its place does (the row after it, as newsboat keeps it).
The reader stays open on its article whatever the list does (newsboat's and Elfeed's article
stays until the user leaves it, `q`): the keys act on it from the reader's panes and on the
list's row from the list, as when the list's cursor moves beside an open article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests import test_app_support as support
from tests.test_app_support import listed_ids, main, make_app, status
from tui.app.views import ALL

WIDE = (160, 45)  # the reader beside the list


def current(app: Any) -> Any:
    return main(app).articles.current


async def open_row(pilot: Any, app: Any, article_id: int) -> None:
    assert main(app).articles.select(article_id)
    await pilot.press("enter")
    await pilot.pause()
    assert main(app).reader.article.id == article_id


async def test_a_search_that_leaves_out_the_article_read_keeps_the_reader_open(
        tmp_path: Path) -> None:
    """All, open an article, /Шойгу: the reader still shows it (not listed now), the list's
    cursor is on the first result and has the focus, so `s` saves that result; `q` then
    leaves the reader."""
    with support.demo_desk(tmp_path) as (desk, config):
        found = desk.ids("Шойгу")
        reading = next(i for i in desk.ids("") if i not in found)
        app = make_app(desk, config)
        async with app.run_test(size=WIDE) as pilot:
            main(app).trail.to_view(ALL)
            await pilot.pause()
            await open_row(pilot, app, reading)
            await pilot.press("slash", *"Шойгу", "enter")
            await pilot.pause()
            screen = main(app)
            assert screen.reader.is_open and screen.reader.article.id == reading
            assert screen.reader.outside
            assert current(app).id == found[0]  # a new search's results start at the top
            assert screen.focused is screen.articles
            await pilot.press("s")
            await pilot.pause()
            assert desk.article(found[0]).saved and not desk.article(reading).saved
            assert f"#{found[0]}" in status(app)
            await pilot.press("q")
            await pilot.pause()
            assert not screen.reader.is_open and current(app).id == found[0]


async def test_a_search_that_lists_the_article_read_keeps_reader_and_selection(
        tmp_path: Path) -> None:
    with support.demo_desk(tmp_path) as (desk, config):
        found = desk.ids("Шойгу")
        app = make_app(desk, config)
        async with app.run_test(size=WIDE) as pilot:
            main(app).trail.to_view(ALL)
            await pilot.pause()
            await open_row(pilot, app, found[-1])
            await pilot.press("slash", *"Шойгу", "enter")
            await pilot.pause()
            screen = main(app)
            assert screen.reader.is_open and screen.reader.article.id == found[-1]
            assert current(app).id == found[-1]
            await pilot.press("s")
            await pilot.pause()
            assert desk.article(found[-1]).saved


async def test_l_hiding_the_article_read_keeps_the_reader_and_its_place(
        tmp_path: Path) -> None:
    """All, open the fourth row (read now), `l`: the reader still shows it, and the list's
    selection is on the row after it, not on the first; `s` from the list saves that row."""
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=WIDE) as pilot:
            main(app).trail.to_view(ALL)
            await pilot.pause()
            rows = listed_ids(app)
            await open_row(pilot, app, rows[3])
            await pilot.press("l")
            await pilot.pause()
            assert main(app).reader.is_open and main(app).reader.article.id == rows[3]
            assert current(app).id == rows[4]
            assert main(app).articles.cursor == 3
            await pilot.press("s")
            await pilot.pause()
            assert desk.article(rows[4]).saved and not desk.article(rows[3]).saved


async def test_unread_row_21_read_then_l_stays_at_row_21(tmp_path: Path) -> None:
    """The new user's steps: Unread, row 21, enter, l: `21/56`, not `1/56`."""
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=support.SIZE) as pilot:
            rows = listed_ids(app)
            await pilot.press(*["j"] * 20, "enter")
            await pilot.pause()
            assert main(app).reader.article.id == rows[20]
            await pilot.press("q", "l")  # q: back to the list (the reader may cover it)
            await pilot.pause()
            assert current(app).id == rows[21]
            assert f"21/{len(rows) - 1}" in status(app)


async def test_c_after_reading_inside_a_search_keeps_the_place_in_unread(
        tmp_path: Path) -> None:
    with support.demo_desk(tmp_path) as (desk, config):
        unread = desk.ids("is:unread")
        found = [i for i in desk.ids("is:unread Iran") if unread.index(i) > 5]
        assert len(found) >= 2
        app = make_app(desk, config)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("slash", *"Iran", "enter")
            await pilot.pause()
            await open_row(pilot, app, found[0])
            await pilot.press("c")
            await pilot.pause()
            place = unread.index(found[0])
            assert main(app).articles.cursor == place
            assert current(app).id == unread[place + 1]  # the next unread, where it was
            assert main(app).reader.is_open and main(app).reader.article.id == found[0]
