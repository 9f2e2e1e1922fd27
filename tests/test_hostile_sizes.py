"""Hostile items through a real refresh (loopback server, SQLite): a 50 kB headline and byline
are cut at a word with an ellipsis (they filled the reader's head, the status line and every
`list` row), the item's text kept whole in its summary; and what was already right stays so:
a javascript: or data: link is no link, a date in the year 9999 or before 1970 is the fetch's
date (and the feed says so), and items sharing one guid under other headlines stay apart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.ingest.parse import MAX_AUTHOR, MAX_TITLE


def test_hostile_items(server: LocalServer, tmp_path: Path) -> None:
    words = "Lavrov met envoys in Ankara " * 2000  # 56 kB
    items = [{"title": words, "author": words, "description": words, "guid": "big",
              "link": "http://127.0.0.1/big"},
             {"title": "Script link", "guid": "js", "link": "javascript:alert(1)"},
             {"title": "Data link", "guid": "data", "link": "data:text/html,x"},
             {"title": "Far future", "guid": "f", "link": "http://127.0.0.1/f",
              "pubDate": "Fri, 31 Dec 9999 23:59:59 GMT"},
             {"title": "Before the epoch", "guid": "e", "link": "http://127.0.0.1/e",
              "pubDate": "Wed, 31 Dec 1969 23:59:59 GMT"},
             *({"title": f"Copied guid {i}", "guid": "same", "link": f"http://127.0.0.1/s{i}",
                "pubDate": "Fri, 04 Dec 2026 07:00:00 GMT"} for i in range(3))]
    url = server.add("/feed.xml", body=rss(items))
    config = load_config(write_config(tmp_path, [("Wire", url)], settings="extract = false"))
    with Desk.open(config) as desk:
        desk.refresh()
        stored = {a.title: a for i in desk.ids() if (a := desk.article(i)) is not None}
        feed = next(f for f in desk.feeds() if f.name == "Wire")
    big = next(a for t, a in stored.items() if t.startswith("Lavrov"))
    assert len(big.title) <= MAX_TITLE + 1 and big.title.endswith("\u2026")
    assert big.title[:-1].split()[-1] in {"Lavrov", "met", "envoys", "in", "Ankara"}  # a word
    assert big.author is not None and len(big.author) <= MAX_AUTHOR + 1
    assert big.author.endswith("\u2026")
    assert (big.summary or "").count("Lavrov") == 2000
    assert stored["Script link"].url is None and stored["Data link"].url is None
    now = datetime.now(UTC)
    assert abs(stored["Far future"].published - now) < timedelta(hours=1)
    assert abs(stored["Before the epoch"].published - now) < timedelta(hours=1)
    assert "5 items with missing or invalid dates" in (feed.warning or "")
    assert {f"Copied guid {i}" for i in range(3)} <= set(stored)
