"""A network blip in a cron fetch, as a user meets it: the installed `newsdesk` in a real
terminal (tmux), an empty HOME. The fetch's pages answer 503; the summary says they will be
tried again; once the site is back, opening the article in the reader brings its page."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_tmux_hostile import NEWSDESK, PAGE, _start, pytestmark
from tests.test_tmux_smoke import Tmux

__all__ = ["pytestmark"]  # the skips, as test_tmux_hostile has them


def test_a_page_that_failed_in_a_fetch_comes_when_opened(server: LocalServer, tmp_path: Path,
                                                         term: Tmux) -> None:
    folder, home = tmp_path / "desk", tmp_path / "home"
    folder.mkdir()
    home.mkdir()
    items = []
    for i in range(2):
        server.add(f"/p{i}", status=503, body=b"busy")
        items.append({"title": f"Blip story {i}", "link": server.url(f"/p{i}"), "guid": f"b{i}",
                      "description": f"The feed's short text {i}."})
    config = write_config(folder, [("Wire", server.add("/w.xml", body=rss(items)))])

    _start(term, folder, home, f"{NEWSDESK} --config {config} fetch", "fetch")
    screen = term.wait_for(lambda s: "EXIT=" in s, timeout=120)
    assert "EXIT=0" in screen and "2 pages failed (2 will be tried again by later" in screen

    for i in range(2):  # the site is back
        server.add(f"/p{i}", body=PAGE, headers={"Content-Type": "text/html"})
    _start(term, folder, home, f"{NEWSDESK} --config {config}")
    term.wait_for(lambda s: "Blip story 1" in s and "Blip story 0" in s)
    term.keys("G", "Enter")  # Blip story 0: its page failed in the fetch, and comes now
    screen = term.wait_for(lambda s: "The article page itself" in s)
    assert "503" not in screen
