
"""Issue 14's key paths as a user meets them: the installed `newsdesk` command, run outside
the checkout in a real terminal (tmux, a private socket), with an empty HOME and no warm
process. Feeds come from a loopback server the test runs."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer, http_date
from tests.test_tmux_smoke import Tmux

NEWSDESK = Path(sys.executable).parent / "newsdesk"
pytestmark = [
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    pytest.mark.skipif(not NEWSDESK.exists(), reason="the newsdesk command is not installed"),
]
ECHO = "Эхо «Москвы»"
PAGE = ("<html><body><article><h1>Page</h1>" + "<p>The article page itself, long enough "
        "for the extractor to keep it as the body: the Kharijite Brigade spoke.</p>" * 6
        + "</article></body></html>").encode()
ACTORS = """[[actor]]
id = "bracketed-isis"
name = "[ISIS]"
kind = "org"
description = "An actor whose name looks like markup."
aliases = ["Kharijite Brigade"]
"""


def _start(tmux: Tmux, folder: Path, home: Path, command: str, name: str = "nd") -> None:
    tmux.session = name
    env = ("env -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u NEWSDESK_CONFIG -u COLUMNS -u LINES "
           f"HOME={home} TZ=UTC "
           "TERM=xterm-256color")
    tmux.run("new-session", "-d", "-s", name, "-x", "160", "-y", "45", "-c", str(folder),
             f"{env} sh -c '{command}; echo EXIT=$?; sleep 600'")


def _config(server: LocalServer, folder: Path) -> Path:
    items = []
    for i in range(3):
        server.add(f"/p{i}", body=PAGE, headers={"Content-Type": "text/html"})
        items.append({"title": f"Новость {i}", "link": server.url(f"/p{i}"), "guid": f"e{i}",
                      "pubDate": http_date(1_700_000_000 + 3600 * i),
                      "description": f"Kharijite Brigade statement number {i}."})
    echo = server.add("/echo.xml", body=rss(items), headers={"Content-Type": "application/xml"})
    broken = rss([{"title": "Still read", "guid": "w1"}]).replace(b"</channel>", b"<oops>")
    warned = server.add("/w.xml", body=broken, headers={"Content-Type": "application/xml"})
    (folder / "actors.toml").write_text(ACTORS, encoding="utf-8")
    return write_config(folder, [
        {"name": ECHO, "url": echo, "tags": ["Россия"]},
        {"name": "Warned", "url": warned, "extract": False},
        {"name": "Dead Feed", "url": "http://127.0.0.1:9/feed.xml"}],
        settings="max_pages_per_feed = 1")


def test_hostile_names_warnings_and_deferred_pages(server: LocalServer, tmp_path: Path,
                                                   term: Tmux) -> None:
    tmux = term
    folder, home = tmp_path / "desk", tmp_path / "home"
    folder.mkdir()
    home.mkdir()
    config = _config(server, folder)

    _start(tmux, folder, home, f"{NEWSDESK} --config {config} fetch", "fetch")
    screen = tmux.wait_for(lambda s: "EXIT=" in s, timeout=120)
    assert "EXIT=0" in screen and "Traceback" not in screen
    assert "(2 with warnings)" in screen and "1 failed" in screen
    assert "Warned: warning: broken XML at line 1: " in screen
    assert f"{ECHO}: warning: 2 article pages wait" in screen

    _start(tmux, folder, home, f"{NEWSDESK} --config {config}")
    screen = tmux.wait_for(lambda s: "Новость 2" in s and "Dead Feed" in s)  # tree counted
    assert "Dead Feed !" in screen and "Warned ~" in screen and f"{ECHO} ~" in screen

    tmux.keys("Tab")  # the view tree; its cursor is on Unread
    tmux.keys("j", "j", "j", "Enter")  # All, Unread, Saved, [Tags] Россия
    tmux.wait_for(lambda s: "Россия  1/3" in s)
    tmux.keys("Tab", "j", "j", "Enter")  # [Feeds] Эхо «Москвы»
    screen = tmux.wait_for(lambda s: f"{ECHO}  1/3" in s)
    assert "query error" not in screen

    tmux.keys("G", "Enter")  # the oldest: its page waited, and comes now
    tmux.wait_for(lambda s: "The article page itself" in s)

    tmux.keys("t")
    tmux.wait_for(lambda s: "Add tags" in s)
    tmux.keys("россия", "Enter")
    tmux.wait_for(lambda s: "already tagged" in s)

    tmux.keys("Tab", "Tab")  # the reader, then its actors: [ISIS] first
    tmux.wait_for(lambda s: "[ISIS]" in s)
    tmux.keys("a")
    screen = tmux.wait_for(lambda s: "Alias for [ISIS]" in s)
    tmux.keys("Escape")  # alone: ESC then a key at once reads as alt+key
    tmux.wait_for(lambda s: "Alias for" not in s)

    tmux.keys("e")
    screen = tmux.wait_for(lambda s: "1 failing, 2 with warnings" in s)
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "with warnings)" not in s)
    # the side list, the reader, the feed chosen in the tree (back to the view it came
    # from), the list: each q closes one, then quits
    for _ in range(8):
        tmux.keys("q")
        if "EXIT=" in tmux.wait_for(lambda s: True):
            break
    screen = tmux.wait_for(lambda s: "EXIT=" in s)
    assert "EXIT=0" in screen and "Traceback" not in screen


def test_cli_errors_on_a_terminal(server: LocalServer, tmp_path: Path, term: Tmux) -> None:
    tmux = term
    folder, home = tmp_path / "desk", tmp_path / "home"
    folder.mkdir()
    home.mkdir()
    config = _config(server, folder)
    lines = [f"{NEWSDESK} --config {config} fetch --no-extract >/dev/null",
             # the first Новость by id: feeds are fetched concurrently, so ids vary by run
             f"{NEWSDESK} --config {config} read $({NEWSDESK} --config {config} list "
             f"title:Новость --limit 9 | sort -n | head -1 | cut -c1-6)",
             f"{NEWSDESK} --config {config} list -is:read --limit 9",
             f"{NEWSDESK} --config {config} show 9223372036854775808",
             f"{NEWSDESK} --config {config} export is:read -o {folder}",
             f"{NEWSDESK} --config {config} rename-tag россия \"\"",
             f"{NEWSDESK} --config {config} list feed:\\\"{ECHO}\\\" tag:РОССИЯ"]
    script = folder / "probe.sh"
    script.write_text("\n".join(f"{line}; echo RC=$?" for line in lines) + "\n",
                      encoding="utf-8")
    _start(tmux, folder, home, f"sh {script}")
    screen = tmux.wait_for(lambda s: "EXIT=" in s, timeout=120)
    codes = [line for line in screen.splitlines() if line.startswith("RC=")]
    assert codes == ["RC=0", "RC=0", "RC=0", "RC=2", "RC=2", "RC=2", "RC=0"], screen
    said = [line for line in screen.splitlines() if line.startswith("newsdesk: ")]
    assert said[0] == "newsdesk: 1 article marked read", screen  # read by id says what it did
    assert len(said[1:]) == 3 and "Traceback" not in screen, screen  # the three errors
    assert screen.count("Новость") == 2 + 3  # list -is:read (2 left), then the Эхо feed's 3
