"""Marks across a refresh (`R`): the marked articles the list still has keep their marks, and
when some had to go (read here in Unread, so the reload after the refresh drops them) the
status line says how many, never silently."""

from __future__ import annotations

from pathlib import Path

from tests import test_app_support as support
from tests.test_app_support import SIZE, listed_ids, main, make_app, settle, status, until


async def test_r_keeps_listed_marks_and_says_which_went(tmp_path: Path) -> None:
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main(app)
            articles = screen.articles
            rows = listed_ids(app)
            await pilot.press("m", "m", "m")  # the first three
            await pilot.pause()
            assert articles.marked == set(rows[:3])
            desk.set_read([rows[0]], True)  # as opening it here: read, still on its row
            await pilot.press("R")
            await until(pilot, lambda: screen.jobs.busy is None and "refresh" not in
                        status(app).split("  ")[0], 30)
            await until(pilot, lambda: rows[0] not in listed_ids(app), 10)
            assert articles.marked == set(rows[1:3])
            await until(pilot, lambda: "1 marked article left the list" in status(app), 10)
            assert "2 marked" in status(app)
