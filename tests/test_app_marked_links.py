"""With marks, `E`, `y` and `o` take the marked articles as dired's and mutt's commands take
the marked files: `E` exports them alone (its file name and heading say so), `y` copies their
links one a line, `o` opens each link and asks first above a few."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.test_app_support import SIZE, copy_demo, listed_ids, make_app, settle, status
from tui.app.screens.dialogs import ConfirmDialog
from tui.core.config.loader import load_config
from tui.core.desk import Desk


async def test_E_exports_only_the_marked_articles(demo_desk: Any, tmp_path: Path) -> None:
    desk, config = demo_desk
    target = tmp_path / "marked.json"
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = listed_ids(app)
        await pilot.press("m", "j", "m", "E")  # the first and the third
        await pilot.pause()
        field = app.screen.query_one("#dialog-input")
        assert field.value.endswith("-marked.md")
        about = str(app.screen.query_one(".dialog-about").render())
        assert about.startswith("2 articles: 2 marked articles of Unread")
        field.value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert "exported 2 articles" in status(app)
    urls = [record["url"] for record in json.loads(target.read_text(encoding="utf-8"))]
    assert urls == [desk.article(i).url for i in (shown[0], shown[2])]


async def test_y_copies_the_marked_links_one_a_line(demo_desk: Any) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = listed_ids(app)
        await pilot.press("m", "m", "m", "y")
        await pilot.pause()
        assert app.clipboard == "\n".join(desk.article(i).url for i in shown[:3])
        assert "3 links of the 3 marked articles sent to the terminal's clipboard" in status(app)


def _recording_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A graphical browser (a display is set) that records each link it is given; the demo's
    config names it."""
    record = tmp_path / "opened"
    script = tmp_path / "browse"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> {record}\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("DISPLAY", ":0")
    return copy_demo(tmp_path / "demo", f'browser = "{script} %u"'), record


async def _opened(record: Path, count: int, pilot: Any) -> list[str]:
    for _ in range(200):
        lines = record.read_text(encoding="utf-8").split() if record.exists() else []
        if len(lines) >= count:
            return lines
        await pilot.pause(0.05)
    return []


async def test_o_opens_each_marked_link_and_asks_above_five(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, record = _recording_browser(tmp_path, monkeypatch)
    config = load_config(path)
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            shown = listed_ids(app)
            await pilot.press("m", "m", "o")
            await settle(pilot)
            links = [desk.article(i).url for i in shown[:2]]
            assert sorted(await _opened(record, 2, pilot)) == sorted(links)
            assert "opened 2 links of the 2 marked articles" in status(app)
            record.unlink()
            await pilot.press("M", "M", "o")  # clear, then mark every row: more than five
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
            # y answers yes here: the question once said "(y copies them instead)"
            assert "y copies" not in app.screen.question
            assert "answer no, then press y" in app.screen.question
            await pilot.press("n")
            await pilot.pause()
            assert "no link opened" in status(app) and not record.exists()
