"""Pilot: dialogs that name Arabic and Persian feeds, titles, searches and actors draw them as
the reader does on a terminal without bidi (xterm, tmux): in visual order and shaped, within
the dialog's own left-to-right lines. The demo's outlets بريد المشرق and پیک البرز."""

from __future__ import annotations

from typing import Any

from tests.test_app_support import SIZE, pressed
from tui.core.visual import visual_lines

ARABIC_FEED, PERSIAN_FEED = "بريد المشرق", "پیک البرز"


def drawn(text: str) -> str:
    """Right-to-left text as a terminal without bidi must be sent it: visual order, shaped."""
    return visual_lines(text, 1000, rtl=True)[0].text


def lines(widget: Any) -> str:
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def test_the_feeds_dialog_draws_arabic_outlets_in_visual_order(demo_desk) -> None:
    from textual.widgets import DataTable

    async with pressed(demo_desk, SIZE, "e") as (app, pilot):
        table = app.screen.query_one(DataTable)
        shown = lines(table)
        assert drawn(ARABIC_FEED) in shown and drawn(PERSIAN_FEED) in shown
        assert ARABIC_FEED not in shown and PERSIAN_FEED not in shown
        names = [str(feed.name) for feed in app.screen.feeds]
        await pilot.press(*["j"] * names.index(ARABIC_FEED))
        await pilot.pause()
        detail = lines(app.screen.query_one("#feeds-error"))
        assert detail.splitlines()[0].rstrip() == drawn(ARABIC_FEED)  # left, as the url under it
        assert ARABIC_FEED not in detail


async def test_the_export_dialog_draws_an_arabic_search_and_file_name_in_visual_order(
        demo_desk) -> None:
    """`/هنية` then `E`: the dialog says what it exports and offers the file name with the
    Arabic word as it reads; the name it writes stays as typed (logical order)."""
    from textual.widgets import Input

    async with pressed(demo_desk, SIZE, "slash", *"هنية", "enter", "E") as (app, pilot):
        about = lines(app.screen.query_one(".dialog-about"))
        assert f"search {drawn('هنية')}" in about and "هنية" not in about
        field = app.screen.query_one("#dialog-input", Input)
        stem = field.value.removesuffix("هنية.md")  # ~/newsdesk-unread-
        assert field.value == f"{stem}هنية.md" and stem.startswith("~/newsdesk-")
        assert lines(field).startswith(f"{stem}{drawn('هنية')}.md")
        assert field.cursor_position == len(field.value)
        await pilot.press("end", "left", "left", "left")  # before ".md": after the word
        await pilot.pause()
        assert field._cursor_offset == len(f"{stem}هنية")
        await pilot.press("left")  # before its last letter, drawn leftmost
        await pilot.pause()
        assert field._cursor_offset == len(stem)


def words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


async def test_the_alias_dialog_lists_persian_spellings_in_visual_order(demo_desk) -> None:
    """`a` on Sergei Shoigu: "known as: … سرگئی شویگو · شویگو …", each name as it reads and
    the names in their order, left to right."""
    from tests.test_app_support import key_on_timeline, make_app
    from tui.app.screens.actor_dialogs import SpellingDialog

    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await key_on_timeline(pilot, app, "a", ("sergei-shoigu", "Sergei Shoigu"))
        assert isinstance(app.screen, SpellingDialog)
        known = lines(app.screen.query_one("#known-spellings"))
        assert f"{drawn('سرگئی شویگو')} · {drawn('شویگو')} ·" in known, known
        assert "شویگو" not in known


async def test_tag_dialogs_and_messages_draw_an_arabic_title_in_visual_order(demo_desk) -> None:
    """`t` on an Arabic article names it as the list draws it; so do the messages after `s`
    and after the tag is added (status line), and `T`'s dialog with the tag in Arabic."""
    from tests.test_app_support import main, status

    async with pressed(demo_desk, SIZE, "slash", *"هنية", "enter", "G") as (app, pilot):
        row = main(app).articles.current
        assert row is not None and row.feed == ARABIC_FEED
        start = drawn(words(row.title, 2))
        await pilot.press("s")
        await pilot.pause()
        assert start in status(app) and words(row.title, 2) not in status(app)
        await pilot.press("t")
        await pilot.pause()
        title = lines(app.screen.query_one("#tag-article"))
        assert f"#{row.id} " in title and start in title and words(row.title, 2) not in title
        await pilot.press(*"سوريا", "enter")
        await pilot.pause()
        assert drawn("سوريا") in status(app) and start in status(app)
        await pilot.press("T")
        await pilot.pause()
        options = lines(app.screen.query_one("#untag-list"))
        assert drawn("سوريا") in options and "سوريا" not in options
