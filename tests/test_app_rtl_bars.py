"""Pilot: the search and filter bars, the tag column, the reader's tags and the empty list's
message draw Arabic and Persian as the rest of the app does on a terminal without bidi (in
visual order, shaped), each `#` before its own tag. A new user typed `/ملف خاص` and read it
backwards and unjoined; two Arabic tags showed as `#ﻲﺑﺮﻋ# ﻕﺮﺸﻤﻟﺍ`."""

from __future__ import annotations

from tests.test_app_rtl_dialogs import drawn, lines
from tests.test_app_support import SIZE, pressed, settle

PHRASE = "ملف خاص"


async def test_the_search_bar_draws_an_arabic_query_as_it_reads(demo_desk) -> None:
    from tui.app.widgets.query_bar import QueryBar

    async with pressed(demo_desk, SIZE, "slash", *PHRASE) as (app, _):
        bar = app.screen.query_one(QueryBar)
        assert bar.value == PHRASE  # what is searched stays as typed
        shown = lines(bar)
        assert drawn(PHRASE) in shown and PHRASE not in shown


async def test_the_empty_list_names_an_arabic_query_as_it_reads(demo_desk) -> None:
    from tui.app.widgets.article_list import ArticleList

    async with pressed(demo_desk, SIZE, "slash", *"شويغو يصل", "enter") as (app, _):
        shown = lines(app.screen.query_one(ArticleList))
        assert "No articles match" in shown
        assert drawn("شويغو يصل") in shown and "شويغو" not in shown


async def test_two_arabic_tags_keep_their_hashes_in_the_list_and_the_reader(demo_desk) -> None:
    from tui.app.widgets.article_list import ArticleList

    desk, _ = demo_desk
    first = desk.articles("is:unread", limit=1)[0]
    desk.add_tags([first.id], ["المشرق", "عربي"])
    async with pressed(demo_desk, (200, 50)) as (app, pilot):
        row = lines(app.screen.query_one(ArticleList)).splitlines()[0]
        assert f"#{drawn('المشرق')} #{drawn('عربي')}" in row, row
        await pilot.press("enter")
        await settle(pilot)
        header = lines(app.screen.query_one("#reader-header"))
        assert f"#{drawn('المشرق')} #{drawn('عربي')}" in header, header


async def test_status_messages_keep_arabic_and_persian_feed_names_in_their_place(
        demo_desk) -> None:
    """`r` on the demo's Persian and Arabic outlets: the status line read "refreshed 0 :<name>
    new", the count pulled into the name's right-to-left run."""
    from tests.test_app_rtl_dialogs import ARABIC_FEED, PERSIAN_FEED
    from tests.test_app_support import main, status, until
    from tui.app.views import feed_view

    async with pressed(demo_desk, SIZE) as (app, pilot):
        screen = main(app)
        for name in (PERSIAN_FEED, ARABIC_FEED):
            await pilot.press("1")
            await until(pilot, lambda: screen.view_tree.cursor_node is not None)
            screen.view_tree.select_view(feed_view(name))
            await pilot.press("r")
            await until(pilot, lambda: "refreshed " in status(app), 60)
            await settle(pilot)
            line = status(app)
            assert f"refreshed {drawn(name)}: 0 new" in line, line
            screen.status_line.clear_message()


def test_a_message_naming_two_arabic_tags_keeps_each_hash_before_its_tag() -> None:
    """As the status line draws "tagged #المشرق #عربي on #3 …": the two names and their
    hashes read `#ﻕﺮﺸﻤﻟﺍ# ﻲﺑﺮﻋ` without isolates, the order of the tags reversed too."""
    from tui.app.screens.triage import tag_shown
    from tui.core.visual import drawn_line

    message = "tagged " + " ".join(map(tag_shown, ["المشرق", "عربي"])) + " on #3 (u undoes)"
    line = drawn_line(message, rtl=False).text
    assert line == f"tagged #{drawn('المشرق')} #{drawn('عربي')} on #3 (u undoes)", line
