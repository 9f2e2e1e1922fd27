"""A newsboat user's first steps in a real terminal: the first run's empty list names the
import of their urls file; once imported (in place of the curated list), `R` fetches their
feed, shown by its own title, with its tags and no comment words as tags."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import rss
from tests.httpserver import LocalServer
from tests.test_firstrun import fresh_user
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_a_newsboat_user_imports_and_reads_their_feed(tmp_path: Path) -> None:
    item = {"title": "Tanker seized off Fujairah", "guid": "g1",
            "pubDate": "Fri, 04 Dec 2026 07:00:00 GMT", "description": "Text."}
    home = tmp_path / "home"
    with LocalServer() as server:
        url = server.add("/gulf.xml", body=rss([item], title="Gulf Brief"),
                         headers={"Content-Type": "text/xml"})
        (home / ".newsboat").mkdir(parents=True)
        (home / ".newsboat" / "urls").write_text(f"{url} gulf   # the morning brief\n",
                                                 encoding="utf-8")
        term = Tmux()
        try:
            term.start(f"{user_env(home)} {sys.executable} -m tui", cwd=tmp_path)
            # the first run's line on stderr comes before the app draws its empty list
            term.wait_for(lambda s: "import-newsboat" in s and "No articles yet" in s)
            term.keys("q")
            term.wait_for(lambda s: not term.alive() or "$" in s, timeout=20)
            term.kill()

            env = {**fresh_user(tmp_path), "HOME": str(home)}
            imported = subprocess.run([sys.executable, "-m", "tui", "import-newsboat"],
                                      env=env, cwd=tmp_path, capture_output=True, text=True,
                                      timeout=60)
            assert "in place of the curated list" in imported.stdout, imported.stderr
            written = home / ".config" / "newsdesk" / "feeds.toml"
            feeds = tomllib.loads(written.read_text(encoding="utf-8"))["feed"]
            assert [(f.get("name"), f["tags"]) for f in feeds] == [(None, ["gulf"])]

            term = Tmux()
            term.start(f"{user_env(home)} {sys.executable} -m tui", cwd=tmp_path)
            term.wait_for(lambda s: "R Refresh" in s)
            term.keys("R")
            term.wait_for(lambda s: item["title"] in s and "refreshed all feeds" in s, 90)
            term.keys("1")  # the tree, at any width
            # the tree's feed row, not only the list's outlet: the host went with the title
            screen = term.wait_for(lambda s: "Gulf Brief 1/1" in s and url.split("/")[2] not in s)
            assert "gulf" in screen and "morning" not in screen  # no comment words as tags
            term.keys("q", "q", "q")
        finally:
            term.kill()
