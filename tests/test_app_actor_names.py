"""Pilot tests for names the gazetteer already has: `+` and `a` refuse a name another actor
goes by (a new "Shoigu" used to take Sergei Shoigu's mentions, silently), say whose it is and
point to that actor, and write nothing. Against a real demo cache."""

from __future__ import annotations

from typing import Any

from tests.test_app_support import SIZE, key_on_timeline, main, make_app, settle, status
from tui.app.screens.dialogs import NewActorDialog, TextDialog
from tui.app.widgets.reader import Reader


def russian_shoigu_article(desk: Any) -> int:
    return next(i for i in desk.ids("actor:sergei-shoigu") if desk.article(i).lang == "ru")


async def test_plus_refuses_a_name_a_listed_actor_goes_by(demo_desk) -> None:
    desk, config = demo_desk
    before = desk.ids("actor:shoigu")
    target = russian_shoigu_article(desk)
    assert target in before
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        main(app).open_article(target)
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        assert isinstance(app.screen, NewActorDialog)
        await pilot.press(*"Shoigu", "enter", "enter")  # a person
        await settle(pilot)
        said = status(app)
        assert "Shoigu is already a name of Sergei Shoigu (sergei-shoigu)" in said, said
        assert "nothing added" in said and "highlighted in the actors panel" in said
        side = app.screen.query_one(Reader).side
        assert side.selected_actor is not None and side.selected_actor.id == "sergei-shoigu"
        assert not config.actors_path.exists()
        assert desk.actor("shoigu") is None
        assert desk.ids("actor:shoigu") == before  # the Russian articles too


async def test_a_refuses_a_spelling_of_another_actor(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await key_on_timeline(pilot, app, "a")
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"Шойгу", "enter")
        await settle(pilot)
        said = status(app)
        assert "Шойгу is already a name of Sergei Shoigu (sergei-shoigu)" in said, said
        assert "f actor:sergei-shoigu lists its articles" in said
        assert not config.actors_path.exists()
        assert "Шойгу" not in desk.actor("north-korea").aliases
