"""A page that failed for a reason that passes (503, a dropped connection) is tried again by
later fetches, each try later than the last, and given up after a few; a 404 is not. Real
`newsdesk` processes on a real cache, fed by a loopback server whose pages fail, then heal."""

from __future__ import annotations

import json
import sqlite3
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import newsdesk
from tests.test_refresh import _items, page
from tui.core.store.page_retry import MAX_TRIES


def _fetch(config: str) -> dict[str, object]:
    result = newsdesk("--config", config, "fetch", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _pages_asked(server: LocalServer) -> int:
    return sum(seen.path.startswith("/p/") for seen in server.seen)


def _due_now(config: str) -> None:
    """Move every waiting retry to now, as if the hours had passed."""
    with sqlite3.connect(Path(config).parent / "cache" / "newsdesk.sqlite3") as conn:
        conn.execute("UPDATE articles SET page_retry_at = NULL WHERE page_due = 1")


def test_a_page_that_failed_is_fetched_again_once_the_server_is_back(
        server: LocalServer, tmp_path: Path) -> None:
    items = _items(server, "p", 3)
    for i in range(3):
        server.add(f"/p/{i}.html", status=503, body=b"busy")
    server.add("/p/0.html", status=404, body=b"gone")  # gone for good: not tried again
    config = str(write_config(tmp_path, [("Wire", server.add("/w.xml", body=rss(items),
                                                             etag='"v1"'))]))
    text = newsdesk("--config", config, "fetch").stdout
    assert "0 pages extracted, 3 pages failed (2 will be tried again by later fetches;" in text
    feeds = newsdesk("--config", config, "feeds").stdout
    assert "2 failed article pages will be tried again by later refreshes" in feeds

    for i in (1, 2):  # the server is back
        server.add(f"/p/{i}.html", body=page(f"p story {i}"),
                   headers={"Content-Type": "text/html; charset=utf-8"})
    asked = _pages_asked(server)
    again = _fetch(config)
    assert (again["extracted"], again["pages_failed"]) == (2, 0)
    assert _pages_asked(server) == asked + 2  # the 404 was not asked again
    shown = json.loads(newsdesk("--config", config, "show", "2", "--json").stdout)
    assert shown["body_source"] == "page" and not shown["extract_error"]
    assert "will be tried again" not in newsdesk("--config", config, "feeds").stdout


def test_each_try_waits_longer_and_the_last_gives_up(server: LocalServer,
                                                    tmp_path: Path) -> None:
    items = _items(server, "p", 1)
    server.add("/p/0.html", status=503, body=b"busy")
    config = str(write_config(tmp_path, [("Wire", server.add("/w.xml", body=rss(items),
                                                             etag='"v1"'))]))
    _fetch(config)
    _fetch(config)  # the first wait is none: the next fetch tries again
    assert _pages_asked(server) == 2
    _fetch(config)  # then an hour: not yet
    assert _pages_asked(server) == 2
    for _ in range(MAX_TRIES - 2):
        _due_now(config)
        _fetch(config)
    assert _pages_asked(server) == MAX_TRIES
    _due_now(config)
    _fetch(config)
    assert _pages_asked(server) == MAX_TRIES  # given up
    shown = json.loads(newsdesk("--config", config, "show", "1", "--json").stdout)
    assert f"given up after {MAX_TRIES} tries" in shown["extract_error"]
    assert "will be tried again" not in newsdesk("--config", config, "feeds").stdout


def test_a_dropped_connection_is_tried_again(server: LocalServer, tmp_path: Path) -> None:
    items = _items(server, "p", 1)
    def hang_up(handler: BaseHTTPRequestHandler) -> None:
        handler.close_connection = True  # no answer at all: "Server disconnected"

    server.add("/p/0.html", handler=hang_up)
    config = str(write_config(tmp_path, [("Wire", server.add("/w.xml", body=rss(items)))]))
    assert _fetch(config)["pages_retried"] == 1
