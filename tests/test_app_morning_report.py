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


async def test_the_no_browser_toast_leaves_the_status_line_readable(demo_desk: Any,
                                                                     tmp_path: Any,
                                                                     monkeypatch: Any) -> None:
    """At 80 columns the toast sat on the status line's right end, over the message that
    says what to do (`y copies the link`): toasts now stand above the status line."""
    from textual.widgets._toast import Toast

    for name in ("BROWSER", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no browser of any kind on it
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert "no browser found (y copies the link)" in status(app)
        line = main(app).status_line.region
        await pilot.pause(0.3)
        toasts = list(app.screen.query(Toast))
        assert toasts, "the toast says how to set a browser"
        for toast in toasts:
            assert not toast.region.overlaps(line), (toast.region, line)


async def test_q_in_the_view_tree_says_it_went_to_the_list(demo_desk: Any) -> None:
    """`q` with the tree focused moves to the list, where the next `q` quits: only a border's
    weight changed, so the status line says so, and the next `q` quits as it says."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        screen = main(app)
        assert screen.focused is screen.view_tree
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running and screen.focused is screen.articles
        assert "to the list; q again quits" in status(app), status(app)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
