"""Arabic search in a real terminal, as a new user meets it: an empty HOME, a fresh interpreter
in tmux, a loopback feed of our own. `/لبنان` finds the article that says "ولبنان"."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tests.test_tmux_actors import fetch_site
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux
from tui.core.visual import visual_lines

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

MEETING = "Ministers meet in Doha"
TEXT = "والتقى الوزيران في الدوحة وناقشا الوضع في سوريا ولبنان."
OTHER = "Harvest festival opens in a quiet valley"


def drawn(text: str) -> str:
    """Right-to-left text as a terminal without bidi must be sent it: visual order, shaped."""
    return visual_lines(text, 1000, rtl=True)[0].text.strip()


def words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


def test_slash_finds_an_arabic_word_with_an_attached_prefix(tmp_path: Path) -> None:
    with LocalServer() as server:
        config = fetch_site(server, tmp_path / "site",
                            [(MEETING, TEXT), (OTHER, "Farmers showed apples.")])
    term = Tmux()
    try:
        term.start(f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config}",
                   cwd=tmp_path)
        term.wait_for(lambda s: MEETING in s and OTHER in s)
        term.keys("/")
        term.wait_for(lambda s: "search" in s.lower())
        term.keys("لبنان")
        term.wait_for(lambda s: drawn("لبنان") in s)  # the bar draws it as it reads
        term.keys("Enter")
        screen = term.wait_for(lambda s: MEETING in s and OTHER not in s)
        assert "No articles match" not in screen
        term.keys("q", "q", "q")
    finally:
        term.kill()


def test_the_demo_searched_in_arabic_script_opens_right_to_left(tmp_path: Path) -> None:
    """The demo as a new user tries it: `/هنية` lists the Arabic report and the two Persian
    articles that spell Haniyeh هنیه; the Arabic one opens with its paragraphs right-aligned,
    in visual order and shaped (tmux does no bidi), and the English reports of the same
    killing in its related pane."""
    from tests.test_app_support import copy_demo
    from tui.demo.site import load_site

    site = load_site()
    arabic = next(a for a in site.articles if a.slug == "ightiyal-haniyeh-fi-tehran")
    persian = [a.title for a in site.articles if a.lang == "fa" and "هنیه" in a.title]
    english = [a.title for a in site.events()[arabic.event] if a.lang == "en"]
    config = copy_demo(tmp_path / "demo")
    term = Tmux()
    try:
        term.start(f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config}",
                   cwd=tmp_path)
        term.wait_for(lambda s: drawn("بريد المشرق") in s and drawn("پیک البرز") in s)
        term.keys("/")
        term.wait_for(lambda s: "search" in s.lower())
        term.keys("هنية", "Enter")
        screen = term.wait_for(lambda s: "/" + drawn("هنية") in s and "1/3" in s)  # as drawn
        assert drawn(words(arabic.title, 3)) in screen and drawn(words(persian[0], 3)) in screen
        assert not any(title[:30] in screen for title in english)  # not matched: Latin script
        term.keys("G", "Enter")  # the oldest of the three: the Arabic report
        first, last = (drawn(word) for word in arabic.paragraphs[0].split()[::len(
            arabic.paragraphs[0].split()) - 1])
        screen = term.wait_for(lambda s: first in s and english[0][:20] in s)
        opening = next(row for row in screen.splitlines() if first in row)
        text = opening.split("▏")[1]  # the reader's column, between its border and the side panel
        assert text.rstrip().endswith(first)  # the paragraph's first word at the right edge
        closing = next(row for row in screen.splitlines() if last in row).split("▏")[1]
        assert closing.startswith(" " * 10) and closing.strip().startswith(last)
        assert arabic.paragraphs[0].split()[0] not in screen  # nothing left in logical order
        term.keys("q", "q", "q")
    finally:
        term.kill()
