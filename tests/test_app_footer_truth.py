"""The footer names what each of its keys does where the user is, at 80, 100 and 120
columns: at 80 it said "q Quit" while the reader was open, where `q` closes the reader; on
the help screen and in dialogs it named the main screen's keys (`q Quit` under the help box,
where `q` closes it), and in the search bar keys that are letters there. Each state's `q` is
pressed and its effect checked against the word the footer gave it."""

from __future__ import annotations

import pytest

from tests.test_app_support import main, make_app, settle
from tui.app.screens.help import HelpScreen
from tui.app.screens.main import MainScreen
from tui.app.screens.tags import AddTagsScreen
from tui.app.widgets.modal_keys import ModalKeys
from tui.app.widgets.status import KeyFooter


def footer(app: object) -> str:
    """The bottom line as drawn: a dialog's own keys, else the main screen's footer."""
    screen = app.screen  # type: ignore[attr-defined]
    lines = screen.query(ModalKeys)
    under = next(s for s in app.screen_stack if isinstance(s, MainScreen))  # type: ignore[attr-defined]
    widget = lines.first() if lines else under.query_one(KeyFooter)
    return str(widget.render())


def q_word(line: str) -> str:
    """The title the footer gives `q` ("" when q is not shown)."""
    at = line.find("q ")
    if at != 0 and line[at - 1: at] != " ":
        return ""
    return line[at + 2:].split("  ")[0].split(" ")[0] if at >= 0 else ""


@pytest.mark.parametrize("width", [80, 100, 120])
async def test_each_state_footer_names_what_its_keys_do(demo_desk, width: int) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        screen = main(app)
        assert q_word(footer(app)) == "Quit" and "? Help" in footer(app)

        await pilot.press("enter")  # the reader opens: q closes it
        await settle(pilot)
        line = footer(app)
        assert q_word(line) == "Close", line
        assert "Quit" not in line

        await pilot.press("3")  # the reader's text: enter only opens the same article again,
        await settle(pilot)  # so it gives its place to triage (space is on the status line)
        line = footer(app)
        assert "⏎" not in line and "s Save" in line and q_word(line) == "Close", line
        await pilot.press("q")
        await settle(pilot)
        assert not screen.reader.is_open
        assert q_word(footer(app)) == "Quit"

        await pilot.press("slash")  # the search bar: every key but enter and esc is a letter
        await settle(pilot)
        line = footer(app)
        assert line.split() == ["⏎", "Search", "esc", "Cancel"], line
        await pilot.press(*"gaza", "enter")
        await settle(pilot)
        line = footer(app)
        assert q_word(line) == "Clear", line
        await pilot.press("q")
        await settle(pilot)
        assert screen.search_text == "" and app.is_running
        assert q_word(footer(app)) == "Quit"

        await pilot.press("1")  # the tree: q goes to the list
        await settle(pilot)
        assert q_word(footer(app)) == "To", footer(app)  # "To list"
        await pilot.press("q")
        await settle(pilot)
        assert screen.focused is screen.articles and app.is_running

        await pilot.press("question_mark")  # help: its own keys, q closes it
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        line = footer(app)
        assert q_word(line) == "Close" and "/ Find" in line and "Quit" not in line, line
        await pilot.press("slash")  # the find line takes letters: q is one there
        await settle(pilot)
        assert footer(app).split() == ["⏎", "Done", "esc", "All", "commands"], footer(app)
        await pilot.press("escape")
        await settle(pilot)
        assert q_word(footer(app)) == "Close", footer(app)
        await pilot.press("q")
        await settle(pilot)
        assert main(app) is screen

        await pilot.press("t")  # a dialog: enter and esc, no q (it is a letter there)
        await settle(pilot)
        assert isinstance(app.screen, AddTagsScreen)
        line = footer(app)
        assert "⏎ Add" in line and "esc Cancel" in line and q_word(line) == "", line
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("ctrl+p")  # the palette: what runs and what closes it
        await settle(pilot)
        assert footer(app).split() == ["⏎", "Run", "esc", "Close"], footer(app)
        await pilot.press("escape")
        await settle(pilot)
        assert q_word(footer(app)) == "Quit"
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running
