"""keep_days as a cron user meets it: a fetch says how many old articles it pruned, never
prunes an item its feed still sends (it came back as a new unread article), prunes only the
feeds it was asked to fetch, and an id once pruned is never another article's. Real
`newsdesk` processes against a loopback server and real SQLite files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import newsdesk


def _items(prefix: str, n: int) -> list[dict[str, str]]:
    return [{"title": f"{prefix} item {i}", "guid": f"{prefix}{i}",
             "pubDate": f"Mon, 05 Aug 2024 1{i}:00:00 GMT", "description": f"{prefix} {i}"}
            for i in range(n)]


def _config(server: LocalServer, tmp_path: Path) -> Path:
    server.add("/a.xml", body=rss(_items("a", 2)))
    server.add("/b.xml", body=rss(_items("b", 1)))
    feeds = [{"name": "Alpha", "url": server.url("/a.xml"), "extract": False},
             {"name": "Rolling", "url": server.url("/b.xml"), "extract": False}]
    return write_config(tmp_path, feeds, settings="keep_days = 30")


def _age(config: Path) -> None:
    """As if every article had been first fetched long ago (their items are 2024's)."""
    with sqlite3.connect(config.parent / "cache" / "newsdesk.sqlite3") as conn:
        conn.execute("UPDATE articles SET first_seen = '2024-08-06T00:00:00Z'")


def _titles(config: Path) -> list[str]:
    listed = newsdesk("--config", str(config), "list", "--limit", "0", "--json")
    return sorted(json.loads(line)["title"] for line in listed.stdout.splitlines())


def test_an_item_its_feed_still_sends_is_not_pruned(server: LocalServer, tmp_path: Path) -> None:
    config = _config(server, tmp_path)
    assert newsdesk("--config", str(config), "fetch").returncode == 0
    _age(config)
    again = newsdesk("--config", str(config), "fetch", "--json")
    assert json.loads(again.stdout)["pruned"] == 0
    assert _titles(config) == ["a item 0", "a item 1", "b item 0"]


def test_a_fetch_says_what_it_pruned_and_the_items_stay_gone(server: LocalServer,
                                                               tmp_path: Path) -> None:
    config = _config(server, tmp_path)
    assert newsdesk("--config", str(config), "fetch").returncode == 0
    _age(config)
    server.add("/a.xml", body=rss(_items("a", 2)[1:]))  # Alpha drops its first item
    server.add("/b.xml", body=rss([]))  # Rolling sends nothing any more
    done = newsdesk("--config", str(config), "fetch")
    assert done.returncode == 0 and "2 old articles pruned" in done.stdout, done.stdout
    assert _titles(config) == ["a item 1"]
    again = newsdesk("--config", str(config), "fetch", "--json")
    assert json.loads(again.stdout)["pruned"] == 0 and _titles(config) == ["a item 1"]


def test_fetching_one_feed_prunes_that_feed_alone(server: LocalServer, tmp_path: Path) -> None:
    config = _config(server, tmp_path)
    assert newsdesk("--config", str(config), "fetch").returncode == 0
    _age(config)
    server.add("/a.xml", body=rss([]))
    server.add("/b.xml", body=rss([]))
    one = newsdesk("--config", str(config), "fetch", "rolling", "--json")
    assert json.loads(one.stdout)["pruned"] == 1
    assert _titles(config) == ["a item 0", "a item 1"]  # Alpha was not fetched: untouched


def test_an_id_pruned_is_never_given_to_another_article(server: LocalServer,
                                                         tmp_path: Path) -> None:
    config = _config(server, tmp_path)
    assert newsdesk("--config", str(config), "fetch").returncode == 0
    _age(config)
    server.add("/a.xml", body=rss([]))
    server.add("/b.xml", body=rss([]))
    assert "3 old articles pruned" in newsdesk("--config", str(config), "fetch").stdout
    gone = newsdesk("--config", str(config), "show", "3")
    assert gone.returncode == 1 and "no article with id 3" in gone.stderr
    server.add("/b.xml", body=rss([{"title": "Fresh", "guid": "fresh"}]))
    assert newsdesk("--config", str(config), "fetch").returncode == 0
    assert newsdesk("--config", str(config), "show", "3").returncode == 1
    fresh = json.loads(newsdesk("--config", str(config), "show", "4", "--json").stdout)
    assert fresh["title"] == "Fresh"
