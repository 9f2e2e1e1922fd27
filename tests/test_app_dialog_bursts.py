"""Keys typed in one burst with the keys that open a dialog land in it, in the order typed,
whichever screen or pane the dialog opens from (a terminal delivers a burst at once)."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input

from tests.test_app_support import SIZE, main, make_app, settle, until
from tui.app.screens.feed_dialogs import AddFeedDialog
from tui.app.screens.tags import AddTagsScreen

TYPED = ["tab", *"Tidewater", "tab", *"coast"]


def _burst(app, keys: list[str]) -> None:
    """Post every key at once, none waiting for the one before, as a terminal delivers them."""
    named = {"tab": "\t", "enter": "\r", "minus": "-"}
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else named.get(key)))


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


async def test_list_dialogs_take_the_enter_typed_with_the_key_that_opened_them(
        demo_desk) -> None:
    """`T j enter` at once removes the article's second tag: the enter reached the list
    before the dialog was up and was lost (the j arrived). The same for the answers of `-`."""
    from tests.test_app_support import status
    from tui.app.screens.actor_dialogs import ChoiceDialog

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = main(app).articles.current
        assert row is not None and len(row.tags) >= 2
        _burst(app, ["T", "j", "enter"])
        await settle(pilot)
        main(app)
        assert desk.article(row.id).tags == (row.tags[0], *row.tags[2:])
    desk.add_actor_alias("sergei-shoigu", "Shoygoo")
    desk.add_actor_alias("sergei-shoigu", "Shoyguu")
    desk.analyse_pending()
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        main(app).show_actor("sergei-shoigu", "Sergei Shoigu")
        await settle(pilot)
        _burst(app, ["minus", "j", "enter"])
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog), app.screen
        assert "alias 'Shoyguu' removed from Sergei Shoigu" in status(app)


async def test_keys_typed_right_after_a_palette_command_land_in_what_it_opens(
        demo_desk) -> None:
    """ctrl+p, the command's name, enter and a tag typed at once: the tag dialog gets it."""
    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _burst(app, ["ctrl+p", *"Tag", "enter", *"probe"])
        await settle(pilot)
        assert isinstance(app.screen, AddTagsScreen), app.screen
        assert app.screen.query_one(Input).value == "probe"


async def test_a_key_that_closes_its_widget_never_holds_up_the_next(demo_desk) -> None:
    """`t` opens the tag dialog and `escape` closes it, its input (where the key's marker was
    sent) going with it: the `j` typed next moves the list at once. It waited a second (the
    held key's safety release) when the marker was lost with its widget."""
    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = main(app).articles
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, AddTagsScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, AddTagsScreen)
        row = articles.current
        app.post_message(events.Key("j", "j"))
        for _ in range(10):  # a few turns of the loop, far less than the second it waited
            await pilot.pause()
        assert articles.current != row, (app.keys.flying, list(app.keys.held))


class _Holding(ModalScreen[None]):
    """A screen that holds keys and never says it is done (as a palette whose search hangs)."""

    holds_keys = True

    def compose(self) -> ComposeResult:
        yield Input()


class _Swallowing(Input):
    """A line that stops the marker following each key (a marker lost on its way up)."""

    def on_key_handled(self, message: Message) -> None:
        message.stop()


class _Lossy(ModalScreen[None]):
    def compose(self) -> ComposeResult:
        yield _Swallowing()


async def test_held_keys_never_wait_for_ever(demo_desk) -> None:
    """Keys held for a screen that never lets them go, or behind a key whose marker never
    comes back, go after the watch's wait (1.5 s on a free loop), in the order typed."""
    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for screen in (_Holding(), _Lossy()):
            await app.push_screen(screen)
            await pilot.pause()
            line = screen.query_one(Input)
            _burst(app, list("abcd"))
            await pilot.pause(0.2)
            assert line.value in ("", "a") and app.keys.held  # waiting
            await until(pilot, lambda line=line: line.value == "abcd", seconds=15)
            assert not app.keys.held
            app.pop_screen()
            await settle(pilot)


async def test_a_cursor_move_holds_no_key_after_it(demo_desk) -> None:
    """Held-down `j` (a repeat burst) moves as fast as before the keys were ordered: a key
    bound to a cursor move cannot change where the next key goes, so that one is not held."""
    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(3):
            await app.keys.take(events.Key("j", "j"))
            assert not app.keys.held and app.keys.flying is None
        await settle(pilot)
        assert main(app).articles.cursor == 3


async def test_a_paste_in_the_burst_lands_in_the_dialog_its_keys_opened(demo_desk) -> None:
    """`e i` then a paste (one event, not keys): the paste went to the list at once, before
    `e` and `i` had opened their dialogs; it waits its turn as keys do (key_order.py)."""
    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _burst(app, ["e", "i"])
        app.post_message(events.Paste("http://127.0.0.1:9/pasted.xml"))
        await settle(pilot)
        assert _fields(app) == ["http://127.0.0.1:9/pasted.xml", "", ""]


async def test_only_a_cursor_move_lets_the_next_key_go_at_once(demo_desk) -> None:
    """`_moves` asks Textual's public `active_bindings` which binding a key runs (it read
    the private `_modal_binding_chain` before): `j` in the list moves, `e` does not, a paste
    is no move. Should Textual change what that property gives, this fails first."""
    from pathlib import Path

    import tui.app.key_order as key_order

    app = make_app(*demo_desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main(app).articles.focus()
        await settle(pilot)
        moves = app.keys._moves
        assert moves(events.Key("j", "j")) and moves(events.Key("k", "k"))
        assert not moves(events.Key("e", "e")) and not moves(events.Paste("j"))
    assert "_binding_chain" not in Path(key_order.__file__).read_text(encoding="utf-8")
