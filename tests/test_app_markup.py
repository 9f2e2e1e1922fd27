"""No user, feed or actor text is ever parsed as markup in the app: titles, labels, border
titles, the feeds table, notifications and palette entries all show `[/]` and `[link=…]` as
the characters they are (a parse would crash on `[/]` or hide `[Testistan]`). Also: an article
whose page a refresh deferred gets it when opened."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.content import Content

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_support import SIZE, main, make_app, settle, status
from tui.app.views import actor_view
from tui.core.config.loader import load_config
from tui.core.desk import Desk

FEED = "[/]Wire [link=https://evil.example]x[/link]"
TITLE = "[link=file:///etc/passwd]click me[/link] and [/] too"
AUTHOR = "[bold red]Ann[/]"
TAG = "[b]tagged[/b]"
ACTOR = "[Testistan]"  # a name no listed actor goes by (ISIS is Islamic State's)
PAGE = ("<html><body><article><h1>Page</h1>" + "<p>The article page itself, long enough "
        "for the extractor to keep it as the body of the article.</p>" * 6
        + "</article></body></html>").encode()


def _config(server: LocalServer, tmp_path: Path, settings: str = "") -> Any:
    items = []
    for i in range(3):
        server.add(f"/p{i}", body=PAGE, headers={"Content-Type": "text/html"})
        items.append({"title": f"{TITLE} {i}", "link": server.url(f"/p{i}"), "guid": f"m{i}",
                      "author": AUTHOR, "description": f"[/] body [link=x]{i}[/link]",
                      "pubDate": f"Mon, 0{i + 1} Jan 2024 10:00:00 GMT"})
    url = server.add("/m.xml", body=rss(items), headers={"Content-Type": "application/xml"})
    path = write_config(tmp_path, [{"name": FEED, "url": url, "tags": [TAG]}],
                        settings=settings, extra='\n[keys]\ntoggle_saved = "["\n')
    return load_config(path)


async def _refresh(config: Any) -> None:
    def run() -> None:
        with Desk.open(config) as desk:
            desk.refresh()

    await asyncio.to_thread(run)  # Desk.refresh runs its own event loop


async def test_no_text_from_data_is_markup(server: LocalServer, tmp_path: Path) -> None:
    config = _config(server, tmp_path)
    await _refresh(config)
    with Desk.open(config) as desk:
        actor_id = desk.add_actor(ACTOR, "org")
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main(app)
            labels = [str(n.label) for n in screen.view_tree._tree_nodes.values()]
            # literal, and cut to the tree's width with an ellipsis (the counts stay)
            assert any(label.startswith(FEED[:20]) and "…" in label for label in labels), labels
            assert any(label.startswith(TAG) for label in labels), labels
            row = screen.articles.current
            assert row is not None and row.title.startswith(TITLE)
            await pilot.press("enter")
            await pilot.pause()
            header = str(screen.query_one("#reader-header").render())
            body = str(screen.query_one("#reader-body").render())
            assert TITLE in header and AUTHOR in header and f"#{TAG}" in header
            assert "[/] body [link=x]" in body or "The article page itself" in body

            screen.say(f"status with {TITLE}")  # the status line is literal too
            assert TITLE in status(app)
            app.notify(f"note: {TITLE}", title=f"{ACTOR} {FEED}")
            await pilot.pause()
            toast = [n for n in app._notifications]  # the message as it will be drawn
            assert toast and TITLE in toast[-1].message and not toast[-1].markup

            await pilot.press("e")  # the feeds table: names and errors as characters
            await pilot.pause()
            table = app.screen.query_one("DataTable")
            assert str(table.get_row_at(0)[1]) == FEED
            assert FEED in str(app.screen.query_one("#feeds-error").render())
            await pilot.press("escape")
            await pilot.pause()

            # the alias dialog's border title and spellings carry the actor's name: `[Testistan]`
            # stays
            shown = screen.load_view(actor_view(actor_id, ACTOR))
            assert shown
            await pilot.press("a")
            await pilot.pause()
            box = app.screen.query_one("#spelling-dialog")
            assert ACTOR in str(app.screen.query_one("#known-spellings").render())
            # the getter gives markup that Textual itself does not escape for "[Testistan]":
            # look at the stored title, and at what is drawn
            assert box._border_title.plain == f"Alias for {ACTOR}"
            assert f"Alias&#160;for&#160;{ACTOR}" in app.export_screenshot()
            await pilot.press("escape")
            await pilot.pause()

            await pilot.press("ctrl+p")  # the palette: the user's "[" key in a label
            await pilot.pause()
            await pilot.press(*"save")
            await pilot.pause(0.5)
            options = app.screen.query_one("CommandList")
            prompts = [str(options.get_option_at_index(i).prompt)
                       for i in range(options.option_count)]
            assert any("Save ([)" in p for p in prompts), prompts
            await pilot.press("escape")
            await pilot.pause()
            for widget in app.screen.query("*"):  # tooltips (the footer's): our own words
                tip = widget.tooltip
                if isinstance(tip, str):
                    assert Content.from_markup(tip).plain == tip, tip


async def test_a_deferred_page_is_fetched_when_opened(server: LocalServer,
                                                      tmp_path: Path) -> None:
    config = _config(server, tmp_path, settings="max_pages_per_feed = 1")
    await _refresh(config)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main(app)
            await pilot.press("G", "enter")  # the oldest: its page waits
            await pilot.pause()
            assert "fetching the article's page" in str(screen.query_one("#reader-body").render())
            await settle(pilot)
            body = str(screen.query_one("#reader-body").render())
            assert "The article page itself" in body and "fetching" not in body
            assert screen.reader.article.body_source == "page"
