"""Pilot tests: the article open in the reader stays open, whatever changes the list behind
it, until the user leaves it (`q`), as newsboat's and Elfeed's article views stay: an `f`
filter, `A` (mark the view read), a refresh ending, and a `/` search at 80x24, where the
reader has the whole screen. Each reloads the list at once on the UI thread; none may close
the reader at some later moment, so the key typed next meets one state."""

from __future__ import annotations

from pathlib import Path

from tests import test_app_support as support
from tests.test_app_support import listed_ids, main, make_app, settle, status, until

WIDE = (160, 45)  # the reader beside the list


async def test_a_filter_leaving_out_the_article_keeps_it_open(tmp_path: Path) -> None:
    with support.demo_desk(tmp_path) as (desk, config):
        reading = desk.ids("is:unread")[0]
        assert reading not in desk.ids("tag:iran")
        app = make_app(desk, config)
        async with app.run_test(size=WIDE) as pilot:
            await settle(pilot)
            await pilot.press("enter", "f", *"tag:iran", "enter")
            await settle(pilot)
            screen = main(app)
            assert screen.reader.is_open and screen.reader.article.id == reading
            assert screen.reader.outside and "f:tag:iran" in status(app)
            await pilot.press("q")  # the reader first, then the filter
            await pilot.pause()
            assert not screen.reader.is_open and screen.filter_query == "tag:iran"


async def test_mark_all_read_from_the_reader_keeps_reading(tmp_path: Path) -> None:
    """Unread, an article open with the focus in its text, `A`: the view is read, the list
    is empty, and the article stays on screen with the keys on it (`s` saves it)."""
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=WIDE) as pilot:
            await settle(pilot)
            rows = listed_ids(app)
            await pilot.press("j", "enter", "3", "A")
            await settle(pilot)
            screen = main(app)
            assert desk.count("is:unread") == 0
            assert screen.reader.is_open and screen.reader.article.id == rows[1]
            assert screen.focused is screen.reader.scroller
            await pilot.press("s")
            await pilot.pause()
            assert desk.article(rows[1]).saved and not desk.article(rows[0]).saved


async def test_a_refresh_ending_keeps_the_article_open(tmp_path: Path) -> None:
    """Unread, the first article read by opening it, `R`: the list reloads as the refresh
    stores and ends; the reader keeps the article and its focus."""
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=WIDE) as pilot:
            await settle(pilot)
            screen = main(app)
            rows = listed_ids(app)
            await pilot.press("enter", "3", "R")
            await until(
                pilot,
                lambda: screen.jobs.busy is None and "refresh" not in status(app).split("  ")[0],
                30,
            )
            await settle(pilot)
            assert screen.reader.is_open and screen.reader.article.id == rows[0]
            assert screen.focused is screen.reader.scroller


async def test_a_search_at_80x24_keeps_the_article_and_q_shows_the_results(tmp_path: Path) -> None:
    """At 80x24 the reader takes the screen: a search typed there (one that leaves the
    article out) changes the list behind it; the keys stay with the article on screen, and
    `q` shows the results, the first selected."""
    with support.demo_desk(tmp_path) as (desk, config):
        found = desk.ids("is:unread Шойгу")
        reading = next(i for i in desk.ids("is:unread") if i not in found)
        app = make_app(desk, config)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert main(app).articles.select(reading)
            await pilot.press("enter", "slash", *"Шойгу", "enter")
            await settle(pilot)
            screen = main(app)
            assert screen.reader.is_open and screen.reader.article.id == reading
            assert screen.focused is screen.reader.scroller  # not the list no one sees
            assert f"{len(found)} articles listed; q shows the list" in status(app)
            await pilot.press("s")
            await pilot.pause()
            assert desk.article(reading).saved
            await pilot.press("q")
            await pilot.pause()
            assert not screen.reader.is_open and screen.articles.current.id == found[0]
