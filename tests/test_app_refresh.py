"""Pilot tests for refreshing from the app: progress, failures, and a list that keeps
its place while new articles arrive."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

from tests import test_app_support as support
from tests.test_app_support import SIZE, main, make_app, settle, status, until
from tui.app.widgets.view_tree import ViewTree
from tui.core.config.loader import load_config
from tui.core.desk import Desk


async def _grown_demo(tmp_path: Path, all_but_one: bool = False) -> Any:
    """A cache holding one demo feed (`all_but_one`: all but the first); its config then
    lists them all, so `R` adds rows."""
    master = support.demo_master()
    full = (master.folder / "feeds.toml").read_text(encoding="utf-8")
    head, *feeds = full.split("[[feed]]")
    folder = tmp_path / "grow"
    folder.mkdir()
    path = folder / "feeds.toml"
    kept = feeds[1:] if all_but_one else feeds[-1:]
    path.write_text(head + "".join("[[feed]]" + feed for feed in kept), encoding="utf-8")

    def first_refresh() -> None:
        with Desk.open(load_config(path)) as desk:
            desk.refresh(extract=False)

    await asyncio.to_thread(first_refresh)  # Desk.refresh runs its own event loop
    path.write_text(full, encoding="utf-8")
    return load_config(path)


def _in_sight(articles: Any) -> tuple[int, int]:
    """(the window's top row, the selection's row on the screen)."""
    top = int(articles.scroll_y)
    return top, articles.cursor - top


async def test_R_at_the_top_shows_the_new_articles_above_the_selection(
        tmp_path, utc_clock) -> None:
    """The list's top row in sight: new articles arrive at the top and push the rows below
    them down, the selected one too, which stays selected and in sight (newsboat, Elfeed)."""
    config = await _grown_demo(tmp_path)
    with Desk.open(config) as desk:
        before = desk.count("")
        app = make_app(desk, config)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("j", "j", "j")
            articles = main(app).articles
            chosen = articles.current.id
            assert _in_sight(articles) == (0, 3)
            await pilot.press("R")
            await settle(pilot)
            assert desk.count("") > before
            assert len(articles.pager) == desk.count("is:unread")
            assert articles.current.id == chosen and articles.cursor > 3
            height = articles.scrollable_content_region.height
            top, row = _in_sight(articles)
            if articles.cursor < height:  # the new ones all in sight, at the top
                assert top == 0 and articles.new_above == 0
                assert "new above" not in status(app)
            else:  # pushed to the bottom row: those scrolled out of sight are said
                assert row == height - 1 and articles.new_above == top
            assert "refreshed" in status(app)


async def test_R_further_down_keeps_the_selections_row_and_counts_the_new(
        tmp_path, utc_clock) -> None:
    """The window scrolled down the list: the selected article keeps its screen row, and the
    status line says how many new articles arrived above it until the top is seen."""
    config = await _grown_demo(tmp_path, all_but_one=True)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=(120, 12)) as pilot:
            articles = main(app).articles
            await settle(pilot)
            await pilot.press(*["j"] * (len(articles.pager) // 2))  # the middle of the list
            await settle(pilot)
            chosen, old_cursor = articles.current.id, articles.cursor
            top, row = _in_sight(articles)
            assert top > 0
            await pilot.press("R")
            await settle(pilot)
            assert articles.current.id == chosen
            assert _in_sight(articles)[1] == row
            arrived = articles.cursor - old_cursor
            assert arrived > 0 and articles.new_above == arrived
            assert f"{arrived} new above" in status(app)
            await pilot.press("g")  # the top: seen
            await settle(pilot)
            assert articles.new_above == 0 and "new above" not in status(app)


async def test_new_articles_are_listed_before_analysis_ends(tmp_path, utc_clock) -> None:
    """Actors and links come after storing and may take long on a big refresh: the list shows
    the new articles as soon as they are stored, not when analysis ends."""
    config = await _grown_demo(tmp_path)
    with Desk.open(config) as desk:
        unread_before = desk.count("is:unread")
        gate = threading.Event()
        analyse = desk.analyse_pending

        def held_analysis(on_event: Any = None) -> int:
            gate.wait(60)
            return analyse(on_event)

        desk.analyse_pending = held_analysis  # type: ignore[method-assign]
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("R")
            for _ in range(400):
                await pilot.pause(0.05)
                if "stored" in status(app):
                    break
            reader = main(app).reader
            try:
                assert "new articles stored" in status(app)
                assert len(main(app).articles.pager) > unread_before
                await pilot.press("g", "enter")  # the newest: stored, not analysed yet
                await pilot.pause()
                opened = reader.article.id
                assert not desk.article(opened).analysed
                assert "being found" in str(reader.side.actor_list.get_option_at_index(0).prompt)
            finally:
                gate.set()
            await settle(pilot)
            assert "refreshed" in status(app)
            assert reader.article.id == opened and reader.article.analysed  # shown afresh
            assert [a.id for a in reader.side.actors] == [a.id for a in desk.actors_of(opened)]
            assert reader.side.actors  # the demo's articles all name someone


async def test_refresh_after_reading_keeps_the_next_article(tmp_path, utc_clock) -> None:
    """The selected article was read (it leaves Unread at the reload): the cursor goes
    to the article after it, kept in sight (the window at the top stays there)."""
    config = await _grown_demo(tmp_path)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=(120, 12)) as pilot:
            await pilot.press("j", "N", "j", "N")  # read rows 1 and 2, cursor on 2
            articles = main(app).articles
            following = articles.pager.row(3).id
            await pilot.press("R")
            await settle(pilot)
            assert articles.current.id == following
            top, row = _in_sight(articles)
            assert 0 <= row < articles.scrollable_content_region.height
            assert top == articles.new_above  # out of sight above: counted, said
            assert len(articles.pager) == desk.count("is:unread")


async def test_failed_feed_is_marked_and_listed(tmp_path: Path) -> None:
    from textual.widgets import DataTable

    from tui.app.screens.feeds import FeedsScreen

    path = support.copy_demo(tmp_path)
    dead = '\n[[feed]]\nname = "Dead Feed"\nurl = "http://127.0.0.1:9/feed.xml"\n'
    path.write_text(path.read_text(encoding="utf-8") + dead, encoding="utf-8")
    config = load_config(path)
    with support.utc_clock(), Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("R")
            # watched from the key on: the message expires after 8 s, which a loaded machine
            # can spend settling the workers the refresh starts
            await until(pilot, lambda: "1 failed" in status(app), 60)
            await settle(pilot)
            tree = main(app).query_one(ViewTree)
            await until(pilot, lambda: "Dead Feed ! 0/0" in
                        [str(n.label) for n in tree._tree_nodes.values()])
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, FeedsScreen)
            assert app.screen.feeds[0].name == "Dead Feed"  # failing feeds first
            assert app.screen.query_one(DataTable).row_count == len(config.feeds)
            error = str(app.screen.query_one("#feeds-error").render())
            assert "Dead Feed" in error and desk.feeds()[-1].last_error in error


async def test_an_empty_list_says_when_no_feed_was_reached(tmp_path: Path) -> None:
    """A first R that reaches no feed (offline): the empty list stops saying "press R to
    fetch" as if nothing had been tried, and points at e."""
    from tests.conftest import write_config

    path = write_config(tmp_path, [("Dead", "http://127.0.0.1:9/feed.xml")])
    config = load_config(path)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            articles = main(app).articles
            assert articles.empty_text.startswith("No articles yet: press R")
            await pilot.press("R")
            await until(pilot, lambda: "1 failed" in status(app), 60)
            await until(pilot, lambda: "could not reach the feed" in articles.empty_text)
            assert "e lists why" in articles.empty_text


