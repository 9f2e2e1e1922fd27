"""The related panel shows how strong each link is, as `newsdesk related` words it: the
article's story first, then a quiet divider and the weak links ("maybe") dimmed, so a 0.04
long shot three days off does not read like the 0.95 report of the same strike."""

from __future__ import annotations

from typing import Any

from tests.test_app_support import SIZE, make_app, open_side, settle
from tui.app.widgets.side_panel import WEAKER
from tui.core.related_items import is_weak, strength


def mixed(desk: Any) -> int:
    """An article whose related list has story members and weak links both."""
    return next(i for i in desk.ids()
                if (items := desk.related(i)) and any(r.in_story for r in items)
                and any(is_weak(r) for r in items))


async def test_weak_links_come_after_a_divider_dimmed_and_worded(demo_desk) -> None:
    desk, config = demo_desk
    target = mixed(desk)
    items = desk.related(target)
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        side = await open_side(pilot, app, target)
        widget = side.related_list
        options = [widget.get_option_at_index(i) for i in range(widget.option_count)]
        ids = [o.id for o in options]
        divider = ids.index(None)
        strong = [r for r in items if not is_weak(r)]
        assert str(options[divider].prompt) == WEAKER and options[divider].disabled
        assert ids[:divider] == [str(r.id) for r in strong]  # the story's first
        assert ids[divider + 1:] == [str(r.id) for r in items if is_weak(r)]
        for option, item in zip([o for o in options if o.id], items, strict=True):
            prompt = getattr(option.prompt, "text", option.prompt)  # an Arabic title's too
            assert strength(item) in prompt.plain.splitlines()[1]
            title_style = str(prompt.spans[0].style) if prompt.spans else ""
            assert ("dim" in title_style) == is_weak(item), (item, title_style)
        weak = len(items) - len(strong)
        title = str(side.query_one("#related-title").render())
        assert f"Related ({len(strong)} + {weak} maybe)" in title
        await pilot.press("5")  # the related pane: the cursor passes over the divider
        await settle(pilot)
        for _ in range(len(strong)):
            await pilot.press("j")
        await settle(pilot)
        assert widget.highlighted is not None
        assert widget.get_option_at_index(widget.highlighted).id == str(items[len(strong)].id)
