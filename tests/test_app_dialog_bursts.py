"""Keys typed in one burst with the keys that open a dialog land in it, in the order typed,
whichever screen or pane the dialog opens from (a terminal delivers a burst at once)."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tests.test_app_support import SIZE, main, make_app, settle
from tui.app.screens.feed_dialogs import AddFeedDialog
from tui.app.screens.tags import AddTagsScreen

TYPED = ["tab", *"Tidewater", "tab", *"coast"]


def _burst(app, keys: list[str]) -> None:
    """Post every key at once, none waiting for the one before, as a terminal delivers them."""
    for key in keys:
        app.post_message(events.Key(key, "\t" if key == "tab" else key))


def _fields(app) -> list[str]:
    assert isinstance(app.screen, AddFeedDialog), app.screen
    return [app.screen.query_one(f"#feed-{part}", Input).value
            for part in ("url", "name", "tags")]


async def test_add_feed_typed_in_one_burst_from_every_pane_and_the_feeds_list(
        demo_desk) -> None:
    """`e` then `i`, tab, a name, tab, tags in one burst: the feeds list closed and the add
    dialog opened a tick later, and the keys between reached the main screen (lost, or run
    as its commands). From each pane (`1` the tree, `2` the list, `3` the reader, `4` `5`
    the side panel's lists) `i` and `t` take what follows them too."""
    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _burst(app, ["e", "i", *TYPED])
        await settle(pilot)
        assert _fields(app) == ["", "Tidewater", "coast"]
        await pilot.press("escape")
        await settle(pilot)
        main(app).articles.focus()
        await pilot.press("enter")  # the reader open, for its panes
        await settle(pilot)
        for pane in "12345":
            _burst(app, [pane, "i", *TYPED])
            await settle(pilot)
            assert _fields(app) == ["", "Tidewater", "coast"], pane
            await pilot.press("escape")
            await settle(pilot)
            _burst(app, [pane, "t", *"probe"])
            await settle(pilot)
            assert isinstance(app.screen, AddTagsScreen), (pane, app.screen)
            assert app.screen.query_one(Input).value == "probe", pane
            await pilot.press("escape")
            await settle(pilot)
            main(app)  # the dialog closed, nothing else open


async def test_the_removal_question_answered_in_the_burst_that_asked_it(demo_desk) -> None:
    """`e X n` typed at once: the `n` answers the question X asks over the feeds list, not
    the main screen (where it is the next unread's key)."""
    from tui.app.screens.dialogs import ConfirmDialog

    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = app.desk.config.feeds
        _burst(app, ["e", "X", "n"])
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog), app.screen
        assert "nothing removed" in str(main(app).query_one("#status").render())
        assert app.desk.config.feeds == before
