"""Pilot tests for the reading and triage keys, against a real demo cache."""

from __future__ import annotations

from typing import Any

from tests import test_app_support as support
from tests.test_app_support import SIZE, main, make_app, settle
from tui.app.screens.main import MainScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.reader import Reader


def current(app: Any) -> Any:
    return app.screen.query_one(ArticleList).current


async def test_start_shows_cache_at_once(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        assert screen.view.label == "Unread"
        assert len(screen.articles.pager) == desk.count("is:unread") > 20
        assert current(app).id == desk.articles("is:unread", limit=1)[0].id
        assert "Unread" in str(screen.query_one("#status").render())


async def test_jk_and_arrows_move(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "down", "k")
        assert main(app).articles.cursor == 2
        await pilot.press("up", "up", "up")
        assert main(app).articles.cursor == 0


async def test_g_and_G_go_to_ends(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G")
        assert main(app).articles.cursor == desk.count("is:unread") - 1
        await pilot.press("g")
        assert main(app).articles.cursor == 0


async def test_enter_opens_reader_and_marks_read(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")
        row = current(app)
        reader = app.screen.query_one(Reader)
        assert reader.display and reader.article.id == row.id
        assert desk.article(row.id).read
        # the row stays in the Unread list (no jump) and shows as read
        assert current(app).id == row.id and current(app).read
        header = str(app.screen.query_one("#reader-header").render())
        assert row.title in header


async def test_open_without_marking_when_configured(tmp_path, utc_clock) -> None:
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    config = load_config(support.copy_demo(tmp_path, "mark_read_on_open = false"))
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            assert not desk.article(current(app).id).read


async def test_space_pages_reader_then_next_unread(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    ids = desk.ids("is:unread")
    at = max(range(len(ids)), key=lambda i: len(desk.article(ids[i]).body or ""))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*["j"] * at, "space")  # opens the longest article
        await pilot.pause()
        first = current(app).id
        scroller = app.screen.query_one(Reader).scroller
        assert scroller.max_scroll_y > 0  # a long article at 80x24
        await pilot.press("space")
        await pilot.pause()
        assert scroller.scroll_y > 0 and current(app).id == first
        for _ in range(40):
            if current(app).id != first:
                break
            await pilot.press("space")
            await pilot.pause()
        assert current(app).id != first
        assert app.screen.query_one(Reader).article.id == current(app).id
        assert desk.article(current(app).id).read


async def test_n_and_p_skip_read_articles(demo_desk) -> None:
    desk, config = demo_desk
    ids = desk.ids("is:unread")
    desk.set_read([ids[1], ids[2]], True)  # before start: these are not in Unread
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "N", "g")  # mark the (new) second row read, back to top
        assert main(app).articles.pager.row(1).read
        await pilot.press("n")
        assert main(app).articles.cursor == 2
        await pilot.press("p")
        assert main(app).articles.cursor == 0


async def test_N_toggles_read(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        row = current(app)
        await pilot.press("N")
        assert desk.article(row.id).read and current(app).read
        await pilot.press("N")
        assert not desk.article(row.id).read and not current(app).read


async def test_A_marks_view_read_and_u_undoes(demo_desk) -> None:
    desk, config = demo_desk
    unread = desk.count("is:unread")
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A")
        assert desk.count("is:unread") == 0
        assert len(main(app).articles.pager) == 0
        await pilot.press("u")
        assert desk.count("is:unread") == unread
        assert len(main(app).articles.pager) == unread


async def test_s_toggles_saved(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        row = current(app)
        await pilot.press("s")
        assert desk.article(row.id).saved and current(app).saved
        assert desk.count("is:saved") == 1
        await pilot.press("s")
        assert not desk.article(row.id).saved


async def test_t_adds_tags_with_completion(demo_desk) -> None:
    from textual.widgets import Input

    from tui.app.screens.tags import AddTagsScreen

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        row = current(app)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, AddTagsScreen)
        await pilot.press(*"watch cauc")
        await pilot.pause()
        await pilot.press("right")  # accept the completion of an existing tag
        assert app.screen.query_one(Input).value == "watch caucasus"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        tags = desk.article(row.id).tags
        assert "watch" in tags and "caucasus" in tags
        assert "watch" in current(app).tags


async def test_t_completion_keeps_what_was_typed(demo_desk) -> None:
    """Accepting a completion keeps the capitals of the words typed before it (tags show as
    first spelt), and completes a word typed in capitals to the existing tag."""
    from textual.widgets import Input

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"Kursk-Front CAUC")
        await pilot.pause()
        await pilot.press("right")
        assert app.screen.query_one(Input).value == "Kursk-Front caucasus"


async def test_t_escape_cancels(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        row = current(app)
        await pilot.press("t", "a", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert desk.article(row.id).tags == row.tags


async def test_T_removes_a_tag(demo_desk) -> None:
    from tui.app.screens.tags import RemoveTagScreen

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        row = current(app)
        assert row.tags
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, RemoveTagScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert desk.article(row.id).tags == row.tags[1:]
        assert current(app).tags == row.tags[1:]


async def test_x_dismisses_and_u_restores(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        row = current(app)
        await pilot.press("x")
        article = desk.article(row.id)
        assert article.read and article.dismissed
        assert main(app).articles.cursor == 1
        assert row.id not in desk.ids("is:unread")
        await pilot.press("u")
        assert row.id in desk.ids("is:unread")
        article = desk.article(row.id)
        assert not article.read and not article.dismissed  # fully undone
        assert current(app).id == row.id or main(app).articles.pager.index_of(row.id) is not None


async def test_o_opens_browser_without_shell(demo_desk, monkeypatch, tmp_path) -> None:
    """A graphical `browser` command starts in the background with the link as one argument
    (the console path, which suspends the app, is driven in tmux: test_tmux_browser.py)."""
    import time

    record = tmp_path / "opened"
    script = tmp_path / "gui-browser"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {record}\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("DISPLAY", ":99")  # a graphical session: not a console browser
    desk, config = demo_desk
    config = config.replace(settings=config.settings.replace(
        browser=f"{script} --new-tab %u"))
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await settle(pilot)
        deadline = time.monotonic() + 10
        while not (record.exists() and record.read_text()) and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert record.read_text(encoding="utf-8").splitlines() == ["--new-tab",
                                                                   current(app).url]


async def test_y_copies_link(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "y")
        assert app.clipboard == current(app).url


async def test_tab_cycles_panes(demo_desk) -> None:
    from tui.app.widgets.view_tree import ViewTree

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:  # the list above the reader
        assert isinstance(app.focused, ArticleList)
        await pilot.press("enter", "tab")
        assert app.focused.id == "reader-scroll"
        side = app.screen.query_one(Reader).side
        for name, widget in (("actors", side.actor_list), ("related", side.related_list)):
            if side.has_items(name):  # the side panel's lists, when they hold anything
                await pilot.press("tab")
                assert app.focused is widget
        await pilot.press("tab")
        assert isinstance(app.focused, ViewTree)
        await pilot.pause()
        assert app.screen.has_class("-show-views")  # the tree appears beside the reader
        assert main(app).view_tree.display
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleList)
        assert not app.screen.has_class("-show-views")


async def test_tab_stays_in_the_reader_where_it_takes_the_screen(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert app.focused.id == "reader-scroll"  # the list is not shown: nothing to move
        side = app.screen.query_one(Reader).side
        assert not main(app).arranger.side_shown  # 80 columns: hidden until asked for
        await pilot.press("B")
        stops = [w for w in (side.actor_list, side.related_list) if w in side.listing()]
        for widget in stops:
            await pilot.press("tab")
            assert app.focused is widget
        await pilot.press("tab")
        assert app.focused.id == "reader-scroll"


async def test_z_toggles_full_width_reader(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.has_class("-full")
        assert not main(app).articles.display or main(app).articles.region.height == 0
        assert app.screen.query_one(Reader).region.width == 160
        await pilot.press("z")
        await pilot.pause()
        assert not app.screen.has_class("-full") and app.screen.has_class("-side")
        assert main(app).articles.display


async def test_q_closes_reader_then_quits(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert app.screen.query_one(Reader).display
        await pilot.press("q")
        assert not app.screen.query_one(Reader).display
        await pilot.press("q")
        await pilot.pause()
        assert app._exit
