"""`feeds` and `fetch` say what a user needs of each feed: a feed added and never fetched is
"not fetched yet" (not "ok"), and a fetch lists every feed it read that still has a warning,
an unchanged one with pages waiting for another try included."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import newsdesk
from tests.test_refresh import _items


def test_a_feed_never_fetched_is_not_ok(server: LocalServer, tmp_path: Path) -> None:
    url = server.add("/w.xml", body=rss(_items(server, "w", 1)))
    config = str(write_config(tmp_path, [("Wire", url), ("Never Fetched",
                                                         "http://127.0.0.1:9/n.xml")]))
    before = newsdesk("--config", config, "feeds").stdout.splitlines()
    assert all(line.endswith("not fetched yet") for line in before), before
    states = {f["name"]: f["status"] for f in
              json.loads(newsdesk("--config", config, "feeds", "--json").stdout)}
    assert states == {"Wire": "not_fetched", "Never Fetched": "not_fetched"}
    assert newsdesk("--config", config, "fetch", "Wire").returncode == 0
    after = {f["name"]: f for f in
             json.loads(newsdesk("--config", config, "feeds", "--json").stdout)}
    assert after["Wire"]["status"] == "ok" and after["Never Fetched"]["status"] == "not_fetched"
    lines = newsdesk("--config", config, "feeds").stdout.splitlines()
    assert lines[0].endswith(" ok") and lines[1].endswith("not fetched yet"), lines


def test_an_unchanged_feed_with_a_page_waiting_is_listed(server: LocalServer,
                                                         tmp_path: Path) -> None:
    items = _items(server, "p", 1)
    server.add("/p/0.html", status=503, body=b"busy")  # tried again by later fetches
    url = server.add("/k.xml", body=rss(items), etag='"v1"')
    config = str(write_config(tmp_path, [("Kura River Notes", url)]))
    first = newsdesk("--config", config, "fetch")
    assert "1 will be tried again" in first.stdout, first.stdout
    again = newsdesk("--config", config, "fetch")
    assert "(1 unchanged)" in again.stdout, again.stdout
    assert "Kura River Notes: warning:" in again.stdout, again.stdout
    assert "will be tried again" in again.stdout
    summary = json.loads(newsdesk("--config", config, "fetch", "--json").stdout)
    assert [w["feed"] for w in summary["warnings"]] == ["Kura River Notes"]


def test_an_item_another_feed_stored_is_said_not_silently_merged(server: LocalServer,
                                                                 tmp_path: Path) -> None:
    """Two feeds giving one link store one article, listed under both; the second feed's
    `0 new articles` says why, once, naming the feed the row is labelled with."""
    items = _items(server, "c", 2)
    cedar = server.add("/cedar.xml", body=rss(items))
    gulf = server.add("/gulf.xml", body=rss([{**items[0], "guid": "gulf-own-guid"}]))
    config = str(write_config(tmp_path, [("Cedar Wire", cedar)]))
    assert newsdesk("--config", config, "fetch").returncode == 0
    config = str(write_config(tmp_path, [("Cedar Wire", cedar), ("Persian Gulf Letters", gulf)]))
    fetched = newsdesk("--config", config, "fetch", "Persian Gulf Letters")
    assert "0 new articles" in fetched.stdout
    assert ("Persian Gulf Letters: 1 item already listed under Cedar Wire (stored once, shown "
            "under both)") in fetched.stdout, fetched.stdout
    rows = [json.loads(line) for line in
            newsdesk("--config", config, "list", "feed:persian", "--json").stdout.splitlines()]
    assert [r["feed"] for r in rows] == ["Cedar Wire"]
    again = json.loads(newsdesk("--config", config, "fetch", "--json").stdout)
    assert again["shared"] == []  # said once, when it happened
