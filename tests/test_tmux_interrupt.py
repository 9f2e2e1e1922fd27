"""Ctrl-C during `newsdesk fetch` in a real terminal (tmux): the terminal signals the whole
foreground process group, pool workers included. The user sees one line that says what is
left, never a worker's traceback, and the next fetch does what was left."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import rss
from tests.httpserver import LocalServer
from tests.test_refresh import _items
from tests.test_tmux_fetch import NEWSDESK
from tests.test_tmux_smoke import Tmux

pytestmark = [pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
              pytest.mark.skipif(not NEWSDESK.exists(),
                                 reason=f"the newsdesk command is not at {NEWSDESK}")]


def test_ctrl_c_during_fetch_is_one_line(server: LocalServer, tmp_path: Path,
                                         tmux: Tmux) -> None:
    items = _items(server, "slow", 3)
    pages = {path: route for path, route in server.routes.items() if path.startswith("/slow/")}
    for path, route in pages.items():  # pages that hang: the fetch is busy when Ctrl-C comes
        server.add(path, body=route.body, headers=route.headers, delay=60)
    url = server.add("/feed.xml", body=rss(items), headers={"Content-Type": "application/xml"})
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    (work / "feeds.toml").write_text(
        f'[settings]\ncache_dir = "cache"\nread_timeout = 60\n'
        f'[[feed]]\nname = "Slow Wire"\nurl = "{url}"\n')
    tmux.run("new-session", "-d", "-s", tmux.session, "-x", "120", "-y", "40", "-c", str(work),
             f"env -i HOME={home} PATH=/usr/bin:/bin TERM=xterm-256color sh")

    tmux.keys(f"{NEWSDESK} fetch --config feeds.toml; echo done-$?", "Enter")
    tmux.wait_for(lambda s: "feeds" in s and "1/1" in s, timeout=60)  # workers are up
    time.sleep(0.5)
    tmux.keys("C-c")
    screen = tmux.wait_for(lambda s: "\ndone-" in s, timeout=30)
    assert "done-130" in screen, screen
    assert "Traceback" not in screen and "KeyboardInterrupt" not in screen, screen
    said = [line for line in screen.splitlines() if "interrupted" in line]
    assert said == ["interrupted: what was fetched is stored; the next fetch gets the rest "
                    "(feeds, pages, actors and links)"], screen

    for path, route in pages.items():  # the pages answer now: the next fetch gets them
        server.routes[path] = route
    tmux.keys("clear", "Enter")
    tmux.keys(f"{NEWSDESK} fetch --config feeds.toml; echo done-2", "Enter")
    screen = tmux.wait_for(lambda s: "\ndone-2" in s, timeout=60)
    assert "1 feed ok (0 unchanged), 0 failed, 0 new articles, 3 pages extracted" in screen, \
        screen


def test_a_failing_feed_is_said_once_on_a_terminal(server: LocalServer, tmp_path: Path,
                                                   tmux: Tmux) -> None:
    """Live (red, as it happens) and then again under the summary: 64 lines for 32 feeds
    offline. On a terminal it is said once; into a file or a pipe the summary lists it."""
    good = server.add("/good.xml", body=rss([{"title": "Convoy reaches Odesa", "guid": "g1",
                                              "pubDate": "Mon, 05 Aug 2024 10:00:00 +0000"}]))
    down = server.add("/down.xml", status=503, body=b"maintenance")
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    (work / "feeds.toml").write_text(
        f'[settings]\ncache_dir = "cache"\nextract = false\n[[feed]]\nname = "Good Wire"\n'
        f'url = "{good}"\n[[feed]]\nname = "Down Wire"\nurl = "{down}"\n')
    tmux.run("new-session", "-d", "-s", tmux.session, "-x", "120", "-y", "40", "-c", str(work),
             f"env -i HOME={home} PATH=/usr/bin:/bin TERM=xterm-256color sh")
    tmux.keys(f"{NEWSDESK} fetch --config feeds.toml; echo done-1", "Enter")
    screen = tmux.wait_for(lambda s: "\ndone-1" in s, timeout=60)
    assert "1 feed ok (0 unchanged), 1 failed, 1 new article, 0 pages extracted" in screen, screen
    assert screen.count("Down Wire: the server answered 503") == 1, screen
    tmux.keys(f"{NEWSDESK} fetch --config feeds.toml > out.txt; echo done-2", "Enter")
    tmux.wait_for(lambda s: "\ndone-2" in s, timeout=60)
    assert "  Down Wire: the server answered 503" in (work / "out.txt").read_text()
