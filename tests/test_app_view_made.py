"""A view saved with `V`: its query as the user would type it (flat, each term once, even
when saved from inside another view), and a level down from where it was made, as a saved
view chosen in the tree is: `q` goes back there, and after a restart back to the start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.test_app_support import SIZE, copy_demo, main, make_app, settle, status
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.query.joined import joined


async def _save(pilot: Any, filter_query: str, name: str) -> None:
    await pilot.press("f", *filter_query, "enter")
    await settle(pilot)
    await pilot.press("V")
    await pilot.pause()
    await pilot.press(*name, "enter")
    await settle(pilot)


async def test_V_inside_a_view_saves_one_flat_query(tmp_path: Path) -> None:
    path = copy_demo(tmp_path / "demo")
    config = load_config(path)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert main(app).view.kind == "unread"
            await _save(pilot, "actor:putin", "Putin")
            await _save(pilot, "tag:iran", "Putin Iran")
            assert "saved the view 'Putin Iran' (is:unread actor:putin tag:iran)" in status(app)
            assert main(app).view.query == "is:unread actor:putin tag:iran"
            await _save(pilot, "actor:putin", "Putin again")  # the view's own term: once
            assert main(app).view.query == "is:unread actor:putin tag:iran"
    queries = {view.name: view.query for view in load_config(path).views}
    assert queries["Putin"] == "is:unread actor:putin"
    assert queries["Putin Iran"] == "is:unread actor:putin tag:iran"


def test_joined_keeps_what_needs_parentheses_and_means_the_same() -> None:
    assert (
        joined("((is:unread) (actor:putin))", "actor:lavrov")
        == "is:unread actor:putin actor:lavrov"
    )
    assert joined("is:unread", "iran OR israel") == "is:unread (iran OR israel)"
    assert joined("", "iran OR israel") == "iran OR israel"
    assert joined("is:unread", "-(iran OR israel) x AND y") == "is:unread -(iran OR israel) x y"
    assert (
        joined("is:unread", 'NOT (a b) feed:"Эхо «Москвы»"')
        == 'is:unread NOT (a b) feed:"Эхо «Москвы»"'
    )
    assert joined("is:unread", "x", "x") == "is:unread x"
    assert joined("is:unread", "(unclosed") == "(is:unread) ((unclosed)"  # said when used


async def test_q_from_a_view_just_made_goes_back_to_where_it_was_made(tmp_path: Path) -> None:
    path = copy_demo(tmp_path / "demo")
    config = load_config(path)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await _save(pilot, "actor:putin", "Putin")
            screen = main(app)
            assert screen.view.label == "Putin" and not screen.filter_query
            await pilot.press("q")
            await settle(pilot)
            assert app.is_running and main(app).view.kind == "unread"
            assert main(app).filter_query == "actor:putin"  # the list it was made from
            assert "back to Unread" in status(app)


async def test_a_view_made_by_V_is_a_level_down_after_a_restart_too(tmp_path: Path) -> None:
    path = copy_demo(tmp_path / "demo")
    config = load_config(path)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await _save(pilot, "actor:putin", "Putin")
            app.exit()  # ctrl+q in the view just made
        assert desk.reader_place()["view"]["label"] == "Putin"
        config = load_config(path)
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert main(app).view.label == "Putin"  # back after the restart, a level down
            await pilot.press("q")
            await settle(pilot)
            assert app.is_running and main(app).view.kind == "unread"
