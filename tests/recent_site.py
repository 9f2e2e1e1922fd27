"""A small loopback site of recent articles (our own words) for tests of first uses of the pool.

Dates are hours old, so an alias re-match re-analyses them (analysis re-links only recent
articles), and each article names an actor of the bundled gazetteer. Pages may be slow, so a
fetch can be caught with its workers busy.
"""

from __future__ import annotations

import time
from email.utils import formatdate
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer, Route

TOPICS = [
    ("Sergei Shoigu meets officials in Tehran", "Sergei Shoigu held talks on security ties."),
    ("Grain corridor talks resume in Istanbul", "Negotiators met again to discuss shipping."),
    ("Power cuts spread across Lebanon", "Hezbollah and the caretaker cabinet traded blame."),
    ("Drone strike reported near Kharkiv", "Officials in Kyiv described damage to a depot."),
    ("Central bank keeps rates on hold", "Analysts expected the pause after a weak quarter."),
]


def page(title: str, text: str) -> bytes:
    paragraphs = "".join(f"<p>{text} Paragraph {i} adds detail for the reader, written for "
                         f"this test and nothing else.</p>" for i in range(1, 5))
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1>{paragraphs}</article></body></html>").encode()


def serve(server: LocalServer, folder: Path, *, feeds: int = 2, page_delay: float = 0.0,
          extra_settings: str = "") -> tuple[Path, int]:
    """Routes for `feeds` feeds of len(TOPICS) articles each; returns (feeds.toml, articles)."""
    folder.mkdir(parents=True, exist_ok=True)
    now = time.time()
    entries: list[tuple[str, str]] = []
    for f in range(feeds):
        items = []
        for i, (title, text) in enumerate(TOPICS):
            path = f"/f{f}/a{i}.html"
            server.add(path, Route(body=page(f"{title} ({f})", text), delay=page_delay,
                                   headers={"Content-Type": "text/html; charset=utf-8"}))
            items.append({"title": f"{title} ({f})", "link": server.url(path),
                          "guid": server.url(path), "description": text,
                          "pubDate": formatdate(now - 3600 * (i + 1) - 60 * f, usegmt=True)})
        url = server.add(f"/f{f}/feed.xml", Route(
            body=rss(items, title=f"Outlet {f}"),
            headers={"Content-Type": "application/rss+xml; charset=utf-8"}))
        entries.append((f"Outlet {f}", url))
    return write_config(folder, entries, settings=extra_settings), feeds * len(TOPICS)
