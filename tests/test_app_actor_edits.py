"""Pilot tests for what the status line and the actor dialogs say about gazetteer edits: a
refused name leaves nothing behind once its message fades (an "added" line stood for good), a
taken name is refused in the dialog itself, and `-` lists what it would take back. Against a
real demo cache."""

from __future__ import annotations

from typing import Any

from tests.test_app_support import SIZE, key_on_timeline, main, make_app, settle, status
from tui.app.screens.dialogs import TextDialog


def faded(app: Any) -> str:
    """The status line once the last message has faded (what its timer does)."""
    main(app).status_line.clear_message()
    return status(app)


async def test_a_refused_alias_fades_to_nothing(demo_desk) -> None:
    """`a` Putin on Shoigu: refused, and once the refusal fades the line is blank, never
    "alias 'Putin' added to Sergei Shoigu" (the job's standing line outlived it)."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await key_on_timeline(pilot, app, "a", ("sergei-shoigu", "Sergei Shoigu"))
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"Putin", "enter")
        await settle(pilot)
        if isinstance(app.screen, TextDialog):  # refused in the dialog: leave it
            await pilot.press("escape")
            await settle(pilot)
        said = faded(app)
        assert "added" not in said and "Putin" not in said, said
        assert not config.actors_path.exists()
