"""Marks follow the list: an article that leaves it (read from the CLI, by `A`, gone after a
reload) takes its mark with it, the status line's count says so at once, and a batch key
never reaches an article out of sight, even before the list has caught up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests import test_app_support as support
from tests.test_app_support import SIZE, listed_ids, main, make_app, settle, status, until
from tui.core.desk import Desk

GULF = 'feed:"Gulf Dispatch" is:unread'


async def test_marks_of_rows_the_cli_reads_go_and_t_tags_only_the_listed(tmp_path: Path) -> None:
    """`M` in Unread, then `newsdesk read --query` (another connection) reads some of them:
    the rows go, their marks too, the count says how many are left, and `t` tags those."""
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("M")
            await pilot.pause()
            articles = main(app).articles
            marked = len(articles.marked)
            assert marked == len(listed_ids(app)) and f"{marked} marked" in status(app)
            with Desk.open(config) as cli:
                gone = cli.ids(GULF)
                cli.set_read(gone, True)
            left = marked - len(gone)
            assert gone and left > 0
            await until(pilot, lambda: len(articles.pager) == left, 5)
            assert articles.marked == set(listed_ids(app))
            assert f"{left} marked  1/{left}" in status(app)
            assert f"{len(gone)} marked articles left the list" in status(app)
            await pilot.press("t", *"probe", "enter")
            await pilot.pause()
            assert f"{left} marked articles tagged #probe" in status(app)
            assert not any("probe" in desk.article(i).tags for i in gone)
            assert all("probe" in desk.article(i).tags for i in listed_ids(app))
            await pilot.press("s")
            await pilot.pause()
            assert not any(desk.article(i).saved for i in gone)


async def test_every_marked_row_leaving_clears_the_marks_and_s_acts_on_no_batch(
        tmp_path: Path) -> None:
    """All the marked rows read elsewhere: no marks remain, and `s` falls back to the
    selected article alone, never to the ones that left."""
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            articles = main(app).articles
            rows = listed_ids(app)
            await pilot.press("m", "m")
            await pilot.pause()
            with Desk.open(config) as cli:
                cli.set_read(rows[:2], True)
            await until(pilot, lambda: rows[0] not in listed_ids(app), 5)
            assert not articles.marked and "marked  " not in status(app)
            assert "2 marked articles left the list" in status(app)
            await pilot.press("s")
            await pilot.pause()
            assert not desk.article(rows[0]).saved and not desk.article(rows[1]).saved
            assert desk.article(articles.current.id).saved


async def test_A_in_unread_takes_the_marked_rows_and_their_marks(demo_desk: Any) -> None:
    """`m m m` then `A` in Unread: every row is read and leaves, and the marks with them
    (the status line counted 3 marked in an empty list)."""
    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = main(app).articles
        await pilot.press("m", "m", "m", "A")
        await settle(pilot)
        assert not len(articles.pager) and not articles.marked
        assert "marked  " not in status(app)


async def test_M_clearing_the_marks_updates_the_count_at_once(demo_desk: Any) -> None:
    """`m m m` then `M`: the ✓s go and so does "3 marked", before the cursor moves."""
    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m", "m", "m")
        await pilot.pause()
        assert "3 marked  4/" in status(app)
        await pilot.press("M")
        await pilot.pause()
        assert "marks cleared" in status(app)
        assert "marked  " not in status(app) and "  4/" in status(app)


async def test_a_batch_key_before_the_list_caught_up_skips_rows_that_left(
        tmp_path: Path) -> None:
    """The cache watch waits while the app's own refresh writes (`jobs.busy`): rows the CLI
    read meanwhile are still drawn, but `t` tags only the marked articles the list still has,
    and says how many that is."""
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main(app)
            await pilot.press("M")
            await pilot.pause()
            marked = len(screen.articles.marked)
            screen.jobs.busy = "refresh"  # as during R: the list is not reloaded meanwhile
            with Desk.open(config) as cli:
                gone = cli.ids(GULF)
                cli.set_read(gone, True)
            await pilot.press("t", *"probe", "enter")
            await pilot.pause()
            left = marked - len(gone)
            assert f"{left} marked articles tagged #probe" in status(app)
            assert not any("probe" in desk.article(i).tags for i in gone)
            screen.jobs.busy = None
            await pilot.press("M", "m")  # a mark on the one article in hand
            await pilot.pause()
            (mine,) = screen.articles.marked
            screen.jobs.busy = "refresh"
            with Desk.open(config) as cli:
                cli.set_read([mine], True)
            await pilot.press("s")  # the batch left: nothing done, not the row in hand
            await pilot.pause()
            assert "the marked articles left the list" in status(app)
            assert not any(desk.article(i).saved for i in listed_ids(app))


async def test_a_marked_row_read_in_unread_keeps_its_mark_while_drawn(demo_desk: Any) -> None:
    """A marked row opened in Unread is read but stays in its place until a reload, as any
    read row does there: it is in sight, so it keeps its mark and `s` saves it with the rest."""
    desk, _config = demo_desk
    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = listed_ids(app)
        await pilot.press("m", "m", "m", "g", "enter")
        await settle(pilot)
        assert desk.article(rows[0]).read and rows[0] in listed_ids(app)
        await pilot.press("s")
        await pilot.pause()
        assert "3 marked articles saved ★" in status(app)
        assert all(desk.article(i).saved for i in rows[:3])


def test_desk_matching_says_which_ids_a_query_has(demo_desk: Any) -> None:
    desk, _config = demo_desk
    unread = desk.ids("is:unread")
    desk.set_read(unread[:2], True)
    assert desk.matching("is:unread", unread[:4]) == set(unread[2:4])
    assert desk.matching("", []) == set()
