"""The reader on a read-only cache (a backup, a read-only mount), in a real terminal: it says
so once, articles open (left unread) and search works, and keys that would change the cache
say why they cannot; before, `enter` opened nothing ("attempt to write a readonly database").
The mount is made in a user namespace of the app's own (`unshare`), as in
test_cli_read_only, so the test needs no root and skips where unshare is not allowed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import newsdesk
from tests.test_cli_read_only import _can_unshare
from tests.test_tmux_fetch import NEWSDESK
from tests.test_tmux_smoke import Tmux

pytestmark = [pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
              pytest.mark.skipif(not NEWSDESK.exists(),
                                 reason=f"the newsdesk command is not at {NEWSDESK}"),
              pytest.mark.skipif(not _can_unshare(), reason="unshare -rm is not allowed here")]


def test_the_reader_on_a_read_only_cache(server: LocalServer, tmp_path: Path,
                                         tmux: Tmux) -> None:
    items = [{"title": f"Convoy report {i}", "guid": f"g{i}",
              "pubDate": f"Mon, 05 Aug 2024 1{i}:00:00 +0000",
              "description": f"Convoy text number {i} about the Odesa corridor."}
             for i in range(3)]
    url = server.add("/a.xml", body=rss(items))
    config = write_config(tmp_path, [{"name": "Wire", "url": url, "extract": False}])
    assert newsdesk("--config", str(config), "fetch").returncode == 0
    home = tmp_path / "home"
    home.mkdir()
    tmux.run("new-session", "-d", "-s", tmux.session, "-x", "120", "-y", "40",
             "-c", str(tmp_path), f"env -i HOME={home} PATH=/usr/bin:/bin TZ=UTC "
             "TERM=xterm-256color sh")
    tmux.keys("unshare -rm sh -c 'mount --bind cache cache && mount -o remount,ro,bind cache "
              f"&& exec {NEWSDESK} --config {config}'; echo done-$?", "Enter")
    tmux.wait_for(lambda s: "read-only cache: reading and searching work" in s)
    tmux.keys("Enter")  # the newest opens, and stays unread
    screen = tmux.wait_for(lambda s: "Convoy text number 2" in s)
    assert "readonly" not in screen and "storage error" not in screen
    tmux.keys("s")
    tmux.wait_for(lambda s: "not done: the cache is read-only (reading and searching work)" in s)
    tmux.keys("R")
    tmux.wait_for(lambda s: "not refreshed: the cache is read-only" in s)
    tmux.keys("q", "/")
    tmux.keys("number 1", "Enter")
    screen = tmux.wait_for(lambda s: "Convoy report 1" in s and "Convoy report 0" not in s)
    tmux.keys("q", "q", "q")
    screen = tmux.wait_for(lambda s: re.search(r"done-\d", s) is not None, timeout=20)
    assert "done-0" in screen, screen
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [
        "newsdesk.sqlite3", "refresh.lock"]
