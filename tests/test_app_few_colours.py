"""Actor kinds stay apart without 256 colours: with TERM=xterm an analyst saw people and
organisations both in bold colour 37, and with NO_COLOR=1 every actor in bold. Textual reads
both from the environment as the app starts (NO_COLOR, and TERM/COLORTERM through Rich's
colour system), so these tests set them before the app is made."""

from __future__ import annotations

import pytest
from rich.color import ColorSystem
from rich.style import Style

from tests.test_app_support import SIZE, main, make_app, settle
from tui.app.widgets.reader import Reader
from tui.app.widgets.side_panel import STYLE_KEYS


def _looks(style: Style, colours: ColorSystem | None) -> tuple[object, ...]:
    """What a terminal of `colours` shows of `style` (None: no colour at all)."""
    colour = style.color.downgrade(colours).number if colours and style.color else None
    return colour, bool(style.bold), bool(style.italic), bool(style.underline)


async def _styles(demo_desk) -> tuple[str | None, bool, dict[str, Style]]:  # type: ignore[no-untyped-def]
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = main(app).query_one(Reader)
        styles = {kind: reader.style_of(kind) for kind in STYLE_KEYS}
        return app.console.color_system, app.no_color, styles  # type: ignore[return-value]


@pytest.mark.parametrize("env", [{"TERM": "xterm"}, {"TERM": "xterm-256color", "NO_COLOR": "1"},
                                 {"TERM": "xterm", "NO_COLOR": "1"}])
async def test_each_kind_has_its_own_look(demo_desk, monkeypatch: pytest.MonkeyPatch,
                                          env: dict[str, str]) -> None:
    monkeypatch.delenv("COLORTERM", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    system, no_color, styles = await _styles(demo_desk)
    assert no_color == ("NO_COLOR" in env)
    colours = None if no_color else ColorSystem.STANDARD
    assert system == ("standard" if env["TERM"] == "xterm" else "256")
    looks = {kind: _looks(style, colours) for kind, style in styles.items()}
    assert len(set(looks.values())) == len(STYLE_KEYS), looks
    shapes = {kind: look[1:] for kind, look in looks.items()}  # bold, italic, underline
    assert len(set(shapes.values())) == len(STYLE_KEYS), shapes  # apart without colour too


async def test_truecolour_keeps_the_themes_tints(demo_desk) -> None:
    """Where the theme's colours show, they alone tell the kinds apart, as before."""
    system, _no_color, styles = await _styles(demo_desk)
    assert system == "truecolor"
    assert len({style.color for style in styles.values() if style.color}) >= 4
    assert styles["state"].underline is not True and styles["org"].underline is not True
