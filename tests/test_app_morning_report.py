"""Pilot tests for what a new user reported in the reader one morning: the end-of-text hint
when nothing unread is left, a query error said once, the link list's markers, the toast
that covered the status line, and `q` in the view tree."""

from __future__ import annotations

from typing import Any

from tests.test_app_support import main, make_app, note_text, settle, status


async def test_the_end_of_the_last_unread_article_promises_no_next_one(demo_desk: Any) -> None:
    """Unread holds one article: once it is open (and so read) its end says there is
    nothing unread to go to, where it said "space: next unread"."""
    desk, config = demo_desk
    only = desk.articles("is:unread", limit=1)[0]
    desk.set_read([i for i in desk.ids("is:unread") if i != only.id])
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(main(app).articles.pager) == 1
        await pilot.press("enter", "G")
        await settle(pilot)
        line = status(app).rstrip()
        assert line.endswith("end · nothing unread to go to"), line
        await pilot.press("space")  # and space says so too, as before
        await settle(pilot)
        assert "no more unread articles" in status(app)


async def test_a_query_error_is_said_once_next_to_the_bar(demo_desk: Any) -> None:
    """The error is in the note under the bar being typed in, not on the status line too."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"iran date:2024-08-05", "enter")
        await settle(pilot)
        assert "query error (column 6): unknown field 'date:'" in note_text(app)
        assert "query error" not in status(app), status(app)
        assert main(app).query_bar.display
