"""`t`, the start of a tag, tab, enter in a real terminal: tab takes the completion shown, as
a shell and Elfeed's tag prompt do (it moved the focus, and `dos` became a tag of its own)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_tab_completes_a_tag(tmp_path: Path, tmux: Tmux) -> None:
    items = [
        {"title": title, "guid": guid, "pubDate": f"Mon, 05 Aug 2024 1{i}:00:00 GMT"}
        for i, (title, guid) in enumerate(
            (("Houthis strike a tanker", "h1"), ("Ankara talks on power lines", "a1"))
        )
    ]
    with LocalServer() as server:
        config = write_config(
            tmp_path,
            [
                {
                    "name": "Wire",
                    "url": server.add("/wire/feed.xml", body=rss(items)),
                    "extract": False,
                }
            ],
        )
        run = [sys.executable, "-m", "tui", "--config", str(config)]
        assert subprocess.run([*run, "fetch"], capture_output=True, timeout=120).returncode == 0
    ids = subprocess.run([*run, "list", "--json"], capture_output=True, text=True, timeout=60)
    older = str(json.loads(ids.stdout.splitlines()[1])["id"])  # the list opens on the newer
    tagged = subprocess.run(
        [*run, "tag", older, "--add", "dossier"], capture_output=True, timeout=60
    )
    assert tagged.returncode == 0
    tmux.start(f"{user_env(tmp_path / 'home')} {' '.join(run)}", cwd=tmp_path)
    tmux.wait_for(lambda s: "Ankara talks on power lines" in s)
    tmux.keys("t")
    tmux.wait_for(lambda s: "Add tags" in s)
    tmux.keys("dos")
    tmux.wait_for(lambda s: "dossier" in s.split("Add tags")[1].split("existing")[0])
    tmux.keys("Tab")
    tmux.keys("Enter")
    screen = tmux.wait_for(lambda s: "tagged #" in s)
    assert "tagged #dossier on" in screen, screen
    tmux.keys("q")
    listed = subprocess.run([*run, "list", "+dossier"], capture_output=True, text=True, timeout=60)
    assert len(listed.stdout.splitlines()) == 2, listed.stdout
    tags = subprocess.run([*run, "tags"], capture_output=True, text=True, timeout=60).stdout
    assert "dos\n" not in tags, tags
