"""Issue 17's bar in a real terminal, as a user starts the app (tmux, empty HOME, a bare
environment, no warm process): the text's measure at 160 and 200 columns, the selected row
in sight after `G k k k k enter`, the body's rows at 80x24 and `q` back to the list, `u`
taking back `s` and `t`, and the new keys (1-5, B, l, c, E, V)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import quit_app, start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.visual import has_rtl, visual_lines

BORDERS = re.compile("[▏▕┃│]")


def drawn(text: str) -> str:
    """A paragraph as a terminal without bidi is sent it (Arabic in visual order, shaped)."""
    return visual_lines(text, 100_000)[0].text


def body_segments(screen: str, body: str) -> list[str]:
    """The pieces of screen lines (between pane borders) that are lines of `body` (an Arabic
    line, reversed, is a piece of its whole paragraph reversed)."""
    text = " ".join(body.split())
    reversed_text = "\n".join(drawn(" ".join(p.split())) for p in body.split("\n") if p.strip())
    out = []
    for line in screen.splitlines():
        for piece in BORDERS.split(line):
            piece = piece.strip()
            if len(piece) >= 12 and (piece in text or piece in reversed_text):
                out.append(piece)
    return out


def row_in_sight(screen: str, title: str, day: str) -> bool:
    """The list's row for an article (its date and title on one line) is on the screen; a
    compact list beside the reader dates an old article by month ("Jul'24")."""
    month = "JanFebMarAprMayJunJulAugSepOctNovDec"[3 * int(day[5:7]) - 3:][:3] + "'" + day[2:4]
    head = drawn(" ".join(title.split()[:2])) if has_rtl(title) else title[:10]
    return any((day in piece or month in piece) and head in piece
               for line in screen.splitlines() for piece in BORDERS.split(line))


def fifth_from_bottom(config: Path) -> tuple[int, str, str, str]:
    """(id, title, list date, body) of the article `G k k k k` selects in Unread."""
    with Desk.open(load_config(config)) as desk:
        rows = desk.articles("is:unread", limit=10_000)
        row = rows[-5]
        article = desk.article(row.id)
    return row.id, row.title, row.published.strftime("%Y-%m-%d"), article.body


@pytest.mark.parametrize("size", [(200, 50), (160, 48)], ids=["200x50", "160x48"])
def test_the_text_keeps_its_measure_beside_the_list(tmp_path: Path, tmux: Tmux,
                                                    size: tuple[int, int]) -> None:
    config = copy_demo(tmp_path / "demo")
    _, title, day, body = fifth_from_bottom(config)
    start(tmux, tmp_path, config, size)
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("G", "k", "k", "k", "k", "Enter")
    # tmux may capture a frame half drawn (the new layout's top rows over the old one's bottom
    # rows, the list not yet scrolled to its cursor): wait for the whole frame, row included
    screen = tmux.wait_for(lambda s: "Actors (" in s and len(body_segments(s, body)) > 3
                           and row_in_sight(s, title, day))
    width = max(len(piece) for piece in body_segments(screen, body))
    assert 70 <= width <= 82, screen  # a reading measure, about 80
    tmux.keys("q", "q")
    quit_app(tmux)


def test_at_80x24_the_reader_takes_the_screen_and_q_returns(tmp_path: Path,
                                                          tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    article_id, title, day, body = fifth_from_bottom(config)
    start(tmux, tmp_path, config, (80, 24))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("G", "k", "k", "k", "k", "Enter")
    screen = tmux.wait_for(lambda s: f"id {article_id}" in s)
    time.sleep(0.3)
    screen = tmux.screen()
    # the whole screen's height of text (the demo's fifth oldest, an Arabic report, has
    # short closing lines that body_segments does not count)
    assert len(body_segments(screen, body)) >= 10, screen
    assert not row_in_sight(screen, title, day)  # the list is not shown: the reader is
    assert status(screen).rstrip().endswith("? Help") or screen.splitlines()[-1].rstrip() \
        .endswith("? Help")
    tmux.keys("q")
    screen = tmux.wait_for(lambda s: f"id {article_id}" not in s and row_in_sight(s, title, day))
    assert "Related (" not in screen
    tmux.keys("q")
    quit_app(tmux)


def test_u_takes_back_s_and_t(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        first = desk.articles("is:unread", limit=1)[0]
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("Enter")  # the reader has the article; 3 gives it the focus: s and t act on it
    tmux.wait_for(lambda s: f"id {first.id}" in s)
    tmux.keys("3")
    tmux.keys("s")
    tmux.wait_for(lambda s: "saved ★" in status(s))
    tmux.keys("t")
    tmux.wait_for(lambda s: "Add tags" in s and f"#{first.id} " in s)  # it names its article
    tmux.keys("undo-me", "Enter")
    tmux.wait_for(lambda s: "tagged #undo-me" in status(s))
    with Desk.open(load_config(config)) as desk:
        assert desk.article(first.id).saved and "undo-me" in desk.article(first.id).tags
    tmux.keys("u")
    tmux.wait_for(lambda s: "undone: tagged #undo-me" in status(s))
    tmux.keys("u")
    tmux.wait_for(lambda s: "undone: saved" in status(s))
    with Desk.open(load_config(config)) as desk:
        article = desk.article(first.id)
        assert not article.saved and "undo-me" not in article.tags
    tmux.keys("q", "q")
    quit_app(tmux)


def test_pane_keys_side_panel_hide_read_clear_export_and_view(tmp_path: Path,
                                                              tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        iran = desk.count("(is:unread) (tag:iran)")
    start(tmux, tmp_path, config, (160, 48))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("5")  # straight to the related list: the reader opens, its title is marked
    tmux.wait_for(lambda s: "▶ Related (" in s)
    tmux.keys("B")
    tmux.wait_for(lambda s: "Related (" not in s and "side panel hidden" in status(s))
    tmux.keys("4")  # the actors: the side panel comes back
    tmux.wait_for(lambda s: "▶ Actors (" in s)
    tmux.keys("2", "l")
    screen = tmux.wait_for(lambda s: "read hidden" in status(s))
    # the article opened by 5 is read now, so l takes it out of the list: the reader keeps it
    # open beside the list (as newsboat's and Elfeed's article stays until it is left)
    assert "Related (" in screen
    tmux.keys("l", "f")
    tmux.wait_for(lambda s: "f filter" in s)
    tmux.keys(*"tag:iran", "Enter")
    tmux.wait_for(lambda s: f"f:tag:iran  1/{iran}" in status(s))
    tmux.keys("E")
    tmux.wait_for(lambda s: "Export the list" in s)
    tmux.keys("Enter")  # the default: ~/newsdesk-unread-iran.md in the (empty) HOME
    tmux.wait_for(lambda s: f"exported {iran} articles to ~/newsdesk-unread-iran.md" in status(s))
    assert (tmp_path / "home" / "newsdesk-unread-iran.md").read_text(encoding="utf-8") \
        .startswith("# newsdesk")
    tmux.keys("V")
    tmux.wait_for(lambda s: "Save as a view" in s)
    tmux.keys(*"Iran desk", "Enter")
    tmux.wait_for(lambda s: "saved the view 'Iran desk'" in status(s))
    tmux.keys("/")
    tmux.wait_for(lambda s: "/ search" in s)
    tmux.keys(*"treaty", "Enter")
    tmux.wait_for(lambda s: "/treaty" in status(s))
    tmux.keys("c")
    screen = tmux.wait_for(lambda s: "search and filter cleared" in status(s))
    assert "Related (" in screen  # still the article opened by 5, though no list has it
    # Each wait below looks for what only the key just sent makes, never for what the
    # screen already showed before it landed.
    tmux.keys("q")  # leaves the reader
    tmux.wait_for(lambda s: "Related (" not in s and "Iran desk" in status(s))
    tmux.keys("q")  # a view just made by V is a level down: back to where it was made,
    # with the article that was open then open again
    tmux.wait_for(lambda s: "back to Unread" in status(s) and "f:tag:iran" in status(s)
                  and "Related (" in s)
    tmux.keys("q")  # leaves that reader
    tmux.wait_for(lambda s: "Related (" not in s and "f:tag:iran" in status(s))
    tmux.keys("q")  # leaves the filter first (newsboat's q leaves a search)
    tmux.wait_for(lambda s: "search and filter cleared" in status(s))
    tmux.keys("q")  # the top: the app quits
    quit_app(tmux)
    assert load_config(config).views[-1].query == "is:unread tag:iran"
