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

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

MEETING = "Ministers meet in Doha"
TEXT = "والتقى الوزيران في الدوحة وناقشا الوضع في سوريا ولبنان."
OTHER = "Harvest festival opens in a quiet valley"


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
        term.keys("لبنان", "Enter")
        screen = term.wait_for(lambda s: MEETING in s and OTHER not in s)
        assert "No articles match" not in screen
        term.keys("q", "q", "q")
    finally:
        term.kill()


def test_the_demo_searched_in_arabic_script_opens_right_to_left(tmp_path: Path) -> None:
    """The demo as a new user tries it: `/هنية` lists the Arabic report and the two Persian
    articles that spell Haniyeh هنیه; the Arabic one opens with its paragraphs right-aligned
    and the English reports of the same killing in its related pane."""
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
        term.wait_for(lambda s: "بريد المشرق" in s and "پیک البرز" in s)
        term.keys("/")
        term.wait_for(lambda s: "search" in s.lower())
        term.keys("هنية", "Enter")
        screen = term.wait_for(lambda s: "/هنية" in s and "1/3" in s)
        assert arabic.title[:30] in screen and persian[0][:30] in screen
        assert not any(title[:30] in screen for title in english)  # not matched: Latin script
        term.keys("G", "Enter")  # the oldest of the three: the Arabic report
        last = arabic.paragraphs[0].split()[-1]
        screen = term.wait_for(lambda s: last in s and english[0][:20] in s)
        line = next(row for row in screen.splitlines() if last in row)
        text = line.split("▏")[1]  # the reader's column, between its border and the side panel
        assert text.startswith(" " * 10) and text.rstrip().endswith(last)
        term.keys("q", "q", "q")
    finally:
        term.kill()
