"""The `?` screen and the footer at 80x24, where users over ssh read them: the footer keeps
the first-hour keys (quit, open, search, the palette that finds every other command, help)
in short titles, and the help screen is two columns of grouped keys a couple of screens
long, paged with the keys every pager has (j/k, space/b, g/G, q/esc)."""

from __future__ import annotations

from rich.console import Console

from tests.test_app_support import main, make_app, settle
from tui.app.commands import COMMANDS
from tui.app.screens.help import HelpScreen
from tui.app.screens.help_table import GROUPS, help_table
from tui.app.widgets.status import KeyFooter


def drawn(renderable: object, width: int) -> list[str]:
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(renderable)
    return console.export_text().splitlines()


def test_every_command_is_in_one_group() -> None:
    names = [name for _, members in GROUPS for name in members]
    assert sorted(names) == sorted(command.name for command in COMMANDS)


def test_narrow_help_is_two_columns_of_keys_and_wide_help_has_the_prose() -> None:
    narrow = drawn(help_table({}, 68), 68)
    assert len(narrow) <= 45, len(narrow)  # it was 144 lines at 80 columns
    assert max(len(line.rstrip()) for line in narrow) <= 68
    assert any("Moving" in line and "Triage" in line for line in narrow)  # side by side
    text = "\n".join(narrow)
    assert all(command.title in text for command in COMMANDS)
    wide = "\n".join(drawn(help_table({}, 106), 106))
    assert "Hide read articles in every list" in wide and "toggle_hide_read" in wide


def test_help_at_100_to_110_columns_fills_the_box_in_three_columns() -> None:
    """At 100-110 columns the box (86-95 inside) held two narrow columns 39 lines long and
    half its width empty: three now fit, a screen of at most 24 lines, none cut."""
    for room in (86, 90, 95):
        lines = drawn(help_table({}, room), room)
        assert len(lines) <= 24, (room, len(lines))
        assert max(len(line.rstrip()) for line in lines) <= room
        assert sum(heading in lines[0] for heading in ("Moving", "Panes", "Triage")) == 3
        text = "\n".join(lines)
        assert "…" not in text and all(command.title in text for command in COMMANDS)
    narrow = drawn(help_table({}, 68), 68)  # 80x24: still two columns, shorter than 39
    assert len(narrow) <= 33 and max(len(line.rstrip()) for line in narrow) <= 68
    assert "…" not in "\n".join(narrow)


def test_footer_at_80_columns_keeps_the_palette_search_and_help() -> None:
    footer = KeyFooter(COMMANDS, {})
    line = footer.line(80).plain
    assert len(line) == 80 and line.startswith("q Quit ⏎ Open n Next unread")
    for item in ("/ Search", "^p Palette", "1 Feeds", "R Refresh"):
        assert item in line, line
    assert line.rstrip().endswith("? Help")
    wide = footer.line(120).plain
    assert (
        wide.startswith("q Close/quit")
        and "R Refresh all" in wide
        and "1 Feeds & views" in wide
        and "^p Palette" in wide
    )
    tiny = footer.line(40).plain
    assert "? Help" in tiny and "q Quit" in tiny and "^p Palette" in tiny


async def test_help_at_80x24_pages_with_pager_keys(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = str(main(app).query_one(KeyFooter).render())
        assert "^p Palette" in footer and footer.rstrip().endswith("? Help")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one("#help-box")
        total = box.virtual_size.height
        assert total <= 45, total
        assert str(box.border_subtitle).startswith("lines 1-")
        await pilot.press("G")
        await pilot.pause()
        assert "more above" in str(box.border_subtitle)
        assert str(box.border_subtitle).split(" · ")[0].endswith(f" of {total}")
        await pilot.press("g")
        await pilot.pause()
        assert str(box.border_subtitle).startswith("lines 1-")
        await pilot.press("space")
        await pilot.pause()
        assert not str(box.border_subtitle).startswith("lines 1-")
        await pilot.press("b")
        await pilot.pause()
        assert str(box.border_subtitle).startswith("lines 1-")
        await pilot.press("j", "k", "escape")
        await pilot.pause()
        main(app)  # esc closed it
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        main(app)
