"""The `t` dialog reads tags as `newsdesk tag --add` does: `+priority` (the query form users
copy) is the tag `priority`, which `+priority` and `tag:priority` then find."""

from __future__ import annotations

from tests.test_app_keys import current
from tests.test_app_support import SIZE, make_app
from tui.app.screens.main import MainScreen


async def test_t_drops_the_query_plus(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        row = current(app)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"+priority,#watch")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        tags = desk.article(row.id).tags
        assert "priority" in tags and "watch" in tags and "+priority" not in tags
        assert row.id in desk.ids("+priority") and row.id in desk.ids("tag:watch")


async def test_the_existing_tags_line_fits_and_counts_the_rest(demo_desk) -> None:
    """At 80x24 the line of existing tags was cut mid-word with no sign of the rest: it shows
    whole tags in two rows at most, then "… N more"."""
    from rich.cells import cell_len

    from tui.app.screens.tags import AddTagsScreen, KnownTags

    desk, config = demo_desk
    tags = [tag for tag, _count in desk.all_tags()]
    assert len(tags) > 8
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, AddTagsScreen)
        known = app.screen.query_one(KnownTags)
        rows = str(known.render()).split("\n")
        assert 1 <= len(rows) <= 2 and known.size.height == len(rows)
        assert all(cell_len(row) <= known.size.width for row in rows)
        text = " ".join(rows)
        assert text.startswith("existing: ") and text.endswith(" more")
        shown = text.removeprefix("existing: ").rsplit(", … ", 1)[0].split(", ")
        assert shown == tags[:len(shown)] and len(shown) < len(tags)
        assert text.endswith(f"… {len(tags) - len(shown)} more")
