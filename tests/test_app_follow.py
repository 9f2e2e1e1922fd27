"""The reader follows what changes outside it: the cache written by a cron fetch, the CLI or
another reader (a second Desk here: its own SQLite connection, as another process has), and
feeds.toml edited while it runs, read again by `R`."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from tests import test_app_support as support
from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_refresh import _grown_demo
from tests.test_app_support import SIZE, main, make_app, settle, status, until
from tui.app.widgets.view_tree import ViewTree
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def labels(app: object) -> list[str]:
    return [str(node.label) for node in main(app).query_one(ViewTree)._tree_nodes.values()]


async def test_triage_from_elsewhere_shows_without_moving_the_selection(tmp_path: Path) -> None:
    """`newsdesk read`, `save`, `tag` (or another reader) on the same cache: the list, its
    dots and the tree's counts follow within seconds; the selection and the focus stay."""
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "j", "j")
            articles = main(app).articles
            rows = [articles.pager.row(i) for i in range(8)]
            chosen = articles.current.id
            await until(pilot, lambda: any(label.startswith("Saved ") for label in labels(app)))
            with Desk.open(config) as other:  # its own connection, as the CLI's
                other.set_read([rows[0].id, rows[1].id])
                other.set_saved(rows[5].id)
                other.add_tags([rows[6].id], ["dossier"])
                unread = other.count("is:unread")
            await until(pilot, lambda: len(articles.pager) == unread, 5)
            assert articles.current.id == chosen
            assert app.focused is articles
            await until(pilot, lambda: "Saved 1/1" in labels(app) and "dossier 1/1" in labels(app))
            assert f"Unread {unread}/" in " ".join(labels(app))
            saved = articles.pager.row(articles.locate(rows[5].id))
            assert saved.saved and "dossier" in articles.pager.row(articles.locate(rows[6].id)).tags


async def test_a_cron_fetch_shows_in_the_open_reader(tmp_path: Path, utc_clock) -> None:
    """`newsdesk fetch` from cron adds articles: they are listed without pressing R."""
    config = await _grown_demo(tmp_path)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j")
            articles = main(app).articles
            before, chosen = len(articles.pager), articles.current.id

            def cron_fetch() -> int:
                with Desk.open(load_config(config.path)) as cron:
                    cron.refresh(extract=False)
                    return cron.count("is:unread")

            unread = await asyncio.to_thread(cron_fetch)
            assert unread > before
            await until(pilot, lambda: len(articles.pager) == unread, 5)
            assert articles.current.id == chosen
            assert app.focused is articles


async def test_open_article_changed_elsewhere_is_shown_afresh(tmp_path: Path) -> None:
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            reader = main(app).reader
            shown = reader.article.id
            with Desk.open(config) as other:
                other.add_tags([shown], ["from-the-cli"])
            await until(pilot, lambda: "from-the-cli" in reader.article.tags, 5)
            assert reader.article.id == shown


def _feed(server: LocalServer, name: str, count: int) -> str:
    items = [{"title": f"{name} item {i}", "link": f"http://127.0.0.1/{name}/{i}",
              "guid": f"{name}-{i}", "pubDate": "Mon, 02 Jun 2025 10:00:00 GMT",
              "description": "text"} for i in range(count)]
    return server.add(f"/{name}.xml", body=rss(items, name))


@asynccontextmanager
async def _alpha_reader(server: LocalServer, tmp_path: Path, *, fetched: bool = True
                        ) -> AsyncIterator[tuple[Path, Desk, Any, Any]]:
    """(feeds.toml, desk, app, pilot): a reader on one feed, Alpha (2 items, no pages; fetched
    unless not `fetched`), whose feeds.toml the test edits while it runs."""
    path = write_config(tmp_path, [("Alpha", _feed(server, "alpha", 2))],
                        settings="extract = false")
    config = load_config(path)
    with Desk.open(config) as desk:
        if fetched:
            await asyncio.to_thread(desk.refresh)
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            yield path, desk, app, pilot


def _record_messages(app: Any) -> list[str]:
    """Every message the status line is given, in order (each fades after a while)."""
    said: list[str] = []
    line = main(app).status_line
    say = line.say

    def recorded(message: str) -> None:
        said.append(message)
        say(message)

    line.say = recorded
    return said


