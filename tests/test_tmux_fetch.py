"""`newsdesk fetch` as a user runs it: the installed command, in a real terminal (tmux), from a
folder outside the checkout, with an empty HOME and no warm process.

A loopback site serves RSS 2.0, RSS 1.0 and Atom (read by the lxml fast path) and one broken
feed (feedparser's recovery); the first fetch stores them all, the second finds every feed
unchanged (304). One server then fails once and comes back unchanged: `newsdesk feeds` shows
the failure, then none. `newsdesk list` then shows the titles as the reader will.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import rss
from tests.httpserver import LocalServer
from tests.test_tmux_smoke import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
NEWSDESK = Path(sys.executable).parent / "newsdesk"

RDF = b"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="http://127.0.0.1/"><title>Kavkaz
 Digest</title><link>http://127.0.0.1/</link><description>d</description></channel>
<item rdf:about="http://127.0.0.1/rdf/1"><title>Tbilisi talks on transit fees</title>
<link>http://127.0.0.1/rdf/1</link><dc:date>2025-06-02T08:00:00Z</dc:date></item></rdf:RDF>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Gulf Ledger</title><id>tag:127.0.0.1,1</id>
<entry><title type="html">Tanker &lt;em&gt;seized&lt;/em&gt; near Hormuz</title>
<id>tag:127.0.0.1,2025:7</id><link href="http://127.0.0.1/atom/7"/>
<updated>2025-06-03T09:30:00Z</updated><summary>A tanker was held.</summary></entry></feed>"""
BROKEN = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Loose Wire</title>'
          b"<item><title>Unclosed &amp; recovered</title><guid>broken-1</guid>"
          b"<description>still read</item></channel>")


@pytest.mark.skipif(not NEWSDESK.exists(), reason=f"the newsdesk command is not at {NEWSDESK}")
def test_fetch_twice_in_a_real_terminal(server: LocalServer, tmp_path: Path, tmux: Tmux) -> None:
    items = [{"title": f"Grain corridor convoy {i} reaches Odesa", "guid": f"grain-{i}",
              "link": f"http://127.0.0.1/grain/{i}", "pubDate": "Mon, 02 Jun 2025 10:00:00 GMT",
              "description": "&lt;p&gt;Ships left the port.&lt;/p&gt;"} for i in range(3)]
    feeds = {"Black Sea Wire": rss(items), "Kavkaz Digest": RDF, "Gulf Ledger": ATOM,
             "Loose Wire": BROKEN}
    lines = ["[settings]", 'cache_dir = "cache"', "extract = false"]
    for n, (name, body) in enumerate(feeds.items()):
        url = server.add(f"/{n}.xml", body=body, etag=f'"e{n}"',
                         headers={"Content-Type": "application/xml"})
        lines += ["[[feed]]", f'name = "{name}"', f'url = "{url}"']
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    (work / "feeds.toml").write_text("\n".join(lines) + "\n")

    # cwd outside the checkout, a HOME with nothing in it, a shell that stays after each run
    tmux.run("new-session", "-d", "-s", tmux.session, "-x", "120", "-y", "40", "-c", str(work),
             f"env -i HOME={home} PATH=/usr/bin:/bin TERM=xterm-256color sh")
    tmux.keys(f"{NEWSDESK} fetch --config feeds.toml; echo done-1", "Enter")
    screen = tmux.wait_for(lambda s: "\ndone-1" in s, timeout=60)
    assert "4 feeds ok (0 unchanged)" in screen and ", 0 failed, 6 new articles" in screen, screen
    assert "Loose Wire: warning: broken XML at line 1: mismatched tag" in screen, screen

    tmux.keys(f"{NEWSDESK} fetch --config feeds.toml; echo done-2", "Enter")
    screen = tmux.wait_for(lambda s: "\ndone-2" in s, timeout=60)
    assert "4 feeds ok (4 unchanged) (1 with warnings), 0 failed, 0 new articles" in screen, \
        screen
    # unchanged, and still the broken XML it was last time: listed, as `feeds` lists it
    assert screen.count("Loose Wire: warning: broken XML at line 1: mismatched tag") == 2, screen

    # a feed's server fails once, then answers 304 again: the failure shows, then clears
    gulf = server.routes["/2.xml"]
    server.add("/2.xml", status=503, body=b"down for maintenance")
    tmux.keys("clear", "Enter")
    tmux.keys(f"{NEWSDESK} fetch --config feeds.toml; {NEWSDESK} feeds --config feeds.toml; "
              "echo done-f", "Enter")
    screen = tmux.wait_for(lambda s: "\ndone-f" in s, timeout=60)
    assert "3 feeds ok (3 unchanged) (1 with warnings), 1 failed" in screen, screen
    assert "FAILING x1" in screen, screen
    server.routes["/2.xml"] = gulf
    tmux.keys("clear", "Enter")
    tmux.keys(f"{NEWSDESK} fetch --config feeds.toml; {NEWSDESK} feeds --config feeds.toml; "
              "echo done-r", "Enter")
    screen = tmux.wait_for(lambda s: "\ndone-r" in s, timeout=60)
    assert "4 feeds ok (4 unchanged) (1 with warnings), 0 failed" in screen, screen
    assert "FAILING" not in screen, screen

    tmux.keys("clear", "Enter")
    tmux.keys(f"{NEWSDESK} list --config feeds.toml; echo done-3", "Enter")
    screen = tmux.wait_for(lambda s: "\ndone-3" in s, timeout=60)
    for title in ("Tanker seized near Hormuz", "Tbilisi talks on transit fees",
                  "Grain corridor convoy 2 reaches Odesa", "Unclosed & recovered"):
        assert title in screen, screen
    assert "Traceback" not in screen
