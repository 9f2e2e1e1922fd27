"""Pilot tests for names the gazetteer already has: `+` and `a` refuse a name another actor
goes by (a new "Shoigu" used to take Sergei Shoigu's mentions, silently), in the dialog as soon
as the name is submitted (before a kind is asked for), say whose it is and point to that actor,
and write nothing. Against a real demo cache."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Label

from tests.test_app_support import SIZE, key_on_timeline, main, make_app, settle, status
from tui.app.screens.actor_dialogs import NewActorDialog, SpellingDialog
from tui.app.widgets.reader import Reader


def verdict(app: Any) -> str:
    """What the open actor dialog says of the name submitted ("" when nothing)."""
    note = app.screen.query_one("#name-verdict", Label)
    return str(note.render()) if note.display else ""


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
        await pilot.press(*"Shoigu", "enter")
        await settle(pilot)
        assert isinstance(app.screen, NewActorDialog)  # refused before the kind is asked for
        said = verdict(app)
        assert "Shoigu is already a name of Sergei Shoigu (sergei-shoigu)" in said, said
        assert "nothing added" in said
        assert app.screen.focused is app.screen.query_one("#dialog-input", Input)
        await pilot.press("down", "enter")  # the kind list stays out of reach: still refused
        await settle(pilot)
        assert isinstance(app.screen, NewActorDialog)
        await pilot.press("escape")
        await settle(pilot)
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
        assert isinstance(app.screen, SpellingDialog)
        await pilot.press(*"Шойгу", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SpellingDialog)
        said = verdict(app)
        assert "Шойгу is already a name of Sergei Shoigu (sergei-shoigu)" in said, said
        await pilot.press("enter")  # the same name again: refused again, never written
        await settle(pilot)
        assert isinstance(app.screen, SpellingDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert "added" not in status(app)
        assert not config.actors_path.exists()
        assert "Шойгу" not in desk.actor("north-korea").aliases
