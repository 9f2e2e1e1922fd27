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
