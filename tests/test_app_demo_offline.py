"""The demo's folder opened as a plain config after the demo quit: its site is served only
while `newsdesk demo` runs, so `R` and `e` say how to start it, as `newsdesk fetch` does
(tests/test_cli_batches.py), not just that every feed failed."""

from __future__ import annotations

import re
import socket
from pathlib import Path

from tests import test_app_support as support
from tests.test_app_support import make_app, settle, status, until
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def offline_demo(tmp_path: Path) -> Path:
    """A copy of the demo's folder whose port nobody serves (the demo has quit)."""
    path = support.copy_demo(tmp_path / "demo")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    text = re.sub(r"http://127\.0\.0\.1:\d+/", f"http://127.0.0.1:{port}/",
                  path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    return path


async def test_R_and_e_say_the_demo_must_be_running(tmp_path: Path) -> None:
    from tui.app.screens.feeds import FeedsScreen

    path = offline_demo(tmp_path)
    config = load_config(path)
    with support.utc_clock(), Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=(160, 40)) as pilot:  # room for the whole line
            await settle(pilot)
            await pilot.press("R")
            await until(pilot, lambda: "refreshed all feeds" in status(app), 60)
            line = status(app)
            assert "all 9 failed: the demo site is served only while `newsdesk demo` runs" \
                in line, line
            assert "e says how to start it" in line, line
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, FeedsScreen)
            detail = str(app.screen.query_one("#feeds-error").render())
            assert "could not connect" in detail
            assert "served only while the demo runs" in detail, detail
            assert f"`newsdesk demo --dir {path.parent}` opens it" in detail, detail


async def test_own_loopback_feeds_down_are_not_called_the_demo(tmp_path: Path) -> None:
    """Feeds of one's own on 127.0.0.1 (a local bridge, a test site) laid out as the demo's
    (`/outlet/feed.xml`) that refuse: `R` and `e` say they failed, never that "the demo
    site" is down, nor offer `newsdesk demo --dir` on the user's own config folder."""
    from tests.conftest import write_config
    from tui.app.screens.feeds import FeedsScreen

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    path = write_config(tmp_path, [("Levant Post", f"http://127.0.0.1:{port}/levant/feed.xml"),
                                   ("Gulf Times", f"http://127.0.0.1:{port}/gulf/feed.xml")])
    config = load_config(path)
    with support.utc_clock(), Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=(160, 40)) as pilot:
            await settle(pilot)
            await pilot.press("R")
            await until(pilot, lambda: "refreshed all feeds" in status(app), 60)
            line = status(app)
            assert "2 failed (e lists them)" in line and "demo" not in line, line
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, FeedsScreen)
            detail = str(app.screen.query_one("#feeds-error").render())
            assert "could not connect" in detail, detail
            assert "demo" not in detail, detail
