"""The reader's feed dialog (`e`) says a feed added and never fetched is not fetched yet, as
`newsdesk feeds` does, rather than "no error at the last refresh"."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_config
from tests.test_app_support import SIZE, make_app
from tui.core.config.loader import load_config
from tui.core.desk import Desk


async def test_the_feeds_dialog_says_not_fetched_yet(tmp_path: Path) -> None:
    from tui.app.screens.feeds import FeedsScreen

    config = load_config(write_config(tmp_path, [("Never Fetched", "http://127.0.0.1:9/n.xml")]))
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, FeedsScreen)
            shown = str(app.screen.query_one("#feeds-error").render())
            assert "Never Fetched" in shown and "not fetched yet" in shown, shown
            assert "no error" not in shown