async def test_R_reads_feeds_toml_again(server: LocalServer, tmp_path: Path) -> None:
    """A feed, a view and a key added to feeds.toml while the reader runs are in use after R;
    then a typo: R says where, and refreshes with the last good config."""
    async with _alpha_reader(server, tmp_path, fetched=False) as (path, desk, app, pilot):
        said = _record_messages(app)  # the poll may put the file in use before R does
        await pilot.press("R")
        await until(pilot, lambda: "refreshed all feeds: 2 new" in status(app), 30)
        with path.open("a", encoding="utf-8") as file:
            file.write(f'[[feed]]\nname = "Beta"\nurl = "{_feed(server, "beta", 3)}"\n'
                       '[[view]]\nname = "Beta view"\nquery = "feed:beta"\n'
                       '[keys]\ntoggle_saved = "S"\n')
        await pilot.press("R")
        await until(pilot, lambda: "refreshed all feeds: 3 new" in status(app), 30)
        assert any("feeds.toml re-read: 1 feed added, views changed, keys changed" in m
                   for m in said), said
        await settle(pilot)
        await until(pilot, lambda: "Beta 3/3" in labels(app) and "Beta view 3/3" in labels(app))
        await pilot.press("g", "S")
        await until(pilot, lambda: desk.count("is:saved") == 1)

        good = path.read_text(encoding="utf-8")
        before = len(said)
        path.write_text(good + "[[feed]\nname = 'Gamma'\n", encoding="utf-8")
        await pilot.press("R")
        await until(pilot, lambda: any("refreshed all feeds" in m for m in said[before:]), 30)
        assert any("feeds.toml has an error" in m for m in said[before:]), said
        toasts = [str(n.message) for n in app._notifications]
        assert any(str(path) in t and "line" in t for t in toasts), toasts
        assert [f.name for f in desk.config.feeds] == ["Alpha", "Beta"]  # the last good one


async def test_many_rows_read_elsewhere_above_the_selection(tmp_path: Path) -> None:
    """Eight rows above the selected one leave Unread at once: it is found where it moved."""
    with support.demo_desk(tmp_path) as (desk, config):
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*["j"] * 10)
            articles = main(app).articles
            above = [articles.pager.row(i).id for i in range(8)]
            chosen = articles.current.id
            with Desk.open(config) as other:
                other.set_read(above)
                unread = other.count("is:unread")
            await until(pilot, lambda: len(articles.pager) == unread, 5)
            assert articles.current.id == chosen


async def test_V_puts_feeds_toml_in_use_as_R_does(server: LocalServer, tmp_path: Path) -> None:
    """`V` writes a view to feeds.toml and reads the file back: what was edited there
    meanwhile (keys, the auto-refresh) is put in use with it, as R would."""
    async with _alpha_reader(server, tmp_path) as (path, desk, app, pilot):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("extract = false", "extract = false\nrefresh_minutes = 5")
                        + '[keys]\ntoggle_saved = "S"\n', encoding="utf-8")
        await pilot.press("f", *"feed:alpha", "enter")
        await pilot.press("V")
        await pilot.pause()
        await pilot.press(*"Alpha view", "enter")
        await settle(pilot)
        assert "saved the view 'Alpha view' (is:unread feed:alpha)" in status(app)
        assert main(app).follow._auto is not None  # the auto-refresh is scheduled
        await pilot.press("g", "S")
        await until(pilot, lambda: desk.count("is:saved") == 1)
        assert desk.config.settings.refresh_minutes == 5


async def test_a_view_saved_by_another_reader_shows_without_R(server: LocalServer,
                                                               tmp_path: Path) -> None:
    """Two readers on one cache: a view the other saved (its `V` appends to feeds.toml) is
    listed here within a poll, as its triage is; the file's time and size tell, by a stat."""
    async with _alpha_reader(server, tmp_path) as (path, desk, app, pilot):
        await settle(pilot)
        with path.open("a", encoding="utf-8") as file:  # what the other reader's V writes
            file.write('\n[[view]]\nname = "Alpha watch"\nquery = "feed:alpha"\n')
        await until(pilot, lambda: "Alpha watch 2/2" in labels(app), 10)
        assert "feeds.toml re-read: views changed" in status(app)
        assert [v.name for v in desk.config.views] == ["Alpha watch"]
