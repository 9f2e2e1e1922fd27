"""Pilot tests for the command palette: newsdesk's commands, in the help screen's order, then
the theme picker; none of Textual's other system commands (its "Keys" panel was a second,
different key help beside `?`)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_app_support import SIZE, make_app


async def palette_prompts(pilot: Any, typed: str = "") -> list[str]:
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    app = pilot.app
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    if typed:
        await pilot.press(*typed)
    options = app.screen.query_one(OptionList)
    seen: list[int] = []
    for _ in range(100):  # the palette gathers asynchronously, in batches every 0.25 s
        await pilot.pause(0.05)
        seen.append(options.option_count)
        if seen[-1] and seen[-8:] == [seen[-1]] * 8:
            break
    return [str(options.get_option_at_index(i).prompt).splitlines()[0]
            for i in range(options.option_count)]


async def test_palette_lists_newsdesk_commands_then_theme_only(demo_desk) -> None:
    from tui.app.commands import SCREEN_COMMANDS

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        prompts = await palette_prompts(pilot)
        titles = [p.rsplit(" (", 1)[0] for p in prompts]
        assert titles == [c.title for c in SCREEN_COMMANDS] + ["Theme"], prompts
        assert prompts[0] == "Down (j down)"
        for textual_own in ("Keys", "Quit", "Screenshot", "Maximize", "Minimize"):
            assert textual_own not in titles


async def test_theme_from_the_palette_opens_the_theme_picker(demo_desk) -> None:
    from textual.command import CommandPalette

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        prompts = await palette_prompts(pilot, "theme")
        assert prompts and prompts[0].startswith("Theme"), prompts
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)  # now listing the themes
        themes = await palette_prompts_now(pilot)
        assert "textual-light" in themes, themes


async def palette_prompts_now(pilot: Any) -> list[str]:
    from textual.widgets import OptionList

    options = pilot.app.screen.query_one(OptionList)
    for _ in range(60):
        await pilot.pause(0.05)
        if options.option_count > 3:
            break
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_palette_leaves_the_status_line_and_footer_in_sight(demo_desk, size) -> None:
    """At 80x24 the palette's list ran down over the status line (a refresh's progress, the
    last message): it ends above it now, at any height, and is as tall as Textual makes it
    (70% of the screen) where that leaves room."""
    from textual.command import CommandList

    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=size) as pilot:
        prompts = await palette_prompts(pilot)
        commands = app.screen.query_one(CommandList)
        status = app.screen_stack[-2].query_one("#status")
        assert commands.region.bottom <= status.region.y, (commands.region, status.region)
        assert commands.region.height >= min(int(size[1] * 0.7), status.region.y - 7)
        assert len(prompts) > commands.region.height  # a list to scroll: it was cut, not short
