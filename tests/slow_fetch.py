"""A `newsdesk fetch` caught at its pages, for the tests of what ends or meets it (a signal,
`kill -9`, a second fetch): a feed of four items whose pages answer slowly, and the fetch
handed back once the four articles are stored, so it is certainly waiting for those pages."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_page_budget import PAGE, _items

ITEMS = 4


def stored(db: Path) -> int:
    """Articles in the cache, read as another process would (0 while there is none yet)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def fetch_at_its_pages(server: LocalServer, tmp_path: Path, delay: float,
                       **popen: Any) -> tuple[subprocess.Popen[Any], str]:
    """(the running fetch, its feeds.toml): pages `/a0`.. answer after `delay` seconds;
    `popen` goes to subprocess.Popen (its output is dropped unless given)."""
    items = _items(server, ITEMS)
    for i in range(ITEMS):
        server.add(f"/a{i}", body=PAGE, headers={"Content-Type": "text/html"}, delay=delay)
    config = str(write_config(tmp_path, [("Wire", server.add("/feed.xml", body=rss(items)))]))
    popen = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, **popen}
    fetch = subprocess.Popen([sys.executable, "-m", "tui", "--config", config, "fetch"], **popen)
    db = tmp_path / "cache" / "newsdesk.sqlite3"
    deadline = time.monotonic() + 60
    while stored(db) < ITEMS and time.monotonic() < deadline:
        time.sleep(0.05)
    return fetch, config


def pages_answer(server: LocalServer) -> None:
    """The slow pages answer at once from now on (for the fetch that comes next)."""
    for i in range(ITEMS):
        server.add(f"/a{i}", body=PAGE, headers={"Content-Type": "text/html"})