async def test_warned_feed_is_not_a_failing_one(tmp_path: Path, server: Any) -> None:
    """A feed read but not wholly (here: malformed XML, recovered) is marked `~`, not `!`,
    and is not counted as failing."""
    from tests.conftest import rss
    from tui.app.screens.feeds import FeedsScreen

    broken = rss([{"title": "Still read", "guid": "w1"}]).replace(b"</channel>", b"<oops>")
    url = server.add("/warned.xml", body=broken, headers={"Content-Type": "application/xml"})
    path = support.copy_demo(tmp_path)
    extra = (f'\n[[feed]]\nname = "Warned Feed"\nurl = "{url}"\n'
             '\n[[feed]]\nname = "Dead Feed"\nurl = "http://127.0.0.1:9/feed.xml"\n')
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    config = load_config(path)
    with support.utc_clock(), Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("R")
            await settle(pilot)
            # Warned Feed (its one item has no link: a guid that is no URL is not one, so no
            # page to fail); the demo itself warns of nothing (tests/test_demo_clean.py)
            assert "1 failed; 1 with warnings (e lists them)" in status(app)
            tree = main(app).query_one(ViewTree)
            labels = [str(n.label) for n in tree._tree_nodes.values()]
            assert "Dead Feed ! 0/0" in labels and any(x.startswith("Warned Feed ~") for x in labels)
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, FeedsScreen)
            assert [f.name for f in app.screen.feeds[:2]] == ["Dead Feed", "Warned Feed"]
            assert "1 failing, 1 with warnings" in str(app.screen.query_one("#feeds-box")
                                                        .border_title)
            await pilot.press("j")
            shown = str(app.screen.query_one("#feeds-error").render())
            assert "warning: broken XML at line 1: " in shown and "1 item recovered" in shown


async def test_r_refreshes_the_current_feed(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        feed = main(app).articles.current.feed
        await pilot.press("r")
        await settle(pilot)
        await pilot.pause()
        assert f"refreshed {feed}: 0 new" in status(app)


async def test_auto_refresh_timer_from_settings(tmp_path, utc_clock) -> None:
    config = load_config(support.copy_demo(tmp_path, "refresh_minutes = 15"))
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE):
            names = [timer.name for timer in main(app)._timers]
            assert "auto-refresh" in names


async def test_a_slow_feed_keeps_the_refresh_in_sight(tmp_path: Path, server: Any) -> None:
    """Messages fade; while one feed still trickles in, the status line keeps saying that the
    refresh runs and which feed it waits for (it used to go blank for 20 s)."""
    from tests.conftest import rss
    from tests.httpserver import Route

    body = rss([{"title": "Late but here", "guid": "s1"}])
    url = server.add("/slow.xml", route=Route(body=body, delay=3.0))
    path = support.copy_demo(tmp_path)
    path.write_text(path.read_text(encoding="utf-8")
                    + f'\n[[feed]]\nname = "Slow Drip"\nurl = "{url}"\n', encoding="utf-8")
    config = load_config(path)
    with support.utc_clock(), Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("R")
            await until(pilot, lambda: "waiting for Slow Drip" in status(app), 20)
            main(app).status_line.clear_message()  # as when a message has faded
            await pilot.pause()
            assert "refreshing all feeds…" in status(app) and "Slow Drip" in status(app)
            await until(pilot, lambda: "refreshed all feeds" in status(app), 60)
            main(app).status_line.clear_message()
            await pilot.pause()
            assert "refreshing" not in status(app)  # the job's line ends with it
