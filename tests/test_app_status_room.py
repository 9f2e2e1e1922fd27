"""At 80 columns a message always shows on the status line: the view's label (a story's
dateline, an actor's timeline) yields, cut with an ellipsis, and the position stays."""

from __future__ import annotations

from tests.test_app_support import main, make_app, settle


def on_screen(app) -> str:
    """The status line as drawn (its one row), not the text given to it."""
    widget = main(app).status_line
    return "".join(segment.text for segment in widget.render_line(0))


async def test_a_long_story_label_makes_room_for_the_message(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tree = main(app).view_tree
        story = max((n for n in tree._tree_nodes.values()
                     if n.data is not None and n.data.kind == "story"),
                    key=lambda n: len(n.data.label))
        tree.select_node(story)
        await settle(pilot)
        assert main(app).view.kind == "story"
        await pilot.press("s")
        await pilot.pause()
        line = on_screen(app)
        assert "saved ★" in line, line
        assert line.startswith("Story: ") and "…" in line, line
        total = len(main(app).articles.pager)
        assert f"  1/{total}  " in line, line
        assert line.rstrip().endswith("(u undoes)"), line
