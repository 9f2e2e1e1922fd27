# ruff: noqa: RUF002  (Russian and Persian text is the point here)
"""Search typed as a Russian reader types it, in a real terminal: the demo in tmux with an
empty HOME; `/партнерстве` (е) lists the reports that write партнёрстве."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_slash_finds_a_word_written_with_yo_typed_with_ye(tmp_path: Path) -> None:
    from tests.test_app_support import copy_demo
    from tui.demo.site import load_site

    site = load_site()
    written = [a.title for a in site.articles
               if "партнёрстве" in a.title or any("партнёрстве" in p for p in a.paragraphs)]
    assert len(written) >= 2
    config = copy_demo(tmp_path / "demo")
    term = Tmux()
    try:
        term.start(f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config}",
                   cwd=tmp_path)
        term.wait_for(lambda s: "Северный вестник" in s)
        term.keys("/")
        term.wait_for(lambda s: "search" in s.lower())
        term.keys("партнерстве", "Enter")
        screen = term.wait_for(lambda s: "/партнерстве" in s and f"1/{len(written)}" in s)
        assert all(title[:20] in screen for title in written)
        assert "No articles match" not in screen
        term.keys("q", "q", "q")
    finally:
        term.kill()
