"""A state body named by description in a real terminal, as a new user meets it: an empty HOME,
a fresh interpreter in tmux, a loopback feed of our own. The reader's actor panel lists
"Interior Ministry of Jordan" for "Jordan's interior ministry", and the filter finds it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from email.utils import formatdate
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer, Route
from tests.test_tmux_actors import flat, page
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TITLE = "Jordan's interior ministry closes a border crossing"
TEXT = "The crossing will stay shut for a week, the interior ministry said on Friday."
OTHER = "Harvest festival opens in a quiet valley"


def test_a_body_in_the_actor_panel_and_the_filter(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    with LocalServer() as server:
        items = []
        for i, (title, text) in enumerate(((TITLE, TEXT), (OTHER, "Farmers showed apples."))):
            link = server.add(f"/s{i}.html", Route(body=page(title, text), headers={
                "Content-Type": "text/html; charset=utf-8"}))
            items.append({"title": title, "link": link, "guid": link, "description": text,
                          "pubDate": formatdate(time.time() - 3600 * (i + 1), usegmt=True)})
        url = server.add("/feed.xml", Route(body=rss(items), headers={
            "Content-Type": "application/rss+xml; charset=utf-8"}))
        config = write_config(tmp_path / "site", [("Wire", url)])
        done = subprocess.run([sys.executable, "-m", "tui", "--config", str(config), "fetch"],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    term = Tmux()
    try:
        term.start(f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config}",
                   cwd=tmp_path)
        term.wait_for(lambda s: TITLE in s and OTHER in s)
        term.keys("f")
        term.wait_for(lambda s: "filter" in s.lower())
        term.keys("actor:jordan-interior-ministry", "Enter")
        term.wait_for(lambda s: TITLE in s and OTHER not in s)
        term.keys("Enter")  # the one article left: its actor panel names the ministry
        screen = term.wait_for(lambda s: "Actors (" in s and "InteriorMinistryofJordan" in flat(s))
        assert "InteriorMinistryofJordanorg" in flat(screen), screen
        term.keys("q", "q", "q")
    finally:
        term.kill()
