"""In a real terminal: the article shows `[n]` after the words its links are on and the list at
its end; `O` and esc open nothing; `O`, a number and Enter open that link in the browser (a console one here, a script
that prints and records its link), and the reader is drawn again when it exits."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_body_links import CITING, SECOND, page
from tests.test_tmux_browser import fake_browser
from tests.test_tmux_first_use import user_env
from tests.test_tmux_smoke import Tmux
from tui.core.config.loader import load_config
from tui.core.desk import Desk

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

KREMLIN = "http://en.kremlin.ru/events/president/transcripts/1"


def test_o_and_a_number_open_a_link_the_text_cites(tmp_path: Path, term: Tmux) -> None:
    script, record = fake_browser(tmp_path, "lynx", waits=True)
    with LocalServer() as server:
        link = server.add("/world/talks.html", body=page(CITING, SECOND),
                          headers={"Content-Type": "text/html; charset=utf-8"})
        feed = server.add("/feed.xml", body=rss([{"title": "Talks in Tehran", "link": link,
                                                  "guid": link, "description": "Talks."}]))
        config = write_config(tmp_path, [("Wire", feed)], settings=f'browser = "{script} %u"')
        with Desk.open(load_config(config)) as desk:
            desk.refresh()
    term.start(f"{user_env(tmp_path / 'home')} {sys.executable} -m tui --config {config}",
               cwd=tmp_path)
    term.wait_for(lambda s: "Talks in Tehran" in s)
    term.keys("Enter")
    term.wait_for(lambda s: "1[1] and the Kremlin" in s and "kremlin.ru[2]" in s)
    term.keys("G")  # the list at the end of the text
    term.wait_for(lambda s: f"[2] {KREMLIN}" in s and "Links (O and the number" in s)
    term.keys("O")
    term.wait_for(lambda s: "The link's number (1-3)" in s)
    term.keys("Escape")  # nothing opened: asked again
    term.wait_for(lambda s: "The link's number" not in s and "Links (O and the number" in s)
    term.keys("O")
    term.wait_for(lambda s: "The link's number (1-3)" in s)
    term.keys("2", "Enter")
    screen = term.wait_for(lambda s: "FAKE-BROWSER" in s)
    assert f"FAKE-BROWSER {KREMLIN}" in screen
    term.keys("Enter")  # leave the browser
    term.wait_for(lambda s: "back from the browser" in s and "Talks in Tehran" in s)
    assert record.read_text(encoding="utf-8").split() == [KREMLIN]
