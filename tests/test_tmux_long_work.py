"""Long work as a user meets it in a real terminal (tmux, the installed command, an empty
HOME): a refresh that one slow feed holds up says so until it ends, and an article too long to
lay out opens at once, cut, with the way to the whole text."""

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
PARAGRAPH = ("&lt;p&gt;The ministry's full annex on grain corridors, convoy schedules and "
             "port inspections, paragraph {n}, restating every clause once more.&lt;/p&gt;")


def _site(server: LocalServer) -> tuple[str, str]:
    huge = "".join(PARAGRAPH.format(n=n) for n in range(3_000))  # ~400k characters
    quick = server.add("/quick.xml", body=rss([
        {"title": "Annex in full", "guid": "q1", "pubDate": http_date(1_700_000_000),
         "description": huge},
        {"title": "Short note", "guid": "q2", "pubDate": http_date(1_700_003_600),
         "description": "A short note on the corridor talks."}]),
        headers={"Content-Type": "application/xml"})
    slow = server.add("/slow.xml", body=rss([{"title": "Dripped item", "guid": "s1",
                                              "pubDate": http_date(1_700_000_000)}]),
                      headers={"Content-Type": "application/xml"}, byte_delay=0.03)
    return quick, slow


def test_a_slow_feed_and_a_huge_article(server: LocalServer, tmp_path: Path,
                                        term: Tmux) -> None:
    quick, slow = _site(server)
    folder, home = tmp_path / "desk", tmp_path / "home"
    folder.mkdir()
    home.mkdir()
    config = write_config(folder, [{"name": "Quick", "url": quick, "extract": False},
                                   {"name": "Slow drip", "url": slow, "extract": False}])
    term.run("new-session", "-d", "-s", term.session, "-x", "160", "-y", "45",
             "-c", str(folder), f"env -i HOME={home} PATH=/usr/bin:/bin TZ=UTC "
             f"TERM=xterm-256color {NEWSDESK} --config {config}")
    term.wait_for(lambda s: "Slow drip" in s and "Quick" in s)  # the tree is drawn
    term.keys("R")
    screen = term.wait_for(lambda s: "waiting for Slow drip" in s, timeout=30)
    assert "refreshing" in screen
    term.wait_for(lambda s: "Annex in full" in s and "waiting for" not in s, timeout=60)

    term.keys("/")
    term.wait_for(lambda s: "Search" in s or "/" in s)
    term.keys("Annex", "Enter")
    term.wait_for(lambda s: "Short note" not in s and "Annex in full" in s)
    term.keys("Enter")
    screen = term.wait_for(lambda s: "paragraph 0," in s, timeout=20)  # opened, not frozen
    term.keys("Tab", "G")  # into the reader, to its end: the cut and how to get the rest
    screen = term.wait_for(lambda s: "newsdesk show" in s, timeout=20)
    assert "more characters, too long to lay out" in screen.replace("\n", " ").replace("  ", " ")
