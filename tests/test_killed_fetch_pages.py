"""Pages a killed fetch left are not blamed on the page budget: `feeds` says the last
refresh stopped before it got to them (a feed of 4 items is far under the budget of 100)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import newsdesk
from tests.test_page_budget import PAGE, _items


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_pages_left_by_a_killed_fetch_wait_for_the_next_one(server: LocalServer,
                                                            tmp_path: Path) -> None:
    items = _items(server, 4)
    for i in range(4):  # slow pages: the fetch is killed while it waits for them
        server.add(f"/a{i}", body=PAGE, headers={"Content-Type": "text/html"}, delay=1.5)
    config = str(write_config(tmp_path, [("Wire", server.add("/feed.xml", body=rss(items)))]))
    fetch = subprocess.Popen([sys.executable, "-m", "tui", "--config", config, "fetch"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = tmp_path / "cache" / "newsdesk.sqlite3"
    deadline = time.monotonic() + 60
    while _stored(db) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    fetch.send_signal(signal.SIGKILL)
    fetch.wait(10)
    feeds = newsdesk("--config", config, "feeds").stdout
    assert "4 article pages wait for the next refresh (the last one stopped before it got " \
           "to them) or for the reader to open them" in feeds, feeds
    assert "at most 100 a feed" not in feeds
