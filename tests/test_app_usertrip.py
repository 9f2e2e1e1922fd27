"""Pilot tests for what a new user hit in the reader: `o` with a browser that is not
installed, the selection across an undo, `q`/Esc/Backspace going back from a timeline, the
Ctrl-C hint, and query errors readable in full."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests import test_app_support as support
from tests.test_app_support import SIZE, main, make_app, status
from tui.app.widgets.article_list import ArticleList
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def current(app: Any) -> Any:
    return app.screen.query_one(ArticleList).current


def toasts(app: Any) -> list[str]:
    return [str(n.message) + " " + n.title for n in app._notifications]


async def test_browser_not_installed_is_named_before_anything_runs(tmp_path: Path,
                                                                    monkeypatch: Any) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # w3m is nowhere on it
    config = load_config(support.copy_demo(tmp_path / "demo", 'browser = "w3m %u"'))
    with support.utc_clock(), Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("o")
            await pilot.pause()
            assert "browser 'w3m' not found (y copies the link)" in status(app)
            assert any("'w3m' is not installed" in t and str(config.path) in t
                       for t in toasts(app))
            await pilot.press("j")
            assert main(app).articles.cursor == 1  # still answering keys
