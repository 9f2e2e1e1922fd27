"""The side panel never cuts or wraps an actor's count, as the tree does not: a long name is
cut instead ("Masoud Pezeshkian person ·" with its "1" on the next line at 160x45 before)."""

from __future__ import annotations

import re

import pytest

from tests.test_app_context import open_article
from tests.test_app_support import make_app, settle, until


@pytest.mark.parametrize("size", [(160, 45), (200, 50), (120, 40)])
async def test_every_actor_count_shows_whole(demo_desk, size: tuple[int, int]) -> None:
    desk, config = demo_desk
    article_id = desk.ids('"Pezeshkian" "Putin" treaty')[0]
    app = make_app(desk, config)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await open_article(pilot, article_id)
        await settle(pilot)
        side = app.screen.reader.side
        await until(pilot, lambda: side.actor_list.option_count > 3)
        widget = side.actor_list
        room = widget.scrollable_content_region.width
        assert room > 0
        for index in range(widget.option_count):
            prompt = widget.get_option_at_index(index).prompt
            assert re.search(r"(person|org|state|media|not listed) · \d+( · like .*)?$",
                             str(prompt)), str(prompt)
            assert prompt.cell_len <= room, (str(prompt), room)
        lines = widget.render_lines(widget.region.reset_offset)  # one line per actor
        shown = ["".join(seg.text for seg in line).rstrip() for line in lines]
        for index in range(min(widget.option_count, len(shown))):
            assert re.search(r" · \d+( · like .*)?$", shown[index]), shown
