"""Snapshot tests of the main screens (pytest-textual-snapshot).

Dates in the demo are fixed and the clock is pinned to UTC; nothing on these screens is
relative to "now". Regenerate after a deliberate UI change with
`python -m pytest tests/test_snapshots.py --snapshot-update`, and look at the SVGs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import test_app_support as support
from tests.test_app_support import make_app, settle


def _no_blink(app: Any) -> None:
    from textual.widgets import Input

    for widget in app.screen.query(Input):
        widget.cursor_blink = False


def test_main_80x24(demo_desk, snap_compare) -> None:
    desk, config = demo_desk
    assert snap_compare(make_app(desk, config), terminal_size=(80, 24), run_before=settle)


def test_main_160x48(demo_desk, snap_compare) -> None:
    desk, config = demo_desk
    assert snap_compare(make_app(desk, config), terminal_size=(160, 48), run_before=settle)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 48), (200, 50)],
                         ids=lambda size: f"{size[0]}x{size[1]}")
def test_reader_open(demo_desk, snap_compare, size: tuple[int, int]) -> None:
    """The reader open after `G k k k k enter` at each size: the text keeps its measure
    (side by side at 160 and 200, under the list at 120, the whole screen at 80) and the
    selected row stays in sight wherever the list is shown."""
    if support.demo_master().server.port != support.DEMO_PORT:
        pytest.skip("the fixed demo port was busy; URLs in the reader would differ")
    desk, config = demo_desk

    async def open_fifth_from_bottom(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("G", "k", "k", "k", "k", "enter")
        await pilot.pause(0.8)  # past the debounce of the tree's recount
        await settle(pilot)

    assert snap_compare(make_app(desk, config), terminal_size=size,
                        run_before=open_fifth_from_bottom)


def test_tag_dialog(demo_desk, snap_compare) -> None:
    desk, config = demo_desk

    async def tag(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("t")
        await pilot.pause()
        _no_blink(pilot.app)
        await pilot.press(*"watch ru")
        await pilot.pause()

    assert snap_compare(make_app(desk, config), terminal_size=(80, 24), run_before=tag)


@pytest.mark.parametrize("size", [(110, 40), (80, 24)], ids=["110x40", "80x24"])
def test_help_screen(demo_desk, snap_compare, size: tuple[int, int]) -> None:
    """At 80x24 (a terminal over ssh): the keys in two columns of groups, the border saying how
    many lines there are and how to page."""
    desk, config = demo_desk
    # The screen names the config file in use: one fixed path, not this test's temporary one.
    config = config.replace(path=Path("/home/reader/.config/newsdesk/feeds.toml"))

    async def help_(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(desk, config), terminal_size=size, run_before=help_)


def test_new_actor_dialog(demo_desk, snap_compare) -> None:
    desk, config = demo_desk

    async def new_actor(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("plus")
        await pilot.pause()
        _no_blink(pilot.app)
        await pilot.press(*"Ashgabat", "enter", "down")
        await pilot.pause()

    assert snap_compare(make_app(desk, config), terminal_size=(80, 24), run_before=new_actor)
