"""Pilot tests for the "… N more" row that ends the Stories and Actors groups of the view
tree: it was a dead end (enter, space and right did nothing), so the actors after the first
fifty could not be reached from the tree. Enter (or space, right) lists the rest in place."""

from __future__ import annotations

from typing import Any

from tests.test_app_support import SIZE, main, make_app, settle, status
from tui.app.views import TREE_CAP, top_actors


def group(app: Any, title: str) -> Any:
    tree = main(app).view_tree
    return next(n for n in tree.root.children if str(n.label).startswith(title))


async def cursor_to_more(pilot: Any, title: str) -> Any:
    """The tree focused, `title`'s group unfolded, the cursor on its last row."""
    app = pilot.app
    await settle(pilot)
    await pilot.press("1")
    tree = main(app).view_tree
    node = group(app, title)
    node.expand()
    await pilot.pause()
    tree.move_cursor(node.children[-1], animate=False)
    await pilot.pause()
    return tree


async def test_enter_on_more_lists_every_actor_in_place(demo_desk) -> None:
    desk, config = demo_desk
    ranked, _days = top_actors(desk, 10_000)
    assert len(ranked) > TREE_CAP  # the demo has more actors than the tree shows
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        tree = await cursor_to_more(pilot, "Actors")
        more = tree.cursor_node
        assert str(more.label).startswith(f"… {len(ranked) - TREE_CAP} more")
        assert str(more.label).endswith("more (enter)")
        await pilot.press("enter")
        await settle(pilot)
        actors = group(app, "Actors")
        assert len(actors.children) == len(ranked)
        assert all(child.data.kind == "actor" for child in actors.children)
        landed = tree.cursor_node
        assert landed is actors.children[TREE_CAP]  # the first row the enter brought
        await pilot.press("enter")
        await settle(pilot)
        assert main(app).view.kind == "actor" and main(app).view.ref == landed.data.ref
        assert "Actor timeline" in status(app)
        tree.recount()  # a later recount (a refresh, triage) keeps the group whole
        await settle(pilot)
        assert len(group(app, "Actors").children) == len(ranked)


async def test_space_and_right_on_more_show_the_rest_too(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await cursor_to_more(pilot, "Actors")
        await pilot.press("space")
        await settle(pilot)
        actors = group(app, "Actors")
        assert actors.children[-1].data.kind == "actor"
        assert len(actors.children) > TREE_CAP
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await cursor_to_more(pilot, "Actors")
        await pilot.press("right")
        await settle(pilot)
        assert group(app, "Actors").children[-1].data.kind == "actor"
