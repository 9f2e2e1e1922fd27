"""`newsdesk fetch` with page extraction as a user runs it: the installed command, in a real
terminal (tmux), from a folder outside the checkout, with an empty HOME and no warm process.

Pages come through the per-origin connection pools (ingest/origins.py) and are extracted by
workers that load trafilatura while the feed downloads (trafilatura_setup.py); `newsdesk show`
then prints a body taken from the page, without the page's share bar and cross-links.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import rss
from tests.httpserver import LocalServer
from tests.test_tmux_fetch import NEWSDESK
from tests.test_tmux_smoke import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

PARAS = ("Port officials in Aqaba said on Sunday that grain ships would be inspected within "
         "two days, not ten, under a new agreement with the shipping firms.",
         "Traders welcomed the change but warned that insurance costs would stay high while "
         "the strait remained contested by armed boats.")


def _page(n: int) -> bytes:
    body = "".join(f"<p>{p} (page {n})</p>" for p in PARAS)
    return (f"<html><head><title>Aqaba inspections {n}</title></head><body>"
            f'<nav><a href="/">Home</a> <a href="/world">World</a></nav><article>'
            f"<h1>Aqaba inspections {n}</h1>"
            f'<div class="share-buttons"><a href="/s">Share this story with your friends '
            f"and family today</a></div>{body}"
            f'<p class="read-more">Read more: <a href="/p/{n + 1}">Another headline that '
            f"links away</a></p></article><footer>All rights kept</footer></body></html>"
            ).encode()


@pytest.mark.skipif(not NEWSDESK.exists(), reason=f"the newsdesk command is not at {NEWSDESK}")
def test_fetch_with_pages_in_a_real_terminal(server: LocalServer, tmp_path: Path,
                                             tmux: Tmux) -> None:
    items = []
    for n in range(4):
        link = server.add(f"/p/{n}", body=_page(n), headers={"Content-Type": "text/html"})
        items.append({"title": f"Aqaba inspections {n}", "guid": f"aqaba-{n}", "link": link,
                      "pubDate": "Mon, 02 Jun 2025 10:00:00 GMT", "description": "Short."})
    url = server.add("/feed.xml", body=rss(items), headers={"Content-Type": "application/xml"})
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    (work / "feeds.toml").write_text("\n".join([
        "[settings]", 'cache_dir = "cache"', "[[feed]]", 'name = "Red Sea Wire"',
        f'url = "{url}"']) + "\n")

    tmux.run("new-session", "-d", "-s", tmux.session, "-x", "120", "-y", "40", "-c", str(work),
             f"env -i HOME={home} PATH=/usr/bin:/bin TERM=xterm-256color sh")
    tmux.keys(f"{NEWSDESK} fetch --config feeds.toml; echo done-1", "Enter")
    screen = tmux.wait_for(lambda s: "\ndone-1" in s, timeout=90)
    assert "1 feed ok" in screen and "4 new articles" in screen, screen
    assert "4 pages extracted" in screen, screen

    tmux.keys("clear", "Enter")
    tmux.keys(f"{NEWSDESK} show 1 --config feeds.toml; echo done-2", "Enter")
    screen = tmux.wait_for(lambda s: "\ndone-2" in s, timeout=60)
    assert "Port officials in Aqaba said on Sunday" in screen, screen
    assert "Traders welcomed the change" in screen, screen
    assert "Share this story" not in screen and "Read more" not in screen, screen
    assert "Traceback" not in screen
