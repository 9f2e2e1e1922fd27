"""The side panel's titles say one thing each: "Actors (6)  key 4", the pane key worded as a
key, never a bare digit that reads as a second count; whole at 80, 120 and 200 columns."""

from __future__ import annotations

import re

import pytest

from tests.test_app_support import make_app, open_side, settle


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
async def test_titles_word_the_pane_key(demo_desk, size: tuple[int, int]) -> None:
    desk, config = demo_desk
    target = next(i for i in desk.ids() if desk.actors_of(i) and desk.related(i))
    app = make_app(desk, config)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        side = await open_side(pilot, app, target)
        if not side.display:
            await pilot.press("B")
            await settle(pilot)
        await pilot.press("3")  # the text pane: neither side list has the focus
        await settle(pilot)
        for which, pattern in (("#actors-title", r"Actors \(\d+\)  key 4"),
                               ("#related-title", r"Related \((\d+ \+ )?\d+( maybe)?\)  key 5")):
            label = side.query_one(which)
            text = str(label.render())
            assert re.fullmatch(pattern, text), (size, text)
            assert label.size.width >= len(text), (size, text, label.size.width)
