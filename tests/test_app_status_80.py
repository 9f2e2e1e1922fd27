"""At 80x24 the messages of `X`, `-`, `a`, `L` and of `n`/`p` hopping feeds show whole: each
lost its tail there ("... its articles stay in All (f", "... in the reader's actor panel
first (tab m"). And the hint at a list's last unread names the user's keys, not `n`/`p`."""

from __future__ import annotations

from pathlib import Path

from tests.test_app_status_room import on_screen
from tests.test_app_support import copy_demo, main, make_app, open_side, settle, until
from tui.app.views import feed_view
from tui.core.config.loader import load_config
from tui.core.desk import Desk

SIZE = (80, 24)


def shown(app) -> str:
    """The status line as drawn, checked to hold no cut (`…`): the message ends it."""
    line = on_screen(app).rstrip()
    assert "…" not in line, line
    return line


async def test_n_and_p_past_a_feeds_last_unread_say_it_whole(demo_desk) -> None:
    desk, config = demo_desk
    names = [feed.name for feed in config.feeds]
    first = names[1]  # Caspian Courier: the longest name the hop has to say
    desk.set_read(desk.ids(feed_view(first).query))
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        screen.trail.to_view(feed_view(first))
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        went = screen.view.feed
        assert went not in (None, first)
        left = desk.count(feed_view(went).query + " is:unread")
        line = shown(app)
        assert line.startswith(went), line
        assert line.endswith(f"next feed, {left} unread ({first} has none left)"), line
        screen.trail.to_view(feed_view(first))
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        back = screen.view.feed
        left = desk.count(feed_view(back).query + " is:unread")
        assert shown(app).endswith(f"prev feed, {left} unread ({first} has none earlier)")


async def test_L_minus_and_a_with_nothing_chosen_say_where_to_choose(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, said in [
            ("L", "highlight a 'not listed' person among the actors (4 goes there)"),
            ("minus", "choose an actor you added first (in the actors pane or the tree)"),
            ("a", "choose an actor first (in the actors pane or the tree)"),
        ]:
            await pilot.press(key)
            await settle(pilot)
            assert shown(app).endswith(said), key
        await pilot.press("enter", "minus")  # a bundled actor in hand: its name stays whole
        await settle(pilot)
        _actor_id, name = main(app).teaching.selected_actor()
        assert shown(app).endswith(f"{name} comes with newsdesk: it can't be forgotten")


async def test_X_says_what_it_removed_and_where_the_articles_are(tmp_path: Path) -> None:
    config = load_config(copy_demo(tmp_path / "demo"))
    name = config.feeds[1].name
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("X")  # nothing chosen: how to choose one
            await settle(pilot)
            assert shown(app).endswith(
                "no feed chosen: put the tree's cursor on one (1) or list one"
            )
            main(app).trail.to_view(feed_view(name))
            await settle(pilot)
            await pilot.press("X")
            await settle(pilot)
            await pilot.press("y")
            await until(pilot, lambda: "removed" in main(app).status_line.message)
            await settle(pilot)
            assert shown(app).endswith(f'removed {name}; articles stay (f feed:"{name}")')


async def test_the_none_left_hint_names_the_users_keys(tmp_path: Path) -> None:
    keys = '[keys]\nnext_unread = "w"\nprev_unread = "W"\n'
    config = load_config(copy_demo(tmp_path / "demo", keys))
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("G", "w")
            await settle(pilot)
            assert shown(app).endswith(
                "no more unread articles in this list (W goes the other way)"
            )
            await pilot.press("g", "W")
            await settle(pilot)
            assert shown(app).endswith(
                "no earlier unread articles in this list (w goes the other way)"
            )


async def test_L_then_minus_say_what_they_did_whole(tmp_path: Path) -> None:
    """`-` on an actor the user had listed: "... forgotten (the actor you added); re-matching"
    lost its tail at 80x24."""
    config = load_config(copy_demo(tmp_path / "demo"))
    with Desk.open(config) as desk:
        target, person = next(
            (article_id, actor)
            for article_id in desk.ids("")
            for actor in desk.actors_of(article_id)
            if not actor.listed and actor.kind == "person" and actor.spelt_like is None
        )
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            side = await open_side(pilot, app, target)
            side.actor_list.highlighted = next(
                n for n, actor in enumerate(side.actors) if actor.name == person.name
            )
            status = main(app).status_line
            await pilot.press("L")
            await until(pilot, lambda: "matched again" in status.message, 120)
            await settle(pilot)
            assert shown(app).endswith(f"{person.name} added to your actors; actors matched again")
            side.actor_list.highlighted = next(
                n for n, actor in enumerate(side.actors) if actor.name == person.name
            )
            await pilot.press("minus")
            await settle(pilot)
            await pilot.press("y")
            await until(
                pilot,
                lambda: "forgotten" in status.message and "matched again" in status.message,
                120,
            )
            await settle(pilot)
            assert shown(app).endswith(
                f"{person.name} forgotten (you had added it); matched again"
            )
