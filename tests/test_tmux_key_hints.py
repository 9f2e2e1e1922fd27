"""In a real terminal, from a fresh HOME whose feeds.toml remaps keys: the empty list names
the user's keys (`I` to add a feed, `U` to fetch), and the key it names does what it says."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_the_empty_list_names_the_remapped_keys(tmp_path: Path, tmux: Tmux) -> None:
    home = tmp_path / "home"
    config = home / ".config" / "newsdesk" / "feeds.toml"
    config.parent.mkdir(parents=True)
    config.write_text('# my own keys\n[keys]\nadd_feed = "I"\nrefresh_all = "U"\n',
                      encoding="utf-8")
    tmux.start(f"{user_env(home)} {sys.executable} -m tui", cwd=tmp_path)
    screen = tmux.wait_for(lambda s: "No feeds yet" in s)
    assert "press I to add one" in screen and "press U to fetch them" in screen, screen
    assert "press i " not in screen and "press R " not in screen
    tmux.keys("I")
    tmux.wait_for(lambda s: "Add a feed" in s)
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Add a feed" not in s)
    tmux.keys("q")
