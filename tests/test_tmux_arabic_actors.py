"""A name written with Arabic vowel marks in a real terminal, as a new user meets it (an empty
HOME, a fresh interpreter in tmux, a loopback feed of our own): the actor panel counts every
spelling as Ismail Haniyeh and lists nobody "not listed" cut at a mark."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tests.test_app_arabic_actors import BODY, TITLE
from tests.test_tmux_actors import fetch_site, flat
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

HEADLINE = "Hamas political chief killed in Tehran"


def test_the_panel_counts_marked_spellings_as_the_listed_actor(tmp_path: Path) -> None:
    with LocalServer() as server:
        config = fetch_site(server, tmp_path / "site", [(HEADLINE, f"{TITLE}. {BODY}")])
    term = Tmux()
    try:
        term.start(f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config}",
                   cwd=tmp_path)
        term.wait_for(lambda s: HEADLINE in s)
        term.keys("Enter")
        screen = term.wait_for(lambda s: "Actors (" in s and "IsmailHaniyeh" in flat(s))
        assert "IsmailHaniyehperson·4" in flat(screen), screen
        assert "notlisted" not in flat(screen), screen
        term.keys("q", "q", "q")
    finally:
        term.kill()
