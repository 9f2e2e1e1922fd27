"""A new user adds a feed from the reader, in a real terminal: a fresh HOME (the first run
writes the curated list), `i`, the URL typed, `enter`; the feed is written into that file
with its comments kept, fetched at once, and its articles are listed."""

from __future__ import annotations

import difflib
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import rss
from tests.httpserver import LocalServer
from tests.test_refresh import _items
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux
from tui.core.config.loader import load_config

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_i_adds_a_feed_from_a_fresh_home(tmp_path: Path, tmux: Tmux) -> None:
    home = tmp_path / "home"
    with LocalServer() as server:
        url = server.add("/courier.xml", body=rss(_items(server, "courier", 3),
                                                    title="Caspian Courier"))
        tmux.start(f"{user_env(home)} {sys.executable} -m tui", cwd=tmp_path)
        tmux.wait_for(lambda s: "press i to add one" in s)  # the first run's empty list
        written = home / ".config" / "newsdesk" / "feeds.toml"
        curated = written.read_text(encoding="utf-8")
        tmux.keys("i")
        tmux.wait_for(lambda s: "Add a feed" in s)
        tmux.run("send-keys", "-t", tmux.session, "-l", url)
        tmux.keys("Enter")
        screen = tmux.wait_for(lambda s: "courier story 2" in s and ": 3 new" in s, timeout=90)
        assert "courier story 0" in screen
        tmux.keys("q")
    text = written.read_text(encoding="utf-8")
    diff = list(difflib.ndiff(curated.splitlines(), text.splitlines()))
    assert not [line for line in diff if line.startswith("- ")]  # every line kept, comments too
    added = [line[2:] for line in diff if line.startswith("+ ")]
    assert added.count("") == 1  # one blank line between it and the feed before
    assert [line for line in added if line] == ["[[feed]]", "# no name: shown by the feed's own title (name = \"...\" "
                     "chooses one)", f'url = "{url}"']
    assert load_config(written).feeds[-1].url == url
